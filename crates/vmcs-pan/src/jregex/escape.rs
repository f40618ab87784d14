//! Java regex escapes (`\\d`, `\\x{...}`, `\\u0041`, `\\0101`, `\\cX`, `\\p{...}`, back-references, ...)
//! written in fancy-regex syntax, following JDK 17's `Pattern.escape`.
//!
//! ASCII letters that Java does not define as escapes are errors; any other escaped character
//! stands for itself. Back-references become placeholders resolved once the number of groups is
//! known (see `translate`).

use super::props;
use super::translate::{Node, Parser, SyntaxError, Tok, BACKREF_MARK};
use super::{CASE_INSENSITIVE, UNICODE_CHARACTER_CLASS};

impl Parser {
    /// A top-level escape (the `\` is the current token).
    pub(super) fn escape_atom(&mut self) -> Result<Node, SyntaxError> {
        let bs = self.here();
        self.i += 1;
        let Some(t) = self.raw(0) else {
            return self.err("Unexpected internal error", self.end);
        };
        self.i += 1;
        let ci = self.has(CASE_INSENSITIVE);
        Ok(match t.c {
            '1'..='9' => {
                let mut n = t.c as usize - '0' as usize;
                while let Some(d) = self.raw(0).and_then(|d| d.c.to_digit(10)) {
                    let next = n * 10 + d as usize;
                    if next > self.groups {
                        break;
                    }
                    n = next;
                    self.i += 1;
                }
                // Resolved once the pattern's groups are known: `+` when already defined here.
                let state = if n <= self.groups { '+' } else { '-' };
                let kind = if ci { "i" } else { "c" };
                Node::atom(
                    format!("{BACKREF_MARK}{kind}{n}{state}{BACKREF_MARK}"),
                    None,
                )
            }
            'k' => {
                if self.raw(0).map(|t| t.c) != Some('<') {
                    return self.err(
                        "\\k is not followed by '<' for named capturing group",
                        self.here(),
                    );
                }
                self.i += 1;
                let name = self.group_name()?;
                let Some(&(_, n)) = self.names.iter().find(|(g, _)| *g == name) else {
                    return self.err(
                        format!("named capturing group <{name}> does not exist"),
                        self.here(),
                    );
                };
                let kind = if ci { "i" } else { "c" };
                Node::atom(format!("{BACKREF_MARK}{kind}{n}+{BACKREF_MARK}"), None)
            }
            'A' => Node::assertion(r"\A"),
            'z' => Node::assertion(r"\z"),
            'Z' => self.dollar(false),
            'G' => Node::assertion(r"\G"),
            'B' => Node::assertion(r"\B"),
            'b' => {
                if self.raw(0).is_some_and(|t| t.c == '{')
                    && self.raw(1).is_some_and(|t| t.c == 'g')
                {
                    if self.raw(2).map(|t| t.c) != Some('}') {
                        return self.err("Illegal/unsupported escape sequence", self.here());
                    }
                    return self.err(
                        "unsupported by vmcs: grapheme cluster boundaries (\\b{g})",
                        bs,
                    );
                }
                Node::assertion(r"\b")
            }
            'R' => Node::atom(
                r"(?:\x{D}\x{A}|[\x{A}-\x{D}\x{85}\x{2028}\x{2029}])".into(),
                Some(2),
            ),
            'X' => Node::atom(r"(?>\x{D}\x{A}|\P{M}\p{M}*)".into(), None),
            'p' | 'P' => Node::atom(self.property(t.c == 'P')?, Some(1)),
            _ => match self.escape_char(t, false, false)? {
                Ok(c) => self.literal(c),
                Err(class) => Node::atom(class, Some(1)),
            },
        })
    }

    /// Escapes shared by top level and classes, with the escape letter `t` already consumed:
    /// a character (`Ok`) or a predefined class (`Err`, class text).
    pub(super) fn escape_char(
        &mut self,
        t: Tok,
        in_class: bool,
        is_range: bool,
    ) -> Result<Result<u32, String>, SyntaxError> {
        let u = self.has(UNICODE_CHARACTER_CLASS);
        let class = |s: &str| Ok(Err(s.to_string()));
        match t.c {
            '0' => self.octal().map(Ok),
            'a' => Ok(Ok(7)),
            'e' => Ok(Ok(0x1b)),
            'f' => Ok(Ok(0xc)),
            'n' => Ok(Ok(0xa)),
            'r' => Ok(Ok(0xd)),
            't' => Ok(Ok(9)),
            'c' => match self.raw(0) {
                Some(x) => {
                    self.i += 1;
                    Ok(Ok(x.c as u32 ^ 64))
                }
                None => self.err("Illegal control escape sequence", self.end),
            },
            'x' => self.hex().map(Ok),
            'u' => self.unicode().map(Ok),
            'd' => class(if u { r"\p{Nd}" } else { "[0-9]" }),
            'D' => class(if u { r"\P{Nd}" } else { "[^0-9]" }),
            'w' => class(if u {
                props::UNICODE_WORD
            } else {
                "[a-zA-Z_0-9]"
            }),
            'W' => class(if u {
                props::UNICODE_NON_WORD
            } else {
                "[^a-zA-Z_0-9]"
            }),
            's' => class(if u {
                r"\p{White_Space}"
            } else {
                r"[\x{9}-\x{D}\x{20}]"
            }),
            'S' => class(if u {
                r"\P{White_Space}"
            } else {
                r"[^\x{9}-\x{D}\x{20}]"
            }),
            'h' => class(props::HORIZONTAL_SPACE),
            'H' => class(props::NON_HORIZONTAL_SPACE),
            'v' if is_range => Ok(Ok(0xb)),
            'v' => class(r"[\x{A}-\x{D}\x{85}\x{2028}\x{2029}]"),
            'V' => class(r"[^\x{A}-\x{D}\x{85}\x{2028}\x{2029}]"),
            'N' => self.err("unsupported by vmcs: named characters (\\N{...})", t.at),
            c if c.is_ascii_alphabetic() || (in_class && c.is_ascii_digit()) => {
                self.err("Illegal/unsupported escape sequence", t.at)
            }
            c => Ok(Ok(c as u32)),
        }
    }

    pub(super) fn octal(&mut self) -> Result<u32, SyntaxError> {
        let digit =
            |t: Option<Tok>, max: u32| t.and_then(|t| t.c.to_digit(8)).filter(|d| *d <= max);
        let Some(n) = digit(self.raw(0), 7) else {
            return self.err("Illegal octal escape sequence", self.here());
        };
        self.i += 1;
        let Some(m) = digit(self.raw(0), 7) else {
            return Ok(n);
        };
        self.i += 1;
        match digit(self.raw(0), 7) {
            Some(o) if n <= 3 => {
                self.i += 1;
                Ok(n * 64 + m * 8 + o)
            }
            _ => Ok(n * 8 + m),
        }
    }

    pub(super) fn hex(&mut self) -> Result<u32, SyntaxError> {
        let hexd = |t: Option<Tok>| t.and_then(|t| t.c.to_digit(16).filter(|_| t.c.is_ascii()));
        if let (Some(a), Some(b)) = (hexd(self.raw(0)), hexd(self.raw(1))) {
            self.i += 2;
            return Ok(a * 16 + b);
        }
        if self.raw(0).is_some_and(|t| t.c == '{') && hexd(self.raw(1)).is_some() {
            self.i += 1;
            let mut cp: u32 = 0;
            while let Some(d) = hexd(self.raw(0)) {
                cp = (cp << 4) + d;
                self.i += 1;
                if cp > 0x10FFFF {
                    return self.err("Hexadecimal codepoint is too big", self.here());
                }
            }
            if self.raw(0).map(|t| t.c) != Some('}') {
                return self.err("Unclosed hexadecimal escape sequence", self.here());
            }
            self.i += 1;
            return Ok(cp);
        }
        self.err("Illegal hexadecimal escape sequence", self.here())
    }

    pub(super) fn uxxxx(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            match self
                .raw(0)
                .and_then(|t| t.c.to_digit(16).filter(|_| t.c.is_ascii()))
            {
                Some(d) => n = n * 16 + d,
                None => return self.err("Illegal Unicode escape sequence", self.here()),
            }
            self.i += 1;
        }
        Ok(n)
    }

    /// `\uXXXX`, joining an escaped surrogate pair as Java does.
    pub(super) fn unicode(&mut self) -> Result<u32, SyntaxError> {
        let n = self.uxxxx()?;
        if (0xD800..0xDC00).contains(&n) {
            let save = self.i;
            if self.raw(0).is_some_and(|t| t.c == '\\') && self.raw(1).is_some_and(|t| t.c == 'u') {
                self.i += 2;
                if let Ok(lo) = self.uxxxx() {
                    if (0xDC00..0xE000).contains(&lo) {
                        return Ok(0x10000 + ((n - 0xD800) << 10) + (lo - 0xDC00));
                    }
                }
            }
            self.i = save;
        }
        Ok(n)
    }

    /// `\p{...}` / `\P{...}` after the letter.
    pub(super) fn property(&mut self, negated: bool) -> Result<String, SyntaxError> {
        let start = self.here();
        let name = if self.raw(0).is_some_and(|t| t.c == '{') {
            self.i += 1;
            let mut name = String::new();
            loop {
                match self.raw(0) {
                    None => return self.err("Unclosed character family", self.end),
                    Some(t) if t.c == '}' => break,
                    Some(t) => name.push(t.c),
                }
                self.i += 1;
            }
            self.i += 1;
            if name.is_empty() {
                return self.err("Empty character family", self.here());
            }
            name
        } else {
            match self.raw(0) {
                Some(t) => {
                    self.i += 1;
                    t.c.to_string()
                }
                None => return self.err("Unknown character property name {\u{0}}", start),
            }
        };
        props::property(&name, negated, self.flags).map_err(|desc| SyntaxError {
            desc,
            index: self.here(),
        })
    }
}
