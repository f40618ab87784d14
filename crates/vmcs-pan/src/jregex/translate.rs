//! Parser for Java `java.util.regex.Pattern` syntax that writes the same pattern in fancy-regex syntax.
//!
//! The parser follows the structure of the JDK 17 `Pattern` parser (sequence, closure, group0,
//! clazz, range, escape) so that what Java rejects is rejected here with Java's description, and
//! what Java accepts gets Java's meaning: `.`, `^`, `$` with Java's line terminators, ASCII-only
//! `\w \d \s \b`-style classes and POSIX properties, ASCII-only case folding unless `UNICODE_CASE`,
//! comments mode, `\Q...\E`, possessive quantifiers, class intersections, octal and control escapes.
//! Character classes are carried through class syntax (nested classes and `&&`), which fancy-regex
//! hands to the regex crate unchanged. Every literal is written escaped, so the output never holds
//! a raw non-ASCII character (the back-reference placeholder relies on that).

use super::{
    CASE_INSENSITIVE, COMMENTS, DOTALL, MULTILINE, NO_TERMINATORS, UNICODE_CASE,
    UNICODE_CHARACTER_CLASS, UNIX_LINES,
};

/// A pattern written in fancy-regex syntax, with the capture groups it defines.
pub(crate) struct Translated {
    pub pattern: String,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
}

/// A syntax error, described as Java's `PatternSyntaxException` describes it.
pub(crate) struct SyntaxError {
    pub desc: String,
    /// Position in UTF-16 units, as Java reports it.
    pub index: usize,
}

/// A class that never matches (an empty class is not valid syntax).
pub(super) const NEVER: &str = r"[^\x{0}-\x{10FFFF}]";
/// Marks a back-reference until the number of groups is known.
pub(super) const BACKREF_MARK: char = '\u{E000}';

#[derive(Clone, Copy)]
pub(super) struct Tok {
    pub(super) c: char,
    /// Inside `\Q...\E`: always a literal.
    pub(super) quoted: bool,
    pub(super) at: usize,
}

/// A translated piece of pattern.
pub(super) struct Node {
    pub(super) text: String,
    /// Matches only the empty string (an assertion or a group of assertions).
    pub(super) zero_width: bool,
    /// Longest match in characters; `None` when unbounded (Java's `TreeInfo.maxValid`).
    pub(super) max: Option<u64>,
}

impl Node {
    pub(super) fn atom(text: String, max: Option<u64>) -> Node {
        Node {
            text,
            zero_width: false,
            max,
        }
    }
    pub(super) fn assertion(text: impl Into<String>) -> Node {
        Node {
            text: text.into(),
            zero_width: true,
            max: Some(0),
        }
    }
    fn empty() -> Node {
        Node::assertion("")
    }
}

/// Translate `pattern` compiled with Java `flags`.
pub(crate) fn translate(pattern: &str, flags: u32) -> Result<Translated, SyntaxError> {
    let mut p = Parser {
        toks: tokens(pattern),
        i: 0,
        flags,
        groups: 0,
        names: Vec::new(),
        end: 0,
    };
    p.end = pattern.encode_utf16().count();
    let node = p.alternation()?;
    if let Some(t) = p.toks.get(p.i) {
        let desc = if t.c == ')' && !t.quoted {
            "Unmatched closing ')'"
        } else {
            "Unexpected internal error"
        };
        return Err(SyntaxError {
            desc: desc.into(),
            index: t.at,
        });
    }
    let pattern = resolve_backrefs(&node.text, p.groups);
    Ok(Translated {
        pattern,
        groups: p.groups,
        names: p.names,
    })
}

/// Split into characters, resolving `\Q...\E` quoting as Java's `RemoveQEQuoting` does.
fn tokens(pattern: &str) -> Vec<Tok> {
    let mut chars = Vec::new();
    let mut at = 0;
    for c in pattern.chars() {
        chars.push((c, at));
        at += c.len_utf16();
    }
    let mut out = Vec::with_capacity(chars.len());
    let (mut i, mut quoting) = (0, false);
    while i < chars.len() {
        let (c, at) = chars[i];
        let next = chars.get(i + 1).map(|x| x.0);
        if quoting {
            if c == '\\' && next == Some('E') {
                quoting = false;
                i += 2;
                continue;
            }
            out.push(Tok {
                c,
                quoted: true,
                at,
            });
            i += 1;
        } else if c == '\\' && next == Some('Q') {
            quoting = true;
            i += 2;
        } else {
            out.push(Tok {
                c,
                quoted: false,
                at,
            });
            if c == '\\' {
                if let Some(&(n, nat)) = chars.get(i + 1) {
                    out.push(Tok {
                        c: n,
                        quoted: false,
                        at: nat,
                    });
                }
                i += 1;
            }
            i += 1;
        }
    }
    out
}

/// Replace back-reference placeholders: a reference to a group the pattern never defines (or
/// defines later) cannot match in Java; fancy-regex would reject it.
fn resolve_backrefs(text: &str, groups: usize) -> String {
    if !text.contains(BACKREF_MARK) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(BACKREF_MARK) {
        out.push_str(&rest[..start]);
        let after = &rest[start + BACKREF_MARK.len_utf8()..];
        let end = after.find(BACKREF_MARK).unwrap_or(after.len());
        let (spec, ok) = after[..end].split_at(after[..end].len() - 1);
        let n: usize = spec
            .trim_start_matches(['i', 'c'])
            .parse()
            .unwrap_or(usize::MAX);
        if ok == "+" && n <= groups {
            let r = format!("\\{n}");
            out.push_str(&if spec.starts_with('i') {
                format!("(?i:{r})")
            } else {
                format!("(?:{r})")
            });
        } else {
            out.push_str(NEVER);
        }
        rest = &after[(end + BACKREF_MARK.len_utf8()).min(after.len())..];
    }
    out.push_str(rest);
    out
}

pub(super) struct Parser {
    pub(super) toks: Vec<Tok>,
    pub(super) i: usize,
    pub(super) flags: u32,
    pub(super) groups: usize,
    pub(super) names: Vec<(String, usize)>,
    pub(super) end: usize,
}

fn is_line_terminator(c: char, flags: u32) -> bool {
    if flags & UNIX_LINES != 0 {
        c == '\n'
    } else {
        matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
    }
}

impl Parser {
    pub(super) fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    pub(super) fn err<T>(&self, desc: impl Into<String>, index: usize) -> Result<T, SyntaxError> {
        Err(SyntaxError {
            desc: desc.into(),
            index,
        })
    }

    pub(super) fn here(&self) -> usize {
        self.toks.get(self.i).map_or(self.end, |t| t.at)
    }

    /// Skip whitespace and `#` comments in comments mode.
    fn skip_ws(&mut self) {
        if !self.has(COMMENTS) {
            return;
        }
        while let Some(t) = self.toks.get(self.i) {
            if t.quoted {
                return;
            }
            match t.c {
                ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' => self.i += 1,
                '#' => {
                    while self
                        .toks
                        .get(self.i)
                        .is_some_and(|t| !is_line_terminator(t.c, self.flags))
                    {
                        self.i += 1;
                    }
                }
                _ => return,
            }
        }
    }

    /// The next token, past whitespace and comments in comments mode.
    pub(super) fn peek(&mut self) -> Option<Tok> {
        self.skip_ws();
        self.toks.get(self.i).copied()
    }

    /// The token `k` places ahead, without skipping anything.
    pub(super) fn raw(&self, k: usize) -> Option<Tok> {
        self.toks.get(self.i + k).copied()
    }

    pub(super) fn peek_is(&mut self, c: char) -> bool {
        self.peek().is_some_and(|t| !t.quoted && t.c == c)
    }

    fn alternatives(&mut self) -> Result<Vec<Node>, SyntaxError> {
        let mut alts = vec![self.sequence()?];
        while self.peek_is('|') {
            self.i += 1;
            alts.push(self.sequence()?);
        }
        Ok(alts)
    }

    fn alternation(&mut self) -> Result<Node, SyntaxError> {
        let mut alts = self.alternatives()?;
        if alts.len() == 1 {
            return Ok(alts.pop().unwrap_or_else(Node::empty));
        }
        let text = alts
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("|");
        Ok(Node {
            text: format!("(?:{text})"),
            zero_width: alts.iter().all(|a| a.zero_width),
            max: alts.iter().try_fold(0, |m, a| a.max.map(|x| m.max(x))),
        })
    }

    fn sequence(&mut self) -> Result<Node, SyntaxError> {
        let mut seq = Node::empty();
        while let Some(t) = self.peek() {
            let atom = if t.quoted {
                self.i += 1;
                Some(self.literal(t.c as u32))
            } else {
                match t.c {
                    '|' | ')' => break,
                    '(' => self.group()?,
                    '[' => {
                        self.i += 1;
                        Some(self.class_atom()?)
                    }
                    '\\' => Some(self.escape_atom()?),
                    '^' => {
                        self.i += 1;
                        Some(self.caret())
                    }
                    '$' => {
                        self.i += 1;
                        Some(self.dollar(self.has(MULTILINE)))
                    }
                    '.' => {
                        self.i += 1;
                        Some(self.dot())
                    }
                    '?' | '*' | '+' => {
                        return self.err(format!("Dangling meta character '{}'", t.c), t.at)
                    }
                    // Java quantifies an empty slice here: `{2}` is valid, `{` is not.
                    '{' => Some(Node::empty()),
                    c => {
                        self.i += 1;
                        Some(self.literal(c as u32))
                    }
                }
            };
            let Some(atom) = atom else { continue };
            let node = self.closure(atom)?;
            seq.text.push_str(&node.text);
            seq.zero_width &= node.zero_width;
            seq.max = match (seq.max, node.max) {
                (Some(a), Some(b)) => Some(a.saturating_add(b)),
                _ => None,
            };
        }
        Ok(seq)
    }

    /// An optional quantifier after `atom` (Java's `closure`).
    fn closure(&mut self, atom: Node) -> Result<Node, SyntaxError> {
        let Some(t) = self.peek() else {
            return Ok(atom);
        };
        if t.quoted {
            return Ok(atom);
        }
        let (min, max): (i32, Option<i32>) = match t.c {
            '?' => (0, Some(1)),
            '*' => (0, None),
            '+' => (1, None),
            '{' => {
                if !self.raw(1).is_some_and(|d| d.c.is_ascii_digit()) {
                    return self.err("Illegal repetition", t.at);
                }
                self.i += 1;
                let (min, mut c) = self.number();
                let mut max = Some(min);
                if c.is_some_and(|c| c.c == ',' && !c.quoted) {
                    self.i += 1;
                    c = self.peek();
                    max = None;
                    if c.map(|c| c.c) != Some('}') {
                        let (m, next) = self.number();
                        max = Some(m);
                        c = next;
                    }
                }
                if !c.is_some_and(|c| c.c == '}' && !c.quoted) {
                    return self.err("Unclosed counted closure", self.here());
                }
                let hi = max.unwrap_or(i32::MAX);
                if (min | hi | hi.wrapping_sub(min)) < 0 {
                    return self.err("Illegal repetition range", self.here());
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.i += 1;
        let mode = match self.peek() {
            Some(t) if !t.quoted && t.c == '?' => '?',
            Some(t) if !t.quoted && t.c == '+' => '+',
            _ => ' ',
        };
        if mode != ' ' {
            self.i += 1;
        }
        if atom.text.is_empty() {
            return Ok(atom);
        }
        if atom.zero_width {
            // fancy-regex refuses to repeat an assertion. Repeating a zero-width match is the
            // same as matching it once (min > 0) or trying it once (min 0).
            let text = match (min, mode) {
                _ if max == Some(0) => format!("(?:{NEVER}{})?", atom.text),
                (0, '?') => format!("(?:|{})", atom.text),
                (0, '+') => format!("(?>{}|)", atom.text),
                (0, _) => format!("(?:{}|)", atom.text),
                _ => atom.text,
            };
            return Ok(Node { text, ..atom });
        }
        let q = match (min, max) {
            (0, Some(1)) => "?".to_string(),
            (0, None) => "*".to_string(),
            (1, None) => "+".to_string(),
            (n, None) => format!("{{{n},}}"),
            (n, Some(m)) if n == m => format!("{{{n}}}"),
            (n, Some(m)) => format!("{{{n},{m}}}"),
        };
        let text = match mode {
            '?' => format!("{}{q}?", atom.text),
            '+' => format!("(?>{}{q})", atom.text),
            _ => format!("{}{q}", atom.text),
        };
        let max = match (atom.max, max) {
            (Some(a), Some(m)) => Some(a.saturating_mul(m as u64)),
            (Some(0), None) => Some(0),
            _ => None,
        };
        Ok(Node {
            text,
            zero_width: atom.zero_width,
            max,
        })
    }

    /// Decimal digits inside `{n,m}` (Java's int arithmetic, overflow included).
    fn number(&mut self) -> (i32, Option<Tok>) {
        let mut n: i32 = 0;
        loop {
            match self.peek() {
                Some(t) if t.c.is_ascii_digit() => {
                    n = n.wrapping_mul(10).wrapping_add(t.c as i32 - '0' as i32);
                    self.i += 1;
                }
                other => return (n, other),
            }
        }
    }

    /// A literal character at top level, with the current case folding.
    pub(super) fn literal(&self, c: u32) -> Node {
        let text = if self.has(CASE_INSENSITIVE) && self.has(UNICODE_CASE) {
            format!("(?i:{})", lit(c))
        } else if let Some(c) =
            char::from_u32(c).filter(|c| self.has(CASE_INSENSITIVE) && c.is_ascii_alphabetic())
        {
            format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
        } else {
            lit(c)
        };
        Node::atom(text, Some(1))
    }

    fn dot(&self) -> Node {
        let text = if self.has(DOTALL) {
            "(?s:.)"
        } else if self.has(UNIX_LINES) {
            r"[^\x{A}]"
        } else {
            r"[^\x{A}\x{D}\x{85}\x{2028}\x{2029}]"
        };
        Node::atom(text.into(), Some(1))
    }

    fn caret(&self) -> Node {
        if self.has(NO_TERMINATORS) {
            return Node::assertion(r"\A");
        }
        Node::assertion(match (self.has(MULTILINE), self.has(UNIX_LINES)) {
            (false, _) => r"\A",
            (true, true) => r"(?:(?!\z)(?:\A|(?<=\x{A})))",
            (true, false) => {
                r"(?:(?!\z)(?:\A|(?<=[\x{A}\x{85}\x{2028}\x{2029}])|(?<=\x{D})(?!\x{A})))"
            }
        })
    }

    /// `$` (and `\Z` with `multiline` false).
    pub(super) fn dollar(&self, multiline: bool) -> Node {
        if self.has(NO_TERMINATORS) {
            return Node::assertion(r"\z");
        }
        Node::assertion(match (multiline, self.has(UNIX_LINES)) {
            (false, true) => r"(?:\z|(?=\x{A}\z))",
            (false, false) => {
                r"(?:\z|(?=\x{D}\x{A}\z)|(?=[\x{D}\x{85}\x{2028}\x{2029}]\z)|(?<!\x{D})(?=\x{A}\z))"
            }
            (true, true) => r"(?:\z|(?=\x{A}))",
            (true, false) => r"(?:\z|(?=[\x{D}\x{85}\x{2028}\x{2029}])|(?<!\x{D})(?=\x{A}))",
        })
    }

    /// A group starting at `(` (Java's `group0`); `None` for a bare flag setting like `(?i)`.
    fn group(&mut self) -> Result<Option<Node>, SyntaxError> {
        self.i += 1;
        let saved = self.flags;
        let node = if self.peek_is('?') {
            self.i += 1;
            let Some(t) = self.raw(0) else {
                return self.err("Unknown inline modifier", self.end);
            };
            match t.c {
                ':' | '=' | '!' | '>' => {
                    self.i += 1;
                    let inner = self.alternation()?;
                    let (text, zero_width) = match t.c {
                        ':' => (format!("(?:{})", inner.text), inner.zero_width),
                        '>' => (format!("(?>{})", inner.text), inner.zero_width),
                        c => (format!("(?{c}{})", inner.text), true),
                    };
                    let max = if zero_width { Some(0) } else { inner.max };
                    Node {
                        text,
                        zero_width,
                        max,
                    }
                }
                '<' => {
                    self.i += 1;
                    match self.raw(0) {
                        Some(t) if t.c == '=' || t.c == '!' => {
                            self.i += 1;
                            self.lookbehind(t.c == '=')?
                        }
                        _ => self.named_group()?,
                    }
                }
                '$' | '@' => return self.err("Unknown group type", t.at),
                _ => {
                    self.inline_flags();
                    match self.raw(0) {
                        Some(t) if t.c == ')' => {
                            self.i += 1;
                            return Ok(None);
                        }
                        Some(t) if t.c == ':' => {
                            self.i += 1;
                            let inner = self.alternation()?;
                            Node {
                                text: format!("(?:{})", inner.text),
                                ..inner
                            }
                        }
                        t => {
                            return self
                                .err("Unknown inline modifier", t.map_or(self.end, |t| t.at))
                        }
                    }
                }
            }
        } else {
            self.groups += 1;
            let inner = self.alternation()?;
            Node {
                text: format!("({})", inner.text),
                zero_width: inner.zero_width,
                max: inner.max,
            }
        };
        if !self.peek_is(')') {
            return self.err("Unclosed group", self.end);
        }
        self.i += 1;
        self.flags = saved;
        Ok(Some(node))
    }

    fn named_group(&mut self) -> Result<Node, SyntaxError> {
        let name = self.group_name()?;
        if self.names.iter().any(|(n, _)| *n == name) {
            return self.err(
                format!("Named capturing group <{name}> is already defined"),
                self.here(),
            );
        }
        self.groups += 1;
        self.names.push((name.clone(), self.groups));
        let inner = self.alternation()?;
        // A plain group: fancy-regex refuses numbered back-references next to named groups,
        // and names are resolved here.
        Ok(Node {
            text: format!("({})", inner.text),
            zero_width: inner.zero_width,
            max: inner.max,
        })
    }

    /// A group name up to `>` (`[a-zA-Z][a-zA-Z0-9]*`).
    pub(super) fn group_name(&mut self) -> Result<String, SyntaxError> {
        let mut name = String::new();
        if !self.raw(0).is_some_and(|t| t.c.is_ascii_alphabetic()) {
            return self.err(
                "capturing group name does not start with a Latin letter",
                self.here(),
            );
        }
        while let Some(t) = self.raw(0).filter(|t| t.c.is_ascii_alphanumeric()) {
            name.push(t.c);
            self.i += 1;
        }
        if self.raw(0).map(|t| t.c) != Some('>') {
            return self.err("named capturing group is missing trailing '>'", self.here());
        }
        self.i += 1;
        Ok(name)
    }

    /// `(?<=X)` / `(?<!X)`: fancy-regex needs each alternative to have a fixed length, so
    /// alternatives become separate look-behinds.
    fn lookbehind(&mut self, positive: bool) -> Result<Node, SyntaxError> {
        let alts = self.alternatives()?;
        if alts.iter().any(|a| a.text.contains(BACKREF_MARK)) {
            return self.err(
                "Look-behind group does not have an obvious maximum length",
                self.here(),
            );
        }
        if alts.iter().any(|a| a.max.is_none()) {
            return self.err(
                "unsupported by vmcs: look-behind of unbounded length",
                self.here(),
            );
        }
        let op = if positive { "(?<=" } else { "(?<!" };
        let parts: Vec<String> = alts.iter().map(|a| format!("{op}{})", a.text)).collect();
        let text = if positive && parts.len() > 1 {
            format!("(?:{})", parts.join("|"))
        } else {
            parts.concat()
        };
        Ok(Node {
            text,
            zero_width: true,
            max: Some(0),
        })
    }

    /// Java's `addFlag`/`subFlag` for `(?idmsuxU-idmsuxU)`.
    fn inline_flags(&mut self) {
        let mut on = true;
        while let Some(t) = self.raw(0) {
            let bit = match t.c {
                'i' => CASE_INSENSITIVE,
                'm' => MULTILINE,
                's' => DOTALL,
                'd' => UNIX_LINES,
                'u' => UNICODE_CASE,
                'c' => 0,
                'x' => COMMENTS,
                'U' => UNICODE_CHARACTER_CLASS | UNICODE_CASE,
                '-' if on => {
                    on = false;
                    self.i += 1;
                    continue;
                }
                _ => return,
            };
            if on {
                self.flags |= bit;
            } else {
                self.flags &= !bit;
            }
            self.i += 1;
        }
    }
}

/// A literal code point, escaped for fancy-regex. A lone surrogate (which Java can match but
/// no Rust string holds) never matches.
pub(super) fn lit(c: u32) -> String {
    match char::from_u32(c) {
        None => NEVER.to_string(),
        Some(c) if c.is_ascii_alphanumeric() || c == '_' => c.to_string(),
        Some(_) => format!("\\x{{{c:X}}}"),
    }
}
