//! Literals, the panc way: where a number or quoted string ends (panc's longest match, which
//! logos cannot backtrack to on its own), unescaping strings and converting numbers.
//!
//! Single-quoted strings only know `''`; double-quoted strings know `\n \t \r \b \f \\ \"`,
//! `\xHH` and backslash-newline continuations, anything else is an error (as in panc).

use std::borrow::Cow;

/// The text of a single-quoted literal (with its quotes): `''` stands for one `'`.
pub fn single_quoted(raw: &str) -> Cow<'_, str> {
    let inner = strip(raw);
    if inner.contains("''") {
        Cow::Owned(inner.replace("''", "'"))
    } else {
        Cow::Borrowed(inner)
    }
}

/// The text of a double-quoted literal (with its quotes), or panc's message for a bad escape.
pub fn double_quoted(raw: &str) -> Result<Cow<'_, str>, String> {
    let inner = strip(raw);
    if !inner.contains('\\') {
        return Ok(Cow::Borrowed(inner));
    }
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let mut chars = after.chars();
        let consumed = match chars.next() {
            None => return Err("double-quoted string contains incomplete escape sequence".into()),
            Some('n') => push(&mut out, '\n'),
            Some('t') => push(&mut out, '\t'),
            Some('r') => push(&mut out, '\r'),
            Some('\\') => push(&mut out, '\\'),
            Some('"') => push(&mut out, '"'),
            Some('b') => push(&mut out, '\u{8}'),
            Some('f') => push(&mut out, '\u{c}'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                if hex.chars().count() < 2 {
                    return Err(
                        "double-quoted string contains incomplete hex escape sequence".into()
                    );
                }
                match hex_value(&hex) {
                    Some(c) => {
                        out.push(c);
                        1 + hex.len()
                    }
                    None => {
                        return Err(format!(
                            "double-quoted string contains illegal hex replacement ({hex})"
                        ))
                    }
                }
            }
            Some('\r') if after[1..].starts_with('\n') => 2,
            Some('\r') | Some('\n') => 1,
            Some(c) => {
                return Err(format!(
                    "double-quoted string contains an illegal escape sequence (\\{c})"
                ))
            }
        };
        rest = &after[consumed..];
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

fn push(out: &mut String, c: char) -> usize {
    out.push(c);
    1
}

/// Java's `Integer.parseInt(s, 16)` on two characters (a leading `+` is accepted), as a char.
fn hex_value(hex: &str) -> Option<char> {
    let digits = hex.strip_prefix('+').unwrap_or(hex);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok().and_then(char::from_u32)
}

fn strip(raw: &str) -> &str {
    raw.get(1..raw.len().saturating_sub(1)).unwrap_or("")
}

/// A long literal (decimal, `0x` hex or `0` octal); `None` when it does not fit in an `i64`.
pub fn long(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() > 1 && bytes[0] == b'0' && (bytes[1] | 0x20) == b'x' {
        i64::from_str_radix(&text[2..], 16).ok()
    } else if bytes.len() > 1 && bytes[0] == b'0' {
        i64::from_str_radix(&text[1..], 8).ok()
    } else {
        text.parse().ok()
    }
}

/// A double literal; out-of-range values become infinity or zero, as Java's parser does.
pub fn double(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// The length of the number literal at the start of `s` (which starts with a digit), and
/// whether it is a double. Longest match among panc's decimal, hex, octal and double forms.
pub fn scan_number(s: &[u8]) -> (usize, bool) {
    let digits =
        |from: usize| s[from.min(s.len())..].iter().take_while(|b| b.is_ascii_digit()).count();
    let exponent = |from: usize| {
        let mut i = from;
        if !matches!(s.get(i), Some(b'e' | b'E')) {
            return 0;
        }
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let d = digits(i);
        if d == 0 {
            0
        } else {
            i + d - from
        }
    };
    let int = digits(0);
    let fraction = if s.get(int) == Some(&b'.') { digits(int + 1) } else { 0 };
    let double = if fraction > 0 {
        let end = int + 1 + fraction;
        end + exponent(end)
    } else {
        match exponent(int) {
            0 => 0,
            e => int + e,
        }
    };
    let long = if s[0] != b'0' {
        int
    } else if matches!(s.get(1), Some(b'x' | b'X')) && s.get(2).is_some_and(u8::is_ascii_hexdigit) {
        2 + s[2..].iter().take_while(|b| b.is_ascii_hexdigit()).count()
    } else {
        1 + s[1..].iter().take_while(|b| (b'0'..=b'7').contains(b)).count()
    };
    if double > long {
        (double, true)
    } else {
        (long, false)
    }
}

/// The length of the single-quoted literal at the start of `s` (which starts with `'`):
/// `''` inside stands for a quote; no line ends. `None` when it is not closed.
pub fn scan_single_quoted(s: &[u8]) -> Option<usize> {
    let mut last = None;
    let mut i = 1;
    while i < s.len() {
        match s[i] {
            b'\n' | b'\r' => break,
            b'\'' if s.get(i + 1) == Some(&b'\'') => {
                // Either the end followed by another string, or a doubled quote: longest wins.
                last = Some(i + 1);
                i += 2;
            }
            b'\'' => return Some(i + 1),
            _ => i += 1,
        }
    }
    last
}

/// The length of the double-quoted literal at the start of `s` (which starts with `"`), by
/// panc's rule `" ( \" | \ EOL | [^"EOL] )* "` and longest match: a quote or a line end
/// inside needs a backslash before it. `None` when it is not closed.
pub fn scan_double_quoted(s: &[u8]) -> Option<usize> {
    let mut last = None;
    for i in 1..s.len() {
        let escaped = s[i - 1] == b'\\';
        match s[i] {
            b'"' if escaped => last = Some(i + 1),
            b'"' => return Some(i + 1),
            b'\n' if escaped || (s[i - 1] == b'\r' && i >= 2 && s[i - 2] == b'\\') => {}
            b'\r' if escaped => {}
            b'\n' | b'\r' => break,
            _ => {}
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(double_quoted(r#""a\tb\\c\"d\x41""#).unwrap(), "a\tb\\c\"dA");
        assert_eq!(double_quoted("\"a\\\nb\"").unwrap(), "ab");
        assert_eq!(double_quoted("\"a\\\r\nb\"").unwrap(), "ab");
        assert_eq!(double_quoted(r#""\r""#).unwrap(), "\r");
        assert!(double_quoted(r#""\q""#).unwrap_err().contains("(\\q)"));
        assert!(double_quoted(r#""\x4""#).unwrap_err().contains("incomplete hex"));
        assert!(double_quoted(r#""\xzz""#).unwrap_err().contains("(zz)"));
        assert!(double_quoted(r#""a\""#).unwrap_err().contains("incomplete escape"));
        assert_eq!(single_quoted("'it''s'"), "it's");
    }

    #[test]
    fn numbers() {
        assert_eq!(long("0x1F"), Some(31));
        assert_eq!(long("017"), Some(15));
        assert_eq!(long("0"), Some(0));
        assert_eq!(long("9223372036854775807"), Some(i64::MAX));
        assert_eq!(long("9223372036854775808"), None);
        assert_eq!(long("0xFFFFFFFFFFFFFFFF"), None);
        assert_eq!(double("1e400"), f64::INFINITY);
        assert_eq!(double("1e-400"), 0.0);
        assert_eq!(double("2.5E+2"), 250.0);
    }

    #[test]
    fn scanning() {
        let n = |s: &str| scan_number(s.as_bytes());
        assert_eq!(n("08;"), (1, false));
        assert_eq!(n("089.5;"), (5, true));
        assert_eq!(n("0x;"), (1, false));
        assert_eq!(n("0x1e5"), (5, false));
        assert_eq!(n("1..2"), (1, false));
        assert_eq!(n("1.5..2"), (3, true));
        assert_eq!(n("1e"), (1, false));
        assert_eq!(n("1e+5x"), (4, true));
        assert_eq!(n("2.5E-2"), (6, true));
        assert_eq!(n("0777"), (4, false));
        let sq = |s: &str| scan_single_quoted(s.as_bytes());
        assert_eq!(sq("'a''b' x"), Some(6));
        assert_eq!(sq("'a'' x"), Some(3));
        assert_eq!(sq("'a\n'"), None);
        let dq = |s: &str| scan_double_quoted(s.as_bytes());
        assert_eq!(dq(r#""q\"b\\";"#), Some(8));
        assert_eq!(dq(r#""a\\" + "b""#), Some(9));
        assert_eq!(dq("\"a\\\nb\""), Some(6));
        assert_eq!(dq("\"a\\\r\nb\""), Some(7));
        assert_eq!(dq("\"a\nb\""), None);
    }
}
