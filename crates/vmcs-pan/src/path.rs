//! Pan paths: `/a/b/0`, relative `a/b`, external `other/object:/a`, escaped terms `{...}`.
//!
//! A term of decimal digits is a list index (no leading zeros, at most 2^31-1); any other
//! term is a dict key of `[A-Za-z0-9_.+-]` characters. `{text}` is `escape(text)`.

use std::fmt;
use std::sync::Arc;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Term {
    Key(Arc<str>),
    Index(u32),
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Key(k) => f.write_str(k),
            Term::Index(i) => write!(f, "{i}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathKind {
    Absolute,
    Relative,
    /// `object:/path`: a path into another object's profile.
    External(Arc<str>),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Path {
    pub kind: PathKind,
    pub terms: Vec<Term>,
}

impl Path {
    pub fn root() -> Path {
        Path {
            kind: PathKind::Absolute,
            terms: Vec::new(),
        }
    }
    pub fn is_absolute(&self) -> bool {
        self.kind == PathKind::Absolute
    }
    /// `prefix` + `self` for a relative path.
    pub fn resolve(&self, prefix: Option<&Path>) -> Path {
        match (&self.kind, prefix) {
            (PathKind::Relative, Some(p)) => {
                let mut terms = p.terms.clone();
                terms.extend(self.terms.iter().cloned());
                Path {
                    kind: p.kind.clone(),
                    terms,
                }
            }
            _ => self.clone(),
        }
    }
    pub fn child(&self, term: Term) -> Path {
        let mut terms = self.terms.clone();
        terms.push(term);
        Path {
            kind: self.kind.clone(),
            terms,
        }
    }
    pub fn parent(&self) -> Option<Path> {
        if self.terms.is_empty() {
            return None;
        }
        let mut terms = self.terms.clone();
        terms.pop();
        Some(Path {
            kind: self.kind.clone(),
            terms,
        })
    }
    /// True when `self` equals `other` or lies below it.
    pub fn starts_with(&self, other: &Path) -> bool {
        self.terms.len() >= other.terms.len() && self.terms[..other.terms.len()] == other.terms[..]
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            PathKind::External(obj) => write!(f, "{obj}:")?,
            PathKind::Absolute => {}
            PathKind::Relative => {
                for (i, t) in self.terms.iter().enumerate() {
                    if i > 0 {
                        f.write_str("/")?;
                    }
                    write!(f, "{t}")?;
                }
                return Ok(());
            }
        }
        if self.terms.is_empty() {
            return f.write_str("/");
        }
        for t in &self.terms {
            write!(f, "/{t}")?;
        }
        Ok(())
    }
}

/// Whether `c` may appear in a dict key / path term.
pub fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '+' | '-')
}

/// Check a dict key, as `dict()`, `'/a/key'` and `SELF['key']` require.
pub fn check_key(key: &str) -> Result<(), String> {
    if key.is_empty() {
        return Err("empty string cannot be used as a path term or nlist key".into());
    }
    if !key.chars().all(is_key_char) || key.starts_with('-') || key.starts_with('+') {
        return Err(format!("invalid path term or nlist key: '{key}'"));
    }
    Ok(())
}

/// Parse one term (after `{}` escaping has been applied).
pub fn parse_term(t: &str) -> Result<Term, String> {
    if t.is_empty() {
        return Err("empty string cannot be used as a path term or nlist key".into());
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        if t.len() > 1 && t.starts_with('0') {
            return Err(format!("index cannot start with leading zero(s): '{t}'"));
        }
        return match t.parse::<u64>() {
            Ok(n) if n <= i32::MAX as u64 => Ok(Term::Index(n as u32)),
            _ => {
                let shown = t
                    .parse::<i64>()
                    .map(group_digits)
                    .unwrap_or_else(|_| t.to_string());
                Err(format!(
                    "index ({shown}) exceeds largest permitted value (2,147,483,647)"
                ))
            }
        };
    }
    check_key(t)?;
    Ok(Term::Key(Arc::from(t)))
}

/// `1234567` → `1,234,567` (Java's `%,d`).
pub fn group_digits(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// panc's `escape()`, used for `{...}` path terms.
pub fn escape(s: &str) -> Result<String, String> {
    crate::builtins::encode::escape_str(s)
}

/// Parse a path string as written in a template.
pub fn parse_path(text: &str) -> Result<Path, String> {
    let (kind, rest) = match text.find(':') {
        Some(i) if !text[..i].contains('{') => {
            let obj = &text[..i];
            if obj.is_empty() {
                return Err(format!("invalid external path: '{text}'"));
            }
            let rest = &text[i + 1..];
            (PathKind::External(Arc::from(obj)), rest)
        }
        _ => {
            if let Some(r) = text.strip_prefix('/') {
                (PathKind::Absolute, r)
            } else {
                (PathKind::Relative, text)
            }
        }
    };
    let body = if kind != PathKind::Relative {
        rest.strip_prefix('/').unwrap_or(rest)
    } else {
        rest
    };
    let mut terms = Vec::new();
    if body.is_empty() {
        if kind == PathKind::Relative {
            return Err("empty string cannot be used as a path term or nlist key".into());
        }
        return Ok(Path { kind, terms });
    }
    // Split on '/' outside of braces.
    let bytes = body.as_bytes();
    let mut start = 0;
    let mut depth = 0i32;
    let mut pieces = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            b'/' if depth == 0 => {
                pieces.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&body[start..]);
    // A single trailing slash is accepted: '/a/' is '/a'.
    if pieces.len() > 1 && pieces.last() == Some(&"") {
        pieces.pop();
    }
    for p in pieces {
        if p.starts_with('{') && p.ends_with('}') && p.len() >= 2 {
            let inner = &p[1..p.len() - 1];
            terms.push(Term::Key(Arc::from(escape(inner)?.as_str())));
        } else {
            terms.push(parse_term(p)?);
        }
    }
    Ok(Path { kind, terms })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paths() {
        let p = parse_path("/a/0/b").unwrap();
        assert_eq!(p.to_string(), "/a/0/b");
        assert_eq!(p.terms[1], Term::Index(0));
        assert_eq!(parse_path("/a/").unwrap().to_string(), "/a");
        assert_eq!(parse_path("/").unwrap().terms.len(), 0);
        assert_eq!(parse_path("a/b").unwrap().kind, PathKind::Relative);
        let e = parse_path("other/obj:/x").unwrap();
        assert_eq!(e.kind, PathKind::External(Arc::from("other/obj")));
        assert_eq!(
            parse_path("/l/0x1").unwrap().terms[1],
            Term::Key(Arc::from("0x1"))
        );
        assert_eq!(
            parse_path("/p/{x y}/{1}/{}").unwrap().to_string(),
            "/p/x_20y/_31/_"
        );
    }

    #[test]
    fn rejects_bad_terms() {
        assert!(parse_path("/a//b").unwrap_err().contains("empty string"));
        assert!(parse_path("/a/b c").unwrap_err().contains("'b c'"));
        assert!(parse_path("/l/01").unwrap_err().contains("leading zero"));
        assert_eq!(
            parse_path("/l/9223372036854775807").unwrap_err(),
            "index (9,223,372,036,854,775,807) exceeds largest permitted value (2,147,483,647)"
        );
    }
}
