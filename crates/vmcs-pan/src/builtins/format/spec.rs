//! Parsing of `java.util.Formatter` format strings into fixed text and specifiers.
//!
//! Mirrors JDK 17: a fast path for `%` followed directly by a conversion character,
//! otherwise the pattern `%(\d+\$)?([-#+ 0,(\<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])`
//! and the same checks, in the same order, with the same exception messages.

use super::JavaError;

/// Java's `Formatter.Flags`, same bits and the same `toString` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags(pub u16);

impl Flags {
    pub const LEFT_JUSTIFY: Flags = Flags(1 << 0);
    pub const UPPERCASE: Flags = Flags(1 << 1);
    pub const ALTERNATE: Flags = Flags(1 << 2);
    pub const PLUS: Flags = Flags(1 << 3);
    pub const LEADING_SPACE: Flags = Flags(1 << 4);
    pub const ZERO_PAD: Flags = Flags(1 << 5);
    pub const GROUP: Flags = Flags(1 << 6);
    pub const PARENTHESES: Flags = Flags(1 << 7);
    pub const PREVIOUS: Flags = Flags(1 << 8);

    pub fn contains(self, f: Flags) -> bool {
        self.0 & f.0 == f.0
    }
    pub fn add(&mut self, f: Flags) {
        self.0 |= f.0;
    }
    pub fn without(self, f: Flags) -> Flags {
        Flags(self.0 & !f.0)
    }
    fn parse_char(c: char) -> Option<Flags> {
        Some(match c {
            '-' => Flags::LEFT_JUSTIFY,
            '#' => Flags::ALTERNATE,
            '+' => Flags::PLUS,
            ' ' => Flags::LEADING_SPACE,
            '0' => Flags::ZERO_PAD,
            ',' => Flags::GROUP,
            '(' => Flags::PARENTHESES,
            '<' => Flags::PREVIOUS,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Flags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const ORDER: [(Flags, char); 9] = [
            (Flags::LEFT_JUSTIFY, '-'),
            (Flags::UPPERCASE, '^'),
            (Flags::ALTERNATE, '#'),
            (Flags::PLUS, '+'),
            (Flags::LEADING_SPACE, ' '),
            (Flags::ZERO_PAD, '0'),
            (Flags::GROUP, ','),
            (Flags::PARENTHESES, '('),
            (Flags::PREVIOUS, '<'),
        ];
        for (flag, c) in ORDER {
            if self.contains(flag) {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// One piece of a parsed format string.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Spec(Spec),
}

/// A format specifier. `index` is -2 for `%%`/`%n`, -1 for `<`, 0 for the next
/// ordinary argument and n > 0 for `n$`. `width`/`precision` are -1 when absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub index: i32,
    pub flags: Flags,
    pub width: i32,
    pub precision: i32,
    pub dt: bool,
    pub conv: char,
}

fn is_valid_conversion(c: char) -> bool {
    "bBsShHcCdoxXeEgGfaAn%".contains(c)
}
fn is_general(c: char) -> bool {
    "bBsShH".contains(c)
}
fn is_integer(c: char) -> bool {
    "doxX".contains(c)
}
fn is_float(c: char) -> bool {
    "eEgGfaA".contains(c)
}
fn is_text(c: char) -> bool {
    c == 'n' || c == '%'
}
/// The conversions accepted after `t`/`T`.
pub fn is_valid_datetime(c: char) -> bool {
    "HIklMNLQpsSTzZaAbBCdehjmyYrRcDF".contains(c)
}

impl Spec {
    /// Java's `FormatSpecifier.toString()`, used in several exception messages.
    pub fn java_string(&self) -> String {
        let mut s = String::from("%");
        s.push_str(&self.flags.without(Flags::UPPERCASE).to_string());
        if self.index > 0 {
            s.push_str(&format!("{}$", self.index));
        }
        if self.width != -1 {
            s.push_str(&self.width.to_string());
        }
        if self.precision != -1 {
            s.push_str(&format!(".{}", self.precision));
        }
        let upper = self.flags.contains(Flags::UPPERCASE);
        if self.dt {
            s.push(if upper { 'T' } else { 't' });
        }
        s.push(if upper {
            self.conv.to_ascii_uppercase()
        } else {
            self.conv
        });
        s
    }

    pub fn fail_mismatch(&self, flag: Flags) -> JavaError {
        JavaError(format!("Conversion = {}, Flags = {}", self.conv, flag))
    }

    fn check_bad_flags(&self, bad: &[Flags]) -> Result<(), JavaError> {
        match bad.iter().find(|f| self.flags.contains(**f)) {
            Some(f) => Err(self.fail_mismatch(*f)),
            None => Ok(()),
        }
    }

    fn missing_width(&self) -> JavaError {
        JavaError(self.java_string())
    }

    fn check_general(&self) -> Result<(), JavaError> {
        if (self.conv == 'b' || self.conv == 'h') && self.flags.contains(Flags::ALTERNATE) {
            return Err(self.fail_mismatch(Flags::ALTERNATE));
        }
        if self.width == -1 && self.flags.contains(Flags::LEFT_JUSTIFY) {
            return Err(self.missing_width());
        }
        self.check_bad_flags(&[
            Flags::PLUS,
            Flags::LEADING_SPACE,
            Flags::ZERO_PAD,
            Flags::GROUP,
            Flags::PARENTHESES,
        ])
    }

    fn check_datetime(&self) -> Result<(), JavaError> {
        if self.precision != -1 {
            return Err(JavaError(self.precision.to_string()));
        }
        if !is_valid_datetime(self.conv) {
            return Err(unknown_conversion(&format!("t{}", self.conv)));
        }
        self.check_bad_flags(&[
            Flags::ALTERNATE,
            Flags::PLUS,
            Flags::LEADING_SPACE,
            Flags::ZERO_PAD,
            Flags::GROUP,
            Flags::PARENTHESES,
        ])?;
        if self.width == -1 && self.flags.contains(Flags::LEFT_JUSTIFY) {
            return Err(self.missing_width());
        }
        Ok(())
    }

    fn check_character(&self) -> Result<(), JavaError> {
        if self.precision != -1 {
            return Err(JavaError(self.precision.to_string()));
        }
        self.check_bad_flags(&[
            Flags::ALTERNATE,
            Flags::PLUS,
            Flags::LEADING_SPACE,
            Flags::ZERO_PAD,
            Flags::GROUP,
            Flags::PARENTHESES,
        ])?;
        if self.width == -1 && self.flags.contains(Flags::LEFT_JUSTIFY) {
            return Err(self.missing_width());
        }
        Ok(())
    }

    fn check_numeric(&self) -> Result<(), JavaError> {
        let f = self.flags;
        if self.width == -1 && (f.contains(Flags::LEFT_JUSTIFY) || f.contains(Flags::ZERO_PAD)) {
            return Err(self.missing_width());
        }
        if (f.contains(Flags::PLUS) && f.contains(Flags::LEADING_SPACE))
            || (f.contains(Flags::LEFT_JUSTIFY) && f.contains(Flags::ZERO_PAD))
        {
            return Err(illegal_flags(f));
        }
        Ok(())
    }

    fn check_integer(&self) -> Result<(), JavaError> {
        self.check_numeric()?;
        if self.precision != -1 {
            return Err(JavaError(self.precision.to_string()));
        }
        if self.conv == 'd' {
            self.check_bad_flags(&[Flags::ALTERNATE])
        } else {
            self.check_bad_flags(&[Flags::GROUP])
        }
    }

    fn check_float(&self) -> Result<(), JavaError> {
        self.check_numeric()?;
        match self.conv {
            'a' => self.check_bad_flags(&[Flags::PARENTHESES, Flags::GROUP]),
            'e' => self.check_bad_flags(&[Flags::GROUP]),
            'g' => self.check_bad_flags(&[Flags::ALTERNATE]),
            _ => Ok(()),
        }
    }

    fn check_text(&self) -> Result<(), JavaError> {
        if self.precision != -1 {
            return Err(JavaError(self.precision.to_string()));
        }
        if self.conv == '%' {
            if self.flags != Flags::LEFT_JUSTIFY && self.flags != Flags::default() {
                return Err(illegal_flags(self.flags));
            }
            if self.width == -1 && self.flags.contains(Flags::LEFT_JUSTIFY) {
                return Err(self.missing_width());
            }
        } else {
            if self.width != -1 {
                return Err(JavaError(self.width.to_string()));
            }
            if self.flags != Flags::default() {
                return Err(illegal_flags(self.flags));
            }
        }
        Ok(())
    }
}

fn unknown_conversion(s: &str) -> JavaError {
    JavaError(format!("Conversion = '{s}'"))
}

fn illegal_flags(f: Flags) -> JavaError {
    JavaError(format!("Flags = '{f}'"))
}

/// The parts of a specifier that the pattern matched, as char index ranges.
struct Matched {
    index: Option<(usize, usize)>,
    flags: (usize, usize),
    width: Option<(usize, usize)>,
    precision: Option<(usize, usize)>,
    t: Option<char>,
    conv: char,
    end: usize,
}

fn digits_end(s: &[char], mut p: usize) -> usize {
    while p < s.len() && s[p].is_ascii_digit() {
        p += 1;
    }
    p
}

/// Match the specifier pattern at `start` (the `%`), with the regex's backtracking.
fn match_spec(s: &[char], start: usize) -> Option<Matched> {
    for with_index in [true, false] {
        let mut p = start + 1;
        let mut index = None;
        if with_index {
            let e = digits_end(s, p);
            if e == p || s.get(e) != Some(&'$') {
                continue;
            }
            index = Some((p, e));
            p = e + 1;
        }
        let flags_start = p;
        while p < s.len() && Flags::parse_char(s[p]).is_some() {
            p += 1;
        }
        let flags = (flags_start, p);
        let e = digits_end(s, p);
        let width = (e > p).then_some((p, e));
        p = e;
        let mut precision = None;
        if s.get(p) == Some(&'.') {
            let e = digits_end(s, p + 1);
            if e > p + 1 {
                precision = Some((p + 1, e));
                p = e;
            }
        }
        let is_conv = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphabetic() || *c == '%');
        let mut t = None;
        if matches!(s.get(p), Some('t' | 'T')) && is_conv(s.get(p + 1)) {
            t = Some(s[p]);
            p += 1;
        }
        if !is_conv(s.get(p)) {
            continue;
        }
        return Some(Matched {
            index,
            flags,
            width,
            precision,
            t,
            conv: s[p],
            end: p + 1,
        });
    }
    None
}

/// Java's `Integer.parseInt` of an ASCII digit run; `None` on overflow.
fn parse_int(s: &[char], (a, b): (usize, usize)) -> Option<i32> {
    s[a..b].iter().collect::<String>().parse::<i32>().ok()
}

fn build_spec(s: &[char], m: &Matched) -> Result<Spec, JavaError> {
    let mut spec = Spec {
        index: 0,
        flags: Flags::default(),
        width: -1,
        precision: -1,
        dt: false,
        conv: m.conv,
    };
    if let Some(r) = m.index {
        match parse_int(s, r) {
            Some(n) if n > 0 => spec.index = n,
            Some(n) => return Err(JavaError(format!("Illegal format argument index = {n}"))),
            None => {
                return Err(JavaError(
                    "Format argument index: (not representable as int)".into(),
                ))
            }
        }
    }
    for &c in &s[m.flags.0..m.flags.1] {
        let f = Flags::parse_char(c).expect("matched flag");
        if spec.flags.contains(f) {
            return Err(JavaError(format!("Flags = '{f}'")));
        }
        spec.flags.add(f);
    }
    if spec.flags.contains(Flags::PREVIOUS) {
        spec.index = -1;
    }
    if let Some(r) = m.width {
        spec.width = parse_int(s, r).ok_or_else(|| JavaError(i32::MIN.to_string()))?;
    }
    if let Some(r) = m.precision {
        spec.precision = parse_int(s, r).ok_or_else(|| JavaError(i32::MIN.to_string()))?;
    }
    if let Some(t) = m.t {
        spec.dt = true;
        if t == 'T' {
            spec.flags.add(Flags::UPPERCASE);
        }
    } else {
        if !is_valid_conversion(spec.conv) {
            return Err(unknown_conversion(&spec.conv.to_string()));
        }
        if spec.conv.is_ascii_uppercase() {
            spec.flags.add(Flags::UPPERCASE);
            spec.conv = spec.conv.to_ascii_lowercase();
        }
        if is_text(spec.conv) {
            spec.index = -2;
        }
    }
    if spec.dt {
        spec.check_datetime()?;
    } else if is_general(spec.conv) {
        spec.check_general()?;
    } else if spec.conv == 'c' {
        spec.check_character()?;
    } else if is_integer(spec.conv) {
        spec.check_integer()?;
    } else if is_float(spec.conv) {
        spec.check_float()?;
    } else {
        spec.check_text()?;
    }
    Ok(spec)
}

/// Parse a whole format string (Java parses everything before printing anything).
pub fn parse(format: &str) -> Result<Vec<Piece>, JavaError> {
    let s: Vec<char> = format.chars().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let Some(n) = s[i..].iter().position(|&c| c == '%').map(|p| p + i) else {
            pieces.push(Piece::Text(s[i..].iter().collect()));
            break;
        };
        if n != i {
            pieces.push(Piece::Text(s[i..n].iter().collect()));
        }
        i = n + 1;
        let Some(&c) = s.get(i) else {
            return Err(unknown_conversion("%"));
        };
        if is_valid_conversion(c) {
            // The fast path: no flags, width or precision, and no checks.
            let mut spec = Spec {
                index: 0,
                flags: Flags::default(),
                width: -1,
                precision: -1,
                dt: false,
                conv: c,
            };
            if c.is_ascii_uppercase() {
                spec.flags = Flags::UPPERCASE;
                spec.conv = c.to_ascii_lowercase();
            }
            if is_text(c) {
                spec.index = -2;
            }
            pieces.push(Piece::Spec(spec));
            i += 1;
        } else {
            let m = match_spec(&s, n).ok_or_else(|| unknown_conversion(&c.to_string()))?;
            pieces.push(Piece::Spec(build_spec(&s, &m)?));
            i = m.end;
        }
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(f: &str) -> Spec {
        match parse(f).unwrap().pop().unwrap() {
            Piece::Spec(s) => s,
            p => panic!("{p:?}"),
        }
    }

    #[test]
    fn specifiers_parse_like_java() {
        let s = spec("%-8.3f");
        assert_eq!(
            (s.flags, s.width, s.precision, s.conv),
            (Flags::LEFT_JUSTIFY, 8, 3, 'f')
        );
        assert_eq!(spec("%2$s").index, 2);
        assert_eq!(spec("%<s").index, -1);
        assert_eq!(spec("%05d").width, 5);
        assert_eq!(spec("%05d").flags, Flags::ZERO_PAD);
        assert!(spec("%tY").dt);
        assert_eq!(spec("%,10d").java_string(), "%,10d");
        assert_eq!(spec("%X").java_string(), "%X");
    }

    #[test]
    fn parse_errors_carry_java_messages() {
        let err = |f: &str| parse(f).unwrap_err().0;
        assert_eq!(err("abc%"), "Conversion = '%'");
        assert_eq!(err("%q"), "Conversion = 'q'");
        assert_eq!(err("%0$s"), "Illegal format argument index = 0");
        assert_eq!(err("%.2d"), "2");
        assert_eq!(err("%-d"), "%-d");
        assert_eq!(err("%--5d"), "Flags = '-'");
        assert_eq!(err("%+ d"), "Flags = '+ '");
        assert_eq!(err("%#d"), "Conversion = d, Flags = #");
        assert_eq!(err("%tq"), "Conversion = 'tq'");
        assert_eq!(err("%5n"), "5");
    }
}
