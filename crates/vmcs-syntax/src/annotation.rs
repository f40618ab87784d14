//! Annotations (`@name{...}`): splitting the token and the checks panc applies to it.
//!
//! panc accepts any body that does not look like `key = value` (a free-text description);
//! a body that does must be a sequence of `key = value` pairs, where a value is a quoted
//! string or the rest of the line (continued by a trailing backslash). Names and keys are
//! `[A-Za-z_][A-Za-z_.-]*` and may not start with `xml`.

/// Split an annotation token (`@ name { body }`) into its name and body.
pub fn split(token: &str) -> (&str, &str) {
    let rest = token.strip_prefix('@').unwrap_or(token);
    let rest = rest.trim_start_matches(is_space);
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    let name = &rest[..name_len];
    let rest = rest[name_len..].trim_start_matches(is_space);
    // `rest` is now the opening delimiter, the body and the closing delimiter.
    let body = rest.get(1..rest.len().saturating_sub(1)).unwrap_or("");
    (name, body)
}

/// panc's verdict on an annotation, as an error message.
pub fn check(name: &str, body: &str) -> Result<(), String> {
    if !name.is_empty() && !valid_key(name) {
        return Err(format!("invalid annotation name `{name}`"));
    }
    if !looks_like_pairs(body) {
        return Ok(());
    }
    let mut p = Pairs { s: body.as_bytes(), pos: 0 };
    while let Some(key) = p.key()? {
        if !valid_key(key) {
            return Err(format!("invalid annotation key `{key}`"));
        }
        p.equals(key)?;
        p.value(key)?;
    }
    Ok(())
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{c}' | '\n' | '\r')
}

fn java_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `^[A-Za-z_][A-Za-z_.-]*$`, not starting with `xml` in any case.
fn valid_key(key: &str) -> bool {
    let b = key.as_bytes();
    let head_ok = b.first().is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_');
    let tail_ok = b.iter().all(|c| c.is_ascii_alphabetic() || matches!(c, b'_' | b'.' | b'-'));
    head_ok && tail_ok && !(b.len() >= 3 && b[..3].eq_ignore_ascii_case(b"xml"))
}

/// panc's `^\s*[^=\s]*\s*=`: does the body start like `key = ...`?
fn looks_like_pairs(body: &str) -> bool {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() && java_space(b[i]) {
        i += 1;
    }
    while i < b.len() && !java_space(b[i]) && b[i] != b'=' {
        i += 1;
    }
    while i < b.len() && java_space(b[i]) {
        i += 1;
    }
    b.get(i) == Some(&b'=')
}

/// A tiny scanner for the `key = value` form.
struct Pairs<'a> {
    s: &'a [u8],
    pos: usize,
}

impl<'a> Pairs<'a> {
    fn skip_space(&mut self) {
        while self.pos < self.s.len()
            && matches!(self.s[self.pos], b' ' | b'\t' | 0x0c | b'\n' | b'\r')
        {
            self.pos += 1;
        }
    }

    fn key(&mut self) -> Result<Option<&'a str>, String> {
        self.skip_space();
        if self.pos == self.s.len() {
            return Ok(None);
        }
        let start = self.pos;
        while self.pos < self.s.len()
            && (self.s[self.pos].is_ascii_alphanumeric()
                || matches!(self.s[self.pos], b'_' | b'-' | b'.'))
        {
            self.pos += 1;
        }
        if start == self.pos {
            return Err("malformed annotation: expected `key = value`".into());
        }
        Ok(std::str::from_utf8(&self.s[start..self.pos]).ok())
    }

    fn equals(&mut self, key: &str) -> Result<(), String> {
        self.skip_space();
        if self.s.get(self.pos) != Some(&b'=') {
            return Err(format!("malformed annotation: expected `=` after `{key}`"));
        }
        self.pos += 1;
        Ok(())
    }

    fn value(&mut self, key: &str) -> Result<(), String> {
        self.skip_space();
        let missing = || format!("malformed annotation: missing value for `{key}`");
        match self.s.get(self.pos) {
            None => Err(missing()),
            Some(b'\\') if !matches!(self.s.get(self.pos + 1), Some(b'\n' | b'\r')) => {
                Err(missing())
            }
            Some(&q @ (b'\'' | b'"')) => {
                // A quoted value: the quote doubled stands for itself.
                let mut i = self.pos + 1;
                loop {
                    match self.s.get(i) {
                        None => {
                            return Err(format!(
                                "malformed annotation: unterminated value for `{key}`"
                            ))
                        }
                        Some(&c) if c == q && self.s.get(i + 1) == Some(&q) => i += 2,
                        Some(&c) if c == q => break,
                        Some(_) => i += 1,
                    }
                }
                self.pos = i + 1;
                Ok(())
            }
            Some(_) => {
                // The rest of the line; a backslash before the end of line continues it.
                while self.pos < self.s.len() {
                    match self.s[self.pos] {
                        b'\n' | b'\r' if self.pos > 0 && self.s[self.pos - 1] == b'\\' => {
                            let crlf = self.s[self.pos] == b'\r'
                                && self.s.get(self.pos + 1) == Some(&b'\n');
                            self.pos += if crlf { 2 } else { 1 };
                        }
                        b'\n' | b'\r' => break,
                        _ => self.pos += 1,
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        assert_eq!(split("@maintainer{\n  name = Jane\n}"), ("maintainer", "\n  name = Jane\n"));
        assert_eq!(split("@ {x}"), ("", "x"));
        assert_eq!(split("@doc (a)"), ("doc", "a"));
    }

    #[test]
    fn checks() {
        assert!(check("", " doc block ").is_ok());
        assert!(check("use", "\n  type = long\n").is_ok());
        assert!(check("a", "k = 'x' j = \"y\"").is_ok());
        assert!(check("a", "k = one \\\n two\nj = 2").is_ok());
        assert!(check("xmlish", "x").is_err());
        assert!(check("v1", "x").is_err());
        assert!(check("", "k =").is_err());
        assert!(check("", "k = 'open").is_err());
        assert!(check("", "k = 1\n, j = 2").is_err());
        assert!(check("", "k9 = 1").is_err());
    }
}
