//! Relation fields (`Depends`, `Pre-Depends`, `Provides`, `Conflicts`, `Breaks`): parsing.
//!
//! `a (>= 1) | b:any [amd64] <!nocheck>, c` becomes groups of alternatives. Architecture
//! restrictions are evaluated against the target architecture; build profiles are
//! evaluated with no profile active (so `<!nocheck>` keeps an alternative, `<stage1>`
//! drops it). An alternative whose restrictions exclude it disappears, and so does a group
//! left empty, as in apt. Parsing borrows the field text and never allocates strings.

use crate::version::Relation;
use serde::Serialize;
use std::fmt;

/// One alternative of a dependency: `name[:qualifier] [(op version)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dep<'a> {
    /// The package (or virtual package) name.
    pub name: &'a str,
    /// `any`, `native` or an architecture, from `name:qualifier`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arch_qual: Option<&'a str>,
    /// The version constraint, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constraint: Option<(Relation, &'a str)>,
}

impl fmt::Display for Dep<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)?;
        if let Some(q) = self.arch_qual {
            write!(f, ":{q}")?;
        }
        if let Some((op, v)) = self.constraint {
            write!(f, " ({op} {v})")?;
        }
        Ok(())
    }
}

/// A group of alternatives (`a | b`); satisfied when any one is.
pub type OrGroup<'a> = Vec<Dep<'a>>;

/// Formats a group the way Debian writes it.
pub fn group_to_string(group: &[Dep<'_>]) -> String {
    group
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// A parse failure: byte offset and length within the field text, and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationError {
    pub offset: usize,
    pub len: usize,
    pub message: String,
}

/// How the deprecated one-character operators `<` and `>` are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OldOps {
    /// As dpkg reads control files: `<` is `<=`, `>` is `>=`.
    Dpkg,
    /// As old V-MCS templates meant them: `<` is `<<`, `>` is `>>`.
    Strict,
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }
    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }
    fn err(&self, len: usize, message: impl Into<String>) -> RelationError {
        RelationError {
            offset: self.pos.min(self.text.len()),
            len: len.max(1),
            message: message.into(),
        }
    }
    /// Takes bytes while `keep` holds.
    fn take(&mut self, keep: impl Fn(u8) -> bool) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }
    /// Takes everything up to `close`, failing at the end of the field.
    fn until(&mut self, close: u8, what: &str) -> Result<&'a str, RelationError> {
        let start = self.pos;
        match self.text.as_bytes()[start..]
            .iter()
            .position(|&c| c == close)
        {
            Some(n) => {
                self.pos = start + n + 1;
                Ok(&self.text[start..start + n])
            }
            None => {
                self.pos = start;
                Err(self.err(self.text.len() - start, format!("unclosed {what}")))
            }
        }
    }
}

fn is_name_byte(c: u8) -> bool {
    !c.is_ascii_whitespace() && !b",|()[]<>:!".contains(&c)
}

/// Whether an architecture wildcard or name (`amd64`, `any`, `linux-any`, `any-amd64`)
/// matches the target architecture.
pub fn arch_matches(pattern: &str, arch: &str) -> bool {
    if pattern == arch || pattern == "any" || pattern == "all" && arch == "all" {
        return true;
    }
    let (os, cpu) = match arch.split_once('-') {
        Some((os, cpu)) => (os, cpu),
        None => ("linux", arch),
    };
    match pattern.split_once('-') {
        Some((p_os, "any")) => p_os == os,
        Some(("any", p_cpu)) => p_cpu == cpu,
        Some((p_os, p_cpu)) => p_os == os && p_cpu == cpu,
        None => false,
    }
}

fn parse_op(c: &mut Cursor<'_>, old: OldOps) -> Result<Relation, RelationError> {
    let op = c.take(|b| b"<>=!".contains(&b));
    let rel = match (op, old) {
        ("<", OldOps::Dpkg) => Some(Relation::Le),
        (">", OldOps::Dpkg) => Some(Relation::Ge),
        _ => Relation::parse(op),
    };
    rel.ok_or_else(|| {
        c.pos -= op.len();
        if op.is_empty() {
            c.err(1, "expected a relation operator (<<, <=, =, >=, >>)")
        } else {
            c.err(op.len(), format!("unknown relation operator `{op}`"))
        }
    })
}

/// Parses one alternative; `Ok(None)` when its restrictions drop it for `arch`.
fn parse_dep<'a>(
    c: &mut Cursor<'a>,
    arch: &str,
    old: OldOps,
) -> Result<Option<Dep<'a>>, RelationError> {
    c.skip_ws();
    let name = c.take(is_name_byte);
    if name.is_empty() {
        let len = c.peek().map_or(0, |_| 1);
        return Err(c.err(len, "missing package name"));
    }
    let mut dep = Dep {
        name,
        arch_qual: None,
        constraint: None,
    };
    if c.peek() == Some(b':') {
        c.pos += 1;
        let q = c.take(is_name_byte);
        if q.is_empty() {
            return Err(c.err(1, "missing architecture after `:`"));
        }
        dep.arch_qual = Some(q);
    }
    c.skip_ws();
    if c.peek() == Some(b'(') {
        c.pos += 1;
        c.skip_ws();
        let op = parse_op(c, old)?;
        c.skip_ws();
        let version = c.take(|b| !b.is_ascii_whitespace() && b != b')' && b != b',');
        if version.is_empty() {
            return Err(c.err(1, "missing version after the operator"));
        }
        c.skip_ws();
        if c.peek() != Some(b')') {
            return Err(c.err(1, "expected `)` after the version"));
        }
        c.pos += 1;
        dep.constraint = Some((op, version));
        c.skip_ws();
    }
    let mut keep = true;
    if c.peek() == Some(b'[') {
        c.pos += 1;
        let list = c.until(b']', "architecture list `[`")?;
        let (mut pos, mut neg, mut hit) = (false, false, false);
        for a in list.split_ascii_whitespace() {
            match a.strip_prefix('!') {
                Some(a) => {
                    neg = true;
                    hit |= arch_matches(a, arch);
                }
                None => {
                    pos = true;
                    hit |= arch_matches(a, arch);
                }
            }
        }
        keep = if pos && !neg { hit } else { !hit };
        c.skip_ws();
    }
    // Build profiles: `<a !b> <c>`; with no profile active a group holds when all its
    // terms are negated, and the formula holds when any group does.
    let mut any_group = false;
    let mut profile_ok = false;
    while c.peek() == Some(b'<') {
        c.pos += 1;
        let group = c.until(b'>', "build profile `<`")?;
        any_group = true;
        profile_ok |= group.split_ascii_whitespace().all(|t| t.starts_with('!'));
        c.skip_ws();
    }
    if any_group && !profile_ok {
        keep = false;
    }
    Ok(keep.then_some(dep))
}

/// Parses a relation field into or-groups, dropping what `arch` excludes.
/// `old` says how the deprecated `<` and `>` operators are read.
pub fn parse_relations<'a>(
    text: &'a str,
    arch: &str,
    old: OldOps,
) -> Result<Vec<OrGroup<'a>>, RelationError> {
    let mut c = Cursor { text, pos: 0 };
    let mut groups = Vec::new();
    c.skip_ws();
    if c.peek().is_none() {
        return Ok(groups);
    }
    loop {
        let mut group = Vec::new();
        loop {
            if let Some(d) = parse_dep(&mut c, arch, old)? {
                group.push(d);
            }
            c.skip_ws();
            if c.peek() == Some(b'|') {
                c.pos += 1;
                continue;
            }
            break;
        }
        if !group.is_empty() {
            groups.push(group);
        }
        match c.peek() {
            None => break,
            Some(b',') => {
                c.pos += 1;
                c.skip_ws();
                // A trailing comma is tolerated, as dpkg does.
                if c.peek().is_none() {
                    break;
                }
            }
            Some(ch) => {
                return Err(c.err(1, format!("unexpected `{}`", ch as char)));
            }
        }
    }
    Ok(groups)
}

/// Parses a `Provides` field: a flat list, each entry optionally `(= version)`.
pub fn parse_provides<'a>(text: &'a str, arch: &str) -> Result<Vec<Dep<'a>>, RelationError> {
    let groups = parse_relations(text, arch, OldOps::Dpkg)?;
    Ok(groups.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: field text, then `=>` and the expected rendering (`ERR <message>` for
    /// failures). Groups are joined with `, ` in the rendering.
    const CASES: &str = "
        libc6 (>= 2.34), libssl3 (>= 3.0.0) => libc6 (>= 2.34), libssl3 (>= 3.0.0)
        debconf (>= 0.5) | debconf-2.0 => debconf (>= 0.5) | debconf-2.0
        perl:any, python3:native => perl:any, python3:native
        foo [amd64], bar [!amd64], baz [i386 arm64] => foo
        foo [linux-any], bar [any-amd64], baz [kfreebsd-any] => foo, bar
        a <!nocheck>, b <stage1>, c <stage1> <!cross> => a, c
        a | b [i386], c [i386] | d [i386] => a
        a(<<2), b (>1), c (<1) => a (<< 2), b (>= 1), c (<= 1)
        a,\\n b (= 1:2.0-1) ,  => a, b (= 1:2.0-1)
        , => ERR missing package name
        a (>= ) => ERR missing version after the operator
        a (~ 1) => ERR expected a relation operator (<<, <=, =, >=, >>)
        a (=> 1) => ERR unknown relation operator `=>`
        a (>= 1 => ERR expected `)` after the version
        a [amd64 => ERR unclosed architecture list `[`
        a b => ERR unexpected `b`
        a: => ERR missing architecture after `:`
    ";

    fn render(groups: &[OrGroup<'_>]) -> String {
        groups
            .iter()
            .map(|g| group_to_string(g))
            .collect::<Vec<_>>()
            .join(", ")
    }

    #[test]
    fn relation_table() {
        for line in CASES.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (input, want) = line.split_once(" => ").expect(line);
            let input = input.replace("\\n", "\n");
            let got = match parse_relations(&input, "amd64", OldOps::Dpkg) {
                Ok(g) => render(&g),
                Err(e) => format!("ERR {}", e.message),
            };
            assert_eq!(got, want, "input: {input:?}");
        }
    }

    #[test]
    fn strict_old_operators() {
        let g = parse_relations("a (> 1), b (< 2)", "amd64", OldOps::Strict).unwrap();
        assert_eq!(render(&g), "a (>> 1), b (<< 2)");
    }

    #[test]
    fn error_offsets_point_at_the_problem() {
        let e = parse_relations("libc6 (>= 2.3), (x", "amd64", OldOps::Dpkg).unwrap_err();
        assert_eq!(e.offset, 16);
        let p = parse_provides("foo (= 1.0), bar", "amd64").unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].constraint, Some((Relation::Eq, "1.0")));
    }
}
