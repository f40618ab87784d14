//! Java's number parsing and rounding as panc's conversion builtins use them:
//! `Long.parseLong`, `Long.decode`, `Double.parseDouble` and `Math.round`.

/// The zeros of the BMP's decimal-digit (Nd) runs, which `Character.digit` accepts.
const ND_ZEROS: [u32; 37] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10,
];

/// `Character.digit(char, radix)`: Unicode decimal digits, ASCII and fullwidth Latin
/// letters. Characters outside the BMP are surrogate pairs in Java, never digits.
pub fn char_digit(c: char, radix: u32) -> Option<u32> {
    let u = c as u32;
    let value = match u {
        0x41..=0x5A => u - 0x41 + 10,
        0x61..=0x7A => u - 0x61 + 10,
        0xFF21..=0xFF3A => u - 0xFF21 + 10,
        0xFF41..=0xFF5A => u - 0xFF41 + 10,
        _ => {
            let zero = ND_ZEROS.iter().rev().find(|&&z| z <= u)?;
            if u - zero > 9 {
                return None;
            }
            u - zero
        }
    };
    (value < radix).then_some(value)
}

/// `Long.parseLong(s, radix)`; `None` where Java throws `NumberFormatException`.
pub fn parse_long(s: &str, radix: u32) -> Option<i64> {
    let mut chars = s.chars().peekable();
    let first = *chars.peek()?;
    let negative = first == '-';
    if first < '0' {
        if first != '-' && first != '+' {
            return None;
        }
        chars.next();
        chars.peek()?;
    }
    let mut magnitude: u64 = 0;
    for c in chars {
        let d = char_digit(c, radix)?;
        magnitude = magnitude
            .checked_mul(u64::from(radix))?
            .checked_add(u64::from(d))?;
        if magnitude > 1 << 63 {
            return None;
        }
    }
    if negative {
        Some((magnitude as i64).wrapping_neg())
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// `Long.decode(s)`: optional sign, then `0x`/`0X`/`#` hex, a leading `0` octal, or decimal.
pub fn decode_long(s: &str) -> Option<i64> {
    let (negative, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) =
        if let Some(r) = rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
            (16, r)
        } else if let Some(r) = rest.strip_prefix('#') {
            (16, r)
        } else if rest.len() > 1 && rest.starts_with('0') {
            (8, &rest[1..])
        } else {
            (10, rest)
        };
    if digits.starts_with(['-', '+']) {
        return None;
    }
    if negative {
        parse_long(&format!("-{digits}"), radix)
    } else {
        parse_long(digits, radix)
    }
}

/// Java's `Math.round(double)`: floor(x + 0.5) computed exactly, saturating, NaN to 0.
pub fn math_round(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    // floor(x + 0.5) without the double rounding of x + 0.5 (Java 7+ semantics).
    let f = x.floor();
    let r = if x - f >= 0.5 { f + 1.0 } else { f };
    r as i64 // `as` saturates like Java's (long) cast
}

/// Java's `String.trim()`: strips UTF-16 units <= U+0020 at both ends.
fn java_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

/// `Double.parseDouble(s)`; `None` where Java throws `NumberFormatException`.
pub fn parse_double(s: &str) -> Option<f64> {
    let t = java_trim(s);
    let b = t.as_bytes();
    let (negative, mut i) = match b.first()? {
        b'-' => (true, 1),
        b'+' => (false, 1),
        _ => (false, 0),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    match b.get(i)? {
        b'N' => return (&t[i..] == "NaN").then_some(f64::NAN),
        b'I' => return (&t[i..] == "Infinity").then_some(sign * f64::INFINITY),
        b'0' if matches!(b.get(i + 1), Some(b'x' | b'X')) => return parse_hex_double(t),
        _ => {}
    }
    // Mantissa: digits and at most one point.
    let mut digits = Vec::new();
    let mut lead_zeros = 0i64;
    let mut point: Option<i64> = None;
    let mantissa_start = i;
    while let Some(&c) = b.get(i) {
        match c {
            b'0' if digits.is_empty() => lead_zeros += 1,
            b'0'..=b'9' => digits.push(c),
            b'.' if point.is_none() => point = Some((i - mantissa_start) as i64),
            b'.' => return None,
            _ => break,
        }
        i += 1;
    }
    let trail_zeros = digits.iter().rev().take_while(|&&d| d == b'0').count();
    let n_all = digits.len() as i64;
    digits.truncate(digits.len() - trail_zeros);
    if digits.is_empty() && lead_zeros == 0 {
        return None;
    }
    let mut dec_exp = match point {
        Some(p) => p - lead_zeros,
        None => n_all,
    };
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let exp_sign = match b.get(i)? {
            b'-' => {
                i += 1;
                -1
            }
            b'+' => {
                i += 1;
                1
            }
            _ => 1,
        };
        let exp_at = i;
        let (mut exp_val, mut overflow) = (0i64, false);
        while let Some(c @ b'0'..=b'9') = b.get(i) {
            if exp_val >= i64::from(i32::MAX / 10) {
                overflow = true;
            }
            exp_val = (exp_val * 10 + i64::from(c - b'0')).min(i64::from(i32::MAX) * 10);
            i += 1;
        }
        if i == exp_at {
            return None;
        }
        let limit = 324 + digits.len() as i64 + trail_zeros as i64;
        dec_exp = if overflow || exp_val > limit {
            exp_sign * limit
        } else {
            dec_exp + exp_sign * exp_val
        };
    }
    if i < b.len() && (i != b.len() - 1 || !matches!(b[i], b'f' | b'F' | b'd' | b'D')) {
        return None;
    }
    if digits.is_empty() {
        return Some(sign * 0.0);
    }
    let text = format!(
        "0.{}e{}",
        String::from_utf8(digits).expect("ASCII digits"),
        dec_exp
    );
    Some(sign * text.parse::<f64>().expect("well-formed decimal"))
}

/// The hexadecimal form `[+-]0x<hex>[.<hex>]p[+-]<dec>[fFdD]` of `Double.parseDouble`.
fn parse_hex_double(t: &str) -> Option<f64> {
    let (negative, rest) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let rest = rest
        .strip_prefix("0x")
        .or_else(|| rest.strip_prefix("0X"))?;
    let rest = rest.strip_suffix(['f', 'F', 'd', 'D']).unwrap_or(rest);
    let p = rest.find(['p', 'P'])?;
    let (mantissa, exp) = (&rest[..p], &rest[p + 1..]);
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let hex = |s: &str| s.bytes().all(|c| c.is_ascii_hexdigit());
    if !hex(int_part) || !hex(frac_part) || (int_part.is_empty() && frac_part.is_empty()) {
        return None;
    }
    let (exp_negative, exp_digits) = match exp.as_bytes().first()? {
        b'-' => (true, &exp[1..]),
        b'+' => (false, &exp[1..]),
        _ => (false, exp),
    };
    if exp_digits.is_empty() || !exp_digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let sign = if negative { -1.0 } else { 1.0 };
    let all: Vec<u64> = int_part
        .chars()
        .chain(frac_part.chars())
        .map(|c| u64::from(c.to_digit(16).unwrap()))
        .collect();
    let Some(first_nonzero) = all.iter().position(|&d| d != 0) else {
        return Some(sign * 0.0);
    };
    let Ok(raw_exp) = exp_digits.parse::<i32>() else {
        return Some(sign * if exp_negative { 0.0 } else { f64::INFINITY });
    };
    // value = 0x<all digits> * 2^(exp - 4 * frac_len); keep 15 hex digits plus a sticky bit.
    let sig = &all[first_nonzero..];
    let kept = sig.len().min(15);
    let m = sig[..kept].iter().fold(0u64, |m, &d| (m << 4) | d);
    let sticky = sig[kept..].iter().any(|&d| d != 0);
    let e2 = i64::from(if exp_negative { -raw_exp } else { raw_exp }) - 4 * frac_part.len() as i64
        + 4 * (sig.len() - kept) as i64;
    Some(sign * round_binary(m, sticky, e2))
}

/// The double nearest to `(m + sticky) * 2^e2` (ties to even), `m > 0`, where `sticky`
/// stands for nonzero bits below `m`.
fn round_binary(m: u64, sticky: bool, e2: i64) -> f64 {
    let lz = m.leading_zeros();
    let m = m << lz;
    let e = e2 - i64::from(lz) + 63; // the value is in [2^e, 2^(e+1))
    if e > 1023 {
        return f64::INFINITY;
    }
    let drop = if e >= -1022 { 11 } else { 11 + (-1022 - e) };
    if drop > 64 {
        return 0.0;
    }
    let (keep, rem) = if drop == 64 {
        (0, m)
    } else {
        (m >> drop, m & ((1u64 << drop) - 1))
    };
    let half = 1u64 << (drop - 1);
    let up = rem > half || (rem == half && (sticky || keep & 1 == 1));
    let keep = keep + u64::from(up);
    if e < -1022 {
        return f64::from_bits(keep); // subnormal, or the smallest normal after rounding up
    }
    let (keep, e) = if keep == 1 << 53 {
        (keep >> 1, e + 1)
    } else {
        (keep, e)
    };
    if e > 1023 {
        return f64::INFINITY;
    }
    f64::from_bits((((e + 1023) as u64) << 52) | (keep & ((1u64 << 52) - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_parsing() {
        assert_eq!(decode_long("0x1F"), Some(31));
        assert_eq!(decode_long("-0x8000000000000000"), Some(i64::MIN));
        assert_eq!(decode_long("0x8000000000000000"), None);
        assert_eq!(decode_long("010"), Some(8));
        assert_eq!(decode_long("#ff"), Some(255));
        assert_eq!(decode_long("0x-1"), None);
        assert_eq!(decode_long("\u{0661}\u{0662}"), Some(12));
        assert_eq!(parse_long("-ff", 16), Some(-255));
        assert_eq!(parse_long("+", 10), None);
        assert_eq!(parse_long("\u{FF41}", 16), Some(10));
    }

    #[test]
    fn rounding() {
        assert_eq!(math_round(2.5), 3);
        assert_eq!(math_round(-2.5), -2);
        assert_eq!(math_round(0.49999999999999994), 0);
        assert_eq!(math_round(1e30), i64::MAX);
        assert_eq!(math_round(f64::NAN), 0);
    }

    #[test]
    fn double_parsing() {
        assert_eq!(parse_double(" 1.5d"), Some(1.5));
        assert_eq!(parse_double(".5"), Some(0.5));
        assert_eq!(parse_double("0x1.8p1"), Some(3.0));
        assert_eq!(parse_double("0x10"), None);
        assert_eq!(parse_double("1e"), None);
        assert_eq!(
            parse_double("0x0.0000000000001p-1022"),
            Some(f64::from_bits(1))
        );
        assert_eq!(parse_double("0x1.fffffffffffff8p1023"), Some(f64::INFINITY));
        assert!(parse_double("-0.0").unwrap().is_sign_negative());
    }
}
