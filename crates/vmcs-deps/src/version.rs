//! Debian version ordering (exactly `dpkg --compare-versions`) and version relations.
//!
//! A version is `[epoch:]upstream[-revision]`. Comparison never allocates: it walks the
//! byte slices the way dpkg's `verrevcmp` does, so `~` sorts before everything (even the
//! end of the string), letters sort before non-letters, and digit runs compare as numbers.

use serde::Serialize;
use std::cmp::Ordering;
use std::fmt;

/// A relation operator between a package's version and a wanted version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Relation {
    /// `<<`: strictly earlier.
    #[serde(rename = "<<")]
    Lt,
    /// `<=`: earlier or equal.
    #[serde(rename = "<=")]
    Le,
    /// `=`: equal.
    #[serde(rename = "=")]
    Eq,
    /// `>=`: later or equal.
    #[serde(rename = ">=")]
    Ge,
    /// `>>`: strictly later.
    #[serde(rename = ">>")]
    Gt,
}

impl Relation {
    /// Parses a relation spelling: the Debian ones plus the old V-MCS spellings
    /// `>` (meaning `>>`), `<` (meaning `<<`) and `==` (meaning `=`).
    pub fn parse(op: &str) -> Option<Relation> {
        Some(match op {
            "<<" | "<" => Relation::Lt,
            "<=" => Relation::Le,
            "=" | "==" => Relation::Eq,
            ">=" => Relation::Ge,
            ">>" | ">" => Relation::Gt,
            _ => return None,
        })
    }

    /// The canonical Debian spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Lt => "<<",
            Relation::Le => "<=",
            Relation::Eq => "=",
            Relation::Ge => ">=",
            Relation::Gt => ">>",
        }
    }

    /// Whether `have` stands in this relation to `want` (`have OP want`).
    pub fn holds(self, have: &str, want: &str) -> bool {
        let ord = compare(have, want);
        match self {
            Relation::Lt => ord == Ordering::Less,
            Relation::Le => ord != Ordering::Greater,
            Relation::Eq => ord == Ordering::Equal,
            Relation::Ge => ord != Ordering::Less,
            Relation::Gt => ord == Ordering::Greater,
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A version split into its three parts, borrowing the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionParts<'a> {
    /// The numeric epoch (0 when absent).
    pub epoch: u64,
    /// The upstream part.
    pub upstream: &'a str,
    /// The Debian revision ("" when absent, which orders like "0").
    pub revision: &'a str,
}

/// Why a version string is not a valid Debian version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionProblem {
    /// The string is empty.
    Empty,
    /// It contains whitespace.
    Whitespace,
    /// The epoch is not a number.
    BadEpoch,
    /// The upstream part is empty.
    EmptyUpstream,
    /// A hyphen with nothing after it.
    EmptyRevision,
    /// A character dpkg does not allow.
    BadChar(char),
}

impl fmt::Display for VersionProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionProblem::Empty => f.write_str("version string is empty"),
            VersionProblem::Whitespace => f.write_str("version string has embedded spaces"),
            VersionProblem::BadEpoch => f.write_str("epoch in version is not a number"),
            VersionProblem::EmptyUpstream => f.write_str("nothing after colon in version number"),
            VersionProblem::EmptyRevision => f.write_str("revision number is empty"),
            VersionProblem::BadChar(c) => write!(f, "invalid character `{c}` in version number"),
        }
    }
}

/// Splits a version into epoch, upstream and revision without checking it.
/// A non-numeric epoch counts as 0 (use [`check`] to reject such versions).
pub fn split(v: &str) -> VersionParts<'_> {
    let (epoch, rest) = match v.find(':') {
        Some(i) => (v[..i].parse::<u64>().unwrap_or(0), &v[i + 1..]),
        None => (0, v),
    };
    let (upstream, revision) = match rest.rfind('-') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, ""),
    };
    VersionParts {
        epoch,
        upstream,
        revision,
    }
}

/// Checks a version the way dpkg's `parseversion` does (errors only, not warnings).
pub fn check(v: &str) -> Result<(), VersionProblem> {
    let v = v.trim();
    if v.is_empty() {
        return Err(VersionProblem::Empty);
    }
    if v.bytes().any(|b| b.is_ascii_whitespace()) {
        return Err(VersionProblem::Whitespace);
    }
    if let Some(i) = v.find(':') {
        let epoch = &v[..i];
        if epoch.is_empty() || !epoch.bytes().all(|b| b.is_ascii_digit()) {
            return Err(VersionProblem::BadEpoch);
        }
    }
    let parts = split(v);
    if parts.upstream.is_empty() {
        return Err(VersionProblem::EmptyUpstream);
    }
    if parts.revision.is_empty() && v.ends_with('-') {
        return Err(VersionProblem::EmptyRevision);
    }
    let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '~' | ':');
    if let Some(c) = parts.upstream.chars().find(|&c| !ok(c)) {
        return Err(VersionProblem::BadChar(c));
    }
    let ok_rev = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '~');
    if let Some(c) = parts.revision.chars().find(|&c| !ok_rev(c)) {
        return Err(VersionProblem::BadChar(c));
    }
    Ok(())
}

/// Compares two Debian versions exactly like `dpkg --compare-versions`.
pub fn compare(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (pa, pb) = (split(a), split(b));
    pa.epoch
        .cmp(&pb.epoch)
        .then_with(|| verrevcmp(pa.upstream.as_bytes(), pb.upstream.as_bytes()))
        .then_with(|| verrevcmp(pa.revision.as_bytes(), pb.revision.as_bytes()))
}

/// The weight of a non-digit character: `~` lowest, then the end, letters, other characters.
fn order(c: Option<u8>) -> i32 {
    match c {
        None => 0,
        Some(c) if c.is_ascii_digit() => 0,
        Some(c) if c.is_ascii_alphabetic() => c as i32,
        Some(b'~') => -1,
        Some(c) => c as i32 + 256,
    }
}

/// dpkg's `verrevcmp` on one part (upstream or revision).
fn verrevcmp(a: &[u8], b: &[u8]) -> Ordering {
    let (mut i, mut j) = (0usize, 0usize);
    let at = |s: &[u8], k: usize| s.get(k).copied();
    let digit = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_digit());
    while i < a.len() || j < b.len() {
        // Non-digit prefix, compared character by character.
        while (i < a.len() && !digit(at(a, i))) || (j < b.len() && !digit(at(b, j))) {
            let (ac, bc) = (order(at(a, i)), order(at(b, j)));
            if ac != bc {
                return ac.cmp(&bc);
            }
            i += 1;
            j += 1;
        }
        while at(a, i) == Some(b'0') {
            i += 1;
        }
        while at(b, j) == Some(b'0') {
            j += 1;
        }
        let mut first_diff = 0i32;
        while digit(at(a, i)) && digit(at(b, j)) {
            if first_diff == 0 {
                first_diff = a[i] as i32 - b[j] as i32;
            }
            i += 1;
            j += 1;
        }
        if digit(at(a, i)) {
            return Ordering::Greater;
        }
        if digit(at(b, j)) {
            return Ordering::Less;
        }
        if first_diff != 0 {
            return first_diff.cmp(&0);
        }
    }
    Ordering::Equal
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One case per line: `a OP b` where OP is `<`, `=` or `>` (the expected ordering).
    const CASES: &str = "
        1.0 < 1.1
        1.0 = 1.0
        1.0-1 = 1.0-1
        1.0 = 1.0-0
        1:1.0 > 2.0
        0:1.0 = 1.0
        1.0~rc1 < 1.0
        1.0~~ < 1.0~
        1.0~ < 1.0
        1.0 < 1.0a
        1.0a < 1.0+
        1.0+ < 1.0.
        1.0a < 1.0b
        1.001 = 1.1
        1.10 > 1.9
        2.36-9+deb12u4 < 2.36-9+deb12u10
        1:9.2p1-2+deb12u3 > 1:9.2p1-2
        7.88.1-10+deb12u5 > 7.88.1-10
        3.0.11-1~deb12u2 < 3.0.11-1
        4:12.2.0-3 > 12.2.0-3
        1.2.3-1 < 1.2.3-1.1
        1.2.3-1build1 > 1.2.3-1
        a < b
        ~~a < ~
        0.9 < 1
        1.0-1~bpo1 < 1.0-1
        2.0.0+dfsg-1 > 2.0.0-1
        10 > 9
        00010 = 10
    ";

    #[test]
    fn ordering_table() {
        for line in CASES.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let mut it = line.split_whitespace();
            let (a, op, b) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
            let want = match op {
                "<" => Ordering::Less,
                "=" => Ordering::Equal,
                _ => Ordering::Greater,
            };
            assert_eq!(compare(a, b), want, "{line}");
            assert_eq!(compare(b, a), want.reverse(), "{line} (reversed)");
        }
    }

    #[test]
    fn relations_and_spellings() {
        let cases = [
            ("<<", "1.0", "2.0", true),
            ("<", "1.0", "1.0", false),
            ("<=", "1.0", "1.0", true),
            ("=", "1.0-0", "1.0", true),
            ("==", "1:1.0", "1.0", false),
            (">=", "2.0", "1.0", true),
            (">>", "1.0", "1.0", false),
            (">", "1.0a", "1.0", true),
        ];
        for (op, have, want, expect) in cases {
            let rel = Relation::parse(op).unwrap();
            assert_eq!(rel.holds(have, want), expect, "{have} {op} {want}");
        }
        assert_eq!(Relation::parse("~="), None);
        assert_eq!(Relation::parse(">").unwrap().as_str(), ">>");
    }

    #[test]
    fn check_rejects_bad_versions() {
        assert_eq!(check(""), Err(VersionProblem::Empty));
        assert_eq!(check("1 0"), Err(VersionProblem::Whitespace));
        assert_eq!(check("a:1.0"), Err(VersionProblem::BadEpoch));
        assert_eq!(check("1:"), Err(VersionProblem::EmptyUpstream));
        assert_eq!(check("1.0_1"), Err(VersionProblem::BadChar('_')));
        assert_eq!(check("1.0-"), Err(VersionProblem::EmptyRevision));
        assert_eq!(check("1:9.2p1-2+deb12u3"), Ok(()));
        let p = split("1:9.2p1-2+deb12u3");
        assert_eq!((p.epoch, p.upstream, p.revision), (1, "9.2p1", "2+deb12u3"));
    }
}
