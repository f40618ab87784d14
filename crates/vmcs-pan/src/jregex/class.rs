//! Java character classes (`[...]`, with nesting and `&&` intersections) written as regex-crate
//! class syntax.
//!
//! This follows JDK 17's `Pattern.clazz` and `Pattern.range`: single characters below U+0100
//! collect in a bit set that is unioned in when an intersection starts or the class ends (so
//! union binds tighter than `&&`), a `^` negates only right after `[`, `-` makes a range unless it
//! is last or followed by a nested class, and case folding is ASCII-only unless `UNICODE_CASE`.
//! Each piece is kept as class text that is valid both alone and as a member of a bigger class.

use super::translate::{Node, Parser, SyntaxError, NEVER};
use super::{CASE_INSENSITIVE, UNICODE_CASE};

/// Class text for the union of two pieces.
fn union(prev: Option<String>, next: String) -> Option<String> {
    Some(match prev {
        None => next,
        Some(p) => format!("[{p}{next}]"),
    })
}

/// A code point written inside a class.
fn class_lit(c: u32) -> String {
    match char::from_u32(c) {
        Some(ch) if ch.is_ascii_alphanumeric() => ch.to_string(),
        _ => format!("\\x{{{c:X}}}"),
    }
}

/// Ranges as class text; surrogates (never in a Rust string) are left out.
fn ranges_text(ranges: &[(u32, u32)]) -> String {
    let mut s = String::new();
    for &(lo, hi) in ranges {
        let lo = if (0xD800..0xE000).contains(&lo) {
            0xE000
        } else {
            lo
        };
        let hi = if (0xD800..0xE000).contains(&hi) {
            0xD7FF
        } else {
            hi
        };
        if lo > hi {
            continue;
        }
        s.push_str(&class_lit(lo));
        if hi > lo {
            s.push('-');
            s.push_str(&class_lit(hi));
        }
    }
    if s.is_empty() {
        NEVER.to_string()
    } else {
        format!("[{s}]")
    }
}

impl Parser {
    /// A class at top level, `[` already consumed.
    pub(super) fn class_atom(&mut self) -> Result<Node, SyntaxError> {
        let text = self.clazz(true)?;
        let text = if self.has(CASE_INSENSITIVE) && self.has(UNICODE_CASE) {
            format!("(?i:{text})")
        } else {
            text
        };
        Ok(Node::atom(text, Some(1)))
    }

    /// Add `lo..=hi` with the ASCII case counterparts that Java's `CASE_INSENSITIVE` adds.
    fn push_range(&self, ranges: &mut Vec<(u32, u32)>, lo: u32, hi: u32) {
        ranges.push((lo, hi));
        if self.has(CASE_INSENSITIVE) && !self.has(UNICODE_CASE) {
            for (a, z, shift) in [(0x61u32, 0x7Au32, -32i64), (0x41, 0x5A, 32)] {
                let (l, h) = (lo.max(a), hi.min(z));
                if l <= h {
                    ranges.push(((l as i64 + shift) as u32, (h as i64 + shift) as u32));
                }
            }
        }
    }

    /// Java's `clazz`: with `bracketed`, the opening `[` has been consumed and the closing `]` is
    /// consumed; without, this is the right operand of `&&` and stops before `]`.
    fn clazz(&mut self, bracketed: bool) -> Result<String, SyntaxError> {
        let mut negated = false;
        if bracketed && self.raw(0).is_some_and(|t| t.c == '^' && !t.quoted) {
            self.i += 1;
            negated = true;
        }
        let mut prev: Option<String> = None;
        let mut curr: Option<String> = None;
        let mut bits: Vec<(u32, u32)> = Vec::new();
        loop {
            let Some(t) = self.peek() else {
                return self.err("Unclosed character class", self.end.saturating_sub(1));
            };
            if !t.quoted {
                match t.c {
                    '[' => {
                        self.i += 1;
                        let inner = self.clazz(true)?;
                        curr = Some(inner.clone());
                        prev = union(prev, inner);
                        continue;
                    }
                    '&' if self.raw(1).is_some_and(|n| n.c == '&' && !n.quoted) => {
                        self.i += 2;
                        self.intersection(&mut prev, &mut curr, &mut bits)?;
                        continue;
                    }
                    ']' if prev.is_some() || !bits.is_empty() => {
                        if bracketed {
                            self.i += 1;
                        }
                        if !bits.is_empty() {
                            prev = union(prev, ranges_text(&bits));
                        }
                        let set = prev.unwrap_or_else(|| NEVER.to_string());
                        return Ok(if negated { format!("[^{set}]") } else { set });
                    }
                    _ => {}
                }
            }
            if let Some(pred) = self.range(&mut bits)? {
                curr = Some(pred.clone());
                prev = union(prev, pred);
            }
        }
    }

    /// After `&&`: intersect what came before with the right operand.
    fn intersection(
        &mut self,
        prev: &mut Option<String>,
        curr: &mut Option<String>,
        bits: &mut Vec<(u32, u32)>,
    ) -> Result<(), SyntaxError> {
        let mut right: Option<String> = None;
        loop {
            let Some(t) = self.peek() else {
                return self.err("Unclosed character class", self.end.saturating_sub(1));
            };
            if !t.quoted && (t.c == ']' || t.c == '&') {
                break;
            }
            if !t.quoted && t.c == '[' {
                self.i += 1;
                let inner = self.clazz(true)?;
                right = union(right, inner);
            } else {
                right = Some(self.clazz(false)?);
            }
        }
        if !bits.is_empty() {
            let b = ranges_text(bits);
            bits.clear();
            if prev.is_none() {
                *curr = Some(b.clone());
            }
            *prev = union(prev.take(), b);
        }
        if right.is_some() {
            *curr = right.clone();
        }
        *prev = match prev.take() {
            None => match right {
                None => return self.err("Bad class syntax", self.here()),
                r => r,
            },
            Some(p) => {
                let c = curr.clone().unwrap_or_else(|| p.clone());
                Some(format!("[{p}&&{c}]"))
            }
        };
        Ok(())
    }

    /// Java's `range`: one member of a class. Single characters below U+0100 go into `bits`
    /// (`None`); ranges, other characters and predefined classes come back as class text.
    fn range(&mut self, bits: &mut Vec<(u32, u32)>) -> Result<Option<String>, SyntaxError> {
        let Some(t) = self.peek() else {
            return self.err("Unclosed character class", self.end);
        };
        let ch = if !t.quoted && t.c == '\\' {
            self.i += 1;
            let Some(e) = self.raw(0) else {
                return self.err("Unclosed character class", self.end);
            };
            self.i += 1;
            if e.c == 'p' || e.c == 'P' {
                return self.property(e.c == 'P').map(Some);
            }
            let is_range = self.raw(0).is_some_and(|n| n.c == '-');
            match self.escape_char(e, true, is_range)? {
                Ok(c) => c,
                Err(class) => return Ok(Some(class.to_string())),
            }
        } else {
            self.i += 1;
            t.c as u32
        };
        if self.peek().is_some_and(|t| t.c == '-' && !t.quoted) {
            let end = self.raw(1);
            if end.is_some_and(|e| e.c == '[' && !e.quoted) {
                return Ok(self.single(bits, ch));
            }
            if !end.is_some_and(|e| e.c == ']' && !e.quoted) {
                self.i += 1;
                let at = self.here();
                let m = match self.peek() {
                    None => return self.err("Illegal character range", self.end),
                    Some(t) if !t.quoted && t.c == '\\' => {
                        self.i += 1;
                        let Some(e) = self.raw(0) else {
                            return self.err("Illegal character range", self.end);
                        };
                        self.i += 1;
                        match self.escape_char(e, true, true)? {
                            Ok(c) => c,
                            Err(_) => return self.err("Illegal character range", at),
                        }
                    }
                    Some(t) => {
                        self.i += 1;
                        t.c as u32
                    }
                };
                if m < ch {
                    return self.err("Illegal character range", at);
                }
                let mut ranges = Vec::new();
                self.push_range(&mut ranges, ch, m);
                return Ok(Some(ranges_text(&ranges)));
            }
        }
        Ok(self.single(bits, ch))
    }

    /// Java's `bitsOrSingle`.
    fn single(&self, bits: &mut Vec<(u32, u32)>, ch: u32) -> Option<String> {
        if ch < 256 {
            self.push_range(bits, ch, ch);
            None
        } else {
            Some(ranges_text(&[(ch, ch)]))
        }
    }
}
