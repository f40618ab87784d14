//! `%e %f %g %a` of doubles as `java.util.Formatter` writes them.
//!
//! Java does not round the exact binary value: it takes the decimal digits of
//! `Double.toString` (JDK 17's `FloatingDecimal`) and rounds those half-up
//! (`FormattedFloatingDecimal.applyPrecision`). So `%.2f` of 1.005 is `1.01` and
//! `%.0f` of 2.5 is `3`. The digits come from [`crate::javafmt::double_to_string`].

use crate::javafmt::double_to_string;

/// The significant digits and decimal exponent of `Double.toString(v)` for finite
/// `v >= 0`: `v = 0.d1d2d3... * 10^exp`. Zero is `("0", 0)`, as in Java.
pub fn java_digits(v: f64) -> (Vec<u8>, i32) {
    if v == 0.0 {
        return (vec![b'0'], 0);
    }
    let s = double_to_string(v.abs());
    let (mantissa, exp10) = match s.find(['E', 'e']) {
        Some(p) => (
            &s[..p],
            s[p + 1..]
                .parse::<i32>()
                .expect("exponent of Double.toString"),
        ),
        None => (&s[..], 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let mut dec_exp = int_part.len() as i32 + exp10;
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..lead);
    dec_exp -= lead as i32;
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, dec_exp)
}

/// `FormattedFloatingDecimal.applyPrecision`: round `digits` half-up so that `prec`
/// digits remain; returns the new decimal exponent.
fn apply_precision(dec_exp: i32, digits: &mut [u8], prec: i32) -> i32 {
    let n = digits.len() as i32;
    if prec >= n || prec < 0 {
        return dec_exp;
    }
    if prec == 0 {
        if digits[0] >= b'5' {
            digits[0] = b'1';
            digits[1..].fill(b'0');
            return dec_exp + 1;
        }
        digits.fill(b'0');
        return dec_exp;
    }
    let prec = prec as usize;
    if digits[prec] >= b'5' {
        let mut i = prec - 1;
        while digits[i] == b'9' && i > 0 {
            i -= 1;
        }
        if digits[i] == b'9' {
            digits[0] = b'1';
            digits[1..].fill(b'0');
            return dec_exp + 1;
        }
        digits[i] += 1;
        digits[i + 1..].fill(b'0');
    } else {
        digits[prec..].fill(b'0');
    }
    dec_exp
}

fn push_digits(out: &mut String, d: &[u8]) {
    out.extend(d.iter().map(|&b| b as char));
}

/// `fillDecimal`: the mantissa for `%f` (no trailing zero padding yet).
fn fill_decimal(precision: i32, digits: &[u8], exp: i32) -> String {
    let n = digits.len() as i32;
    let mut m = String::new();
    if exp > 0 {
        if n < exp {
            push_digits(&mut m, digits);
            m.push_str(&"0".repeat((exp - n) as usize));
        } else {
            let t = (n - exp).min(precision);
            push_digits(&mut m, &digits[..exp as usize]);
            if t > 0 {
                m.push('.');
                push_digits(&mut m, &digits[exp as usize..(exp + t) as usize]);
            }
        }
    } else {
        let zeros = (-exp).min(precision).max(0);
        let t = n.min(precision + exp).max(0);
        if zeros > 0 || t > 0 {
            m.push_str("0.");
            m.push_str(&"0".repeat(zeros as usize));
            push_digits(&mut m, &digits[..t as usize]);
        } else {
            m.push('0');
        }
    }
    m
}

/// `fillScientific`: mantissa and exponent (`+05`, `-123`) for `%e`.
fn fill_scientific(precision: i32, digits: &[u8], exp: i32) -> (String, String) {
    let n = digits.len() as i32;
    let t = (n - 1).min(precision).max(0) as usize;
    let mut m = String::new();
    m.push(digits[0] as char);
    if t > 0 {
        m.push('.');
        push_digits(&mut m, &digits[1..=t]);
    }
    let (sign, e) = if exp <= 0 {
        ('-', 1 - exp)
    } else {
        ('+', exp - 1)
    };
    (m, format!("{sign}{e:02}"))
}

/// Formatter's `addZeros`: pad the fraction of `m` with zeros up to `prec` digits.
pub fn add_zeros(m: &mut String, prec: i32) {
    let (has_dot, out_prec) = match m.find('.') {
        Some(i) => (true, (m.len() - i - 1) as i32),
        None => (false, 0),
    };
    if out_prec >= prec {
        return;
    }
    if !has_dot {
        m.push('.');
    }
    m.push_str(&"0".repeat((prec - out_prec) as usize));
}

/// `%e` of finite `v >= 0`: mantissa (zero-padded to `prec`) and exponent with sign.
pub fn scientific(v: f64, prec: i32) -> (String, String) {
    let (mut digits, dec_exp) = java_digits(v);
    let exp = apply_precision(dec_exp, &mut digits, prec + 1);
    let (mut m, e) = fill_scientific(prec, &digits, exp);
    add_zeros(&mut m, prec);
    (m, if v == 0.0 { "+00".to_string() } else { e })
}

/// `%f` of finite `v >= 0`, fraction zero-padded to `prec`.
pub fn decimal(v: f64, prec: i32) -> String {
    let (mut digits, dec_exp) = java_digits(v);
    let exp = apply_precision(dec_exp, &mut digits, dec_exp.saturating_add(prec));
    let mut m = fill_decimal(prec, &digits, exp);
    add_zeros(&mut m, prec);
    m
}

/// `%g` of finite `v >= 0` with Java's precision rules: mantissa and, when the
/// scientific form is chosen, the exponent.
pub fn general(v: f64, precision: i32) -> (String, Option<String>) {
    let mut prec = match precision {
        -1 => 6,
        0 => 1,
        p => p,
    };
    if v == 0.0 {
        let mut m = "0".to_string();
        add_zeros(&mut m, prec - 1);
        return (m, None);
    }
    let (mut digits, dec_exp) = java_digits(v);
    let exp = apply_precision(dec_exp, &mut digits, prec);
    if exp - 1 < -4 || exp > prec {
        prec -= 1;
        let (mut m, e) = fill_scientific(prec, &digits, exp);
        add_zeros(&mut m, prec);
        (m, Some(e))
    } else {
        prec -= exp;
        let mut m = fill_decimal(prec, &digits, exp);
        add_zeros(&mut m, prec);
        (m, None)
    }
}

/// Java's `Double.toHexString` without the sign, for `v >= 0`, e.g. `0x1.8p1`.
pub fn to_hex_string(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return "Infinity".into();
    }
    if v == 0.0 {
        return "0x0.0p0".into();
    }
    let bits = v.to_bits();
    let signif = bits & ((1u64 << 52) - 1);
    let biased = (bits >> 52) & 0x7ff;
    let hex = format!("{signif:013x}");
    let trimmed = hex.trim_end_matches('0');
    let frac = if trimmed.is_empty() { "0" } else { trimmed };
    if biased == 0 {
        format!("0x0.{frac}p-1022")
    } else {
        format!("0x1.{frac}p{}", biased as i64 - 1023)
    }
}

/// Formatter's `hexDouble(d, prec)`: the hex form without `0x`, rounded to `prec`
/// hex digits (round half even on the bits) when 1 <= prec <= 12.
pub fn hex_double(d: f64, prec: i32) -> String {
    if !d.is_finite() || d == 0.0 || prec == 0 || prec >= 13 {
        return to_hex_string(d)[2..].to_string();
    }
    let mut d = d;
    let subnormal = (d.to_bits() >> 52) & 0x7ff == 0;
    if subnormal {
        d *= 2f64.powi(54);
    }
    let shift = 53 - (1 + prec * 4);
    let doppel = d.to_bits();
    let mut new_signif = (doppel & 0x7fff_ffff_ffff_ffff) >> shift;
    let rounding_bits = doppel & !(!0u64 << shift);
    let least_zero = new_signif & 1 == 0;
    let round = (1u64 << (shift - 1)) & rounding_bits != 0;
    let sticky = shift > 1 && (!(1u64 << (shift - 1)) & rounding_bits) != 0;
    if round && (sticky || !least_zero) {
        new_signif += 1;
    }
    let result = f64::from_bits((doppel & (1u64 << 63)) | (new_signif << shift));
    if result.is_infinite() {
        return "1.0p1024".into();
    }
    let res = to_hex_string(result)[2..].to_string();
    if !subnormal {
        return res;
    }
    let idx = res.find('p').expect("hex string has an exponent");
    let exp: i32 = res[idx + 1..].parse().expect("hex exponent");
    format!("{}p{}", &res[..idx], exp - 54)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_doubles() {
        assert_eq!(java_digits(123.45), (b"12345".to_vec(), 3));
        assert_eq!(java_digits(0.001), (b"1".to_vec(), -2));
        assert_eq!(java_digits(1e-4), (b"1".to_vec(), -3));
        assert_eq!(java_digits(100.0), (b"1".to_vec(), 3));
        assert_eq!(java_digits(1e20), (b"1".to_vec(), 21));
    }

    #[test]
    fn rounding_is_half_up_on_decimal_digits() {
        assert_eq!(decimal(2.5, 0), "3");
        assert_eq!(decimal(3.5, 0), "4");
        assert_eq!(decimal(1.005, 2), "1.01");
        assert_eq!(decimal(0.05, 1), "0.1");
        assert_eq!(decimal(0.006, 1), "0.0");
        assert_eq!(decimal(9.995, 2), "10.00");
        assert_eq!(decimal(1e20, 6), "100000000000000000000.000000");
        assert_eq!(scientific(12345.678, 6), ("1.234568".into(), "+04".into()));
        assert_eq!(scientific(0.0, 6), ("0.000000".into(), "+00".into()));
        assert_eq!(general(0.0001, -1), ("0.000100000".into(), None));
        assert_eq!(general(100000.0, -1), ("100000".into(), None));
        assert_eq!(
            general(1000000.0, -1),
            ("1.00000".into(), Some("+06".into()))
        );
    }

    #[test]
    fn hex_forms() {
        assert_eq!(to_hex_string(1.0), "0x1.0p0");
        assert_eq!(to_hex_string(3.0), "0x1.8p1");
        assert_eq!(to_hex_string(f64::from_bits(1)), "0x0.0000000000001p-1022");
        assert_eq!(hex_double(1.0, 1), "1.0p0");
        assert_eq!(hex_double(f64::MAX, 1), "1.0p1024");
    }
}
