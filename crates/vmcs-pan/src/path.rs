//! Pan paths: `/a/b/0`, relative `a/b`, external `other/object:/a`, escaped terms `{...}`.
//!
//! A term of decimal digits is a list index (no leading zeros, at most 2^31-1); `-N` counts
//! from the end of a list (`-1` is the last element); any other term is a dict key of
//! `[A-Za-z0-9_.+-]` characters. `{text}` anywhere in a term is `escape(text)`, so
//! `'/hosts/{node1.example.org}'` names the key `node1_2eexample_2eorg`.

use std::fmt;
use std::sync::Arc;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Term {
    Key(Arc<str>),
    Index(u32),
    /// `-N`: the N-th element from the end of a list (resolved against the list when used).
    FromEnd(u32),
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Key(k) => f.write_str(k),
            Term::Index(i) => write!(f, "{i}"),
            Term::FromEnd(n) => write!(f, "-{n}"),
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
    if let Some(n) = t.strip_prefix('-') {
        if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0') {
            return match n.parse::<u32>() {
                Ok(n) if n <= i32::MAX as u32 => Ok(Term::FromEnd(n)),
                _ => Err(format!("index (-{n}) exceeds largest permitted value")),
            };
        }
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

/// A dict key as `dict()`, subscripts and record field names take it: `{text}` is
/// `escape(text)`, anything else must be a valid key.
pub fn normalize_key(key: &str) -> Result<Arc<str>, String> {
    if key.len() >= 2 && key.starts_with('{') && key.ends_with('}') && !key[1..].contains('{') {
        let inner = &key[1..key.len() - 1];
        if !inner.contains('}') {
            return Ok(Arc::from(escape(inner)?.as_str()));
        }
    }
    check_key(key)?;
    Ok(Arc::from(key))
}

/// Replace every `{text}` of a path term by `escape(text)`.
fn unescape_braces(piece: &str, whole: &str) -> Result<String, String> {
    if !piece.contains(['{', '}']) {
        return Ok(piece.to_string());
    }
    let mut out = String::with_capacity(piece.len() * 2);
    let mut rest = piece;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err(braces_error(whole));
        }
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find(['{', '}']).ok_or_else(|| braces_error(whole))?;
        if after.as_bytes()[close] == b'{' {
            return Err(braces_error(whole));
        }
        out.push_str(&escape(&after[..close])?);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn braces_error(path: &str) -> String {
    format!("path '{path}' contains mismatched or nested braces")
}

/// Parse a path string as written in a template.
pub fn parse_path(text: &str) -> Result<Path, String> {
    let (kind, body) = match text.find(':') {
        Some(i) if !text[..i].contains('{') => {
            let obj = &text[..i];
            if obj.is_empty() {
                return Err(format!("invalid external path: '{text}'"));
            }
            let rest = &text[i + 1..];
            (
                PathKind::External(Arc::from(obj)),
                rest.strip_prefix('/').unwrap_or(rest),
            )
        }
        _ => match text.strip_prefix('/') {
            Some(r) => (PathKind::Absolute, r),
            None => (PathKind::Relative, text),
        },
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
        terms.push(parse_term(&unescape_braces(p, text)?)?);
    }
    Ok(Path { kind, terms })
}

/// panc's rule for the paths of assignments and prefixes: the first term is a key (the
/// root is a dict), except in a relative path resolved against a non-root prefix.
pub fn check_first_term(terms: &[Term]) -> Result<(), String> {
    match terms.first() {
        Some(Term::Index(_) | Term::FromEnd(_)) => {
            Err("first term in path must be a key, not an index".into())
        }
        _ => Ok(()),
    }
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
        assert_eq!(
            parse_path("/h/{a.b}/x{/}y").unwrap().to_string(),
            "/h/a_2eb/x_2fy"
        );
        assert_eq!(parse_path("/l/-1").unwrap().terms[1], Term::FromEnd(1));
        assert_eq!(normalize_key("{a/b}").unwrap().as_ref(), "a_2fb");
    }

    #[test]
    fn rejects_bad_terms() {
        assert!(parse_path("/a//b").unwrap_err().contains("empty string"));
        assert!(parse_path("//foo/bar")
            .unwrap_err()
            .contains("empty string"));
        assert!(parse_path("/a/{b").unwrap_err().contains("braces"));
        assert!(parse_path("/l/-01").is_err());
        assert!(parse_path("/a/b c").unwrap_err().contains("'b c'"));
        assert!(parse_path("/l/01").unwrap_err().contains("leading zero"));
        assert_eq!(
            parse_path("/l/9223372036854775807").unwrap_err(),
            "index (9,223,372,036,854,775,807) exceeds largest permitted value (2,147,483,647)"
        );
    }
}
