//! Java regular expressions (`java.util.regex`) on top of fancy-regex, as panc's `match`,
//! `matches`, `replace` and `split` see them.
//!
//! A Java pattern is translated (see `translate`) into fancy-regex syntax with Java's meaning,
//! compiled once and kept in a small per-thread cache keyed by pattern and flags (templates call
//! `match()` in loops). The operations reproduce the Java methods panc calls: `Matcher.find`,
//! `Matcher.group`, `Matcher.replaceAll` (with `$n`, `${name}` and `\` escapes in the replacement)
//! and `Pattern.split`, including how Java steps past an empty match.
//!
//! Known differences from Java: look-behinds whose alternatives are not each of fixed length
//! (`(?<=a{1,3})`) are refused; `\X` is approximated; `\b{g}` and `\N{name}` are refused; a
//! back-reference to a group defined later never matches; positions step by characters where
//! Java steps by UTF-16 units (only visible with empty matches next to characters outside the
//! BMP); the `CANON_EQ` flag is ignored.

mod class;
mod escape;
mod props;
mod translate;

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

/// Java's `Pattern` flag bits.
pub const UNIX_LINES: u32 = 0x01;
pub const CASE_INSENSITIVE: u32 = 0x02;
pub const COMMENTS: u32 = 0x04;
pub const MULTILINE: u32 = 0x08;
pub const DOTALL: u32 = 0x20;
pub const UNICODE_CASE: u32 = 0x40;
pub const UNICODE_CHARACTER_CLASS: u32 = 0x100;
/// Internal: translate for texts without line terminators, where `^`/`$` are `\A`/`\z`.
pub(crate) const NO_TERMINATORS: u32 = 1 << 30;

/// Flags from panc's flag string (`i s m u x`); the offending character otherwise.
pub fn parse_flags(s: &str) -> Result<u32, char> {
    s.chars().try_fold(0, |flags, c| {
        Ok(flags
            | match c {
                'i' => CASE_INSENSITIVE,
                's' => DOTALL,
                'm' => MULTILINE,
                'u' => UNICODE_CASE,
                'x' => COMMENTS,
                _ => return Err(c),
            })
    })
}

/// An invalid pattern, described like Java's `PatternSyntaxException`.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub desc: String,
    /// UTF-16 position, when Java would give one.
    pub index: Option<usize>,
    pub pattern: String,
}

impl fmt::Display for PatternError {
    /// `getMessage()`: description, position, the pattern and a caret under the position.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.desc)?;
        if let Some(i) = self.index {
            write!(f, " near index {i}")?;
        }
        write!(f, "\n{}", self.pattern)?;
        if let Some(i) = self
            .index
            .filter(|i| *i < self.pattern.encode_utf16().count())
        {
            write!(f, "\n{}^", " ".repeat(i))?;
        }
        Ok(())
    }
}

/// A failure while matching (fancy-regex's backtracking limit).
#[derive(Debug, Clone, PartialEq)]
pub struct MatchError(pub String);

/// Why `replace_all` failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ReplaceError {
    /// Java's `IllegalArgumentException` for a bad replacement string.
    Invalid(String),
    /// Java's `IndexOutOfBoundsException` (`No group 5`).
    NoGroup(usize),
    Match(MatchError),
}

impl From<MatchError> for ReplaceError {
    fn from(e: MatchError) -> ReplaceError {
        ReplaceError::Match(e)
    }
}

/// A compiled Java pattern.
#[derive(Debug)]
pub struct JavaRegex {
    re: fancy_regex::Regex,
    /// For `find` on texts without line terminators: the same pattern with `^`/`$` as
    /// `\A`/`\z`, when that needs no backtracking engine (the common case).
    fast: Option<regex::Regex>,
    groups: usize,
    names: Vec<(String, usize)>,
}

fn matching(e: fancy_regex::Error) -> MatchError {
    MatchError(format!("regular expression evaluation failed: {e}"))
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

const CACHE_SIZE: usize = 256;

type Compiled = Result<Rc<JavaRegex>, PatternError>;

/// Compiled patterns by (pattern, flags), with the tick of their last use.
#[derive(Default)]
struct Cache {
    tick: u64,
    entries: HashMap<(String, u32), (Compiled, u64)>,
}

/// Compile `pattern` with Java `flags`, from the cache when it was compiled before.
pub fn compile(pattern: &str, flags: u32) -> Compiled {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        cache.tick += 1;
        let tick = cache.tick;
        let key = (pattern.to_string(), flags);
        if let Some((found, used)) = cache.entries.get_mut(&key) {
            *used = tick;
            return found.clone();
        }
        let compiled = JavaRegex::new(pattern, flags).map(Rc::new);
        if cache.entries.len() >= CACHE_SIZE {
            if let Some(oldest) = cache
                .entries
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| k.clone())
            {
                cache.entries.remove(&oldest);
            }
        }
        cache.entries.insert(key, (compiled.clone(), tick));
        compiled
    })
}

impl JavaRegex {
    /// Compile without the cache.
    pub fn new(pattern: &str, flags: u32) -> Result<JavaRegex, PatternError> {
        let t = translate::translate(pattern, flags).map_err(|e| PatternError {
            desc: e.desc,
            index: Some(e.index),
            pattern: pattern.to_string(),
        })?;
        let re = fancy_regex::Regex::new(&t.pattern).map_err(|e| PatternError {
            desc: format!("unsupported by vmcs ({e})"),
            index: None,
            pattern: pattern.to_string(),
        })?;
        let fast = translate::translate(pattern, flags | NO_TERMINATORS)
            .ok()
            .and_then(|t| regex::Regex::new(&t.pattern).ok());
        Ok(JavaRegex {
            re,
            fast,
            groups: t.groups,
            names: t.names,
        })
    }

    /// Number of capturing groups (Java's `groupCount()`).
    pub fn group_count(&self) -> usize {
        self.groups
    }

    /// `Matcher.find()` from the start: is there a match anywhere?
    pub fn find(&self, text: &str) -> Result<bool, MatchError> {
        if let Some(fast) = &self.fast {
            if !text.is_empty() && !text.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
                return Ok(fast.is_match(text));
            }
        }
        self.re.is_match(text).map_err(matching)
    }

    /// The groups of the first match (group 0 first, `None` for groups that did not take part).
    pub fn first_match(&self, text: &str) -> Result<Option<Vec<Option<String>>>, MatchError> {
        let Some(caps) = self.re.captures(text).map_err(matching)? else {
            return Ok(None);
        };
        Ok(Some(
            (0..=self.groups)
                .map(|i| caps.get(i).map(|m| m.as_str().to_string()))
                .collect(),
        ))
    }

    /// Where Java's `find()` searches after a match `start..end`: an empty match moves on by
    /// one character.
    fn next_pos(text: &str, start: usize, end: usize) -> Option<usize> {
        if end > start {
            Some(end)
        } else {
            text[end..].chars().next().map(|c| end + c.len_utf8())
        }
    }

    /// `Matcher.replaceAll(repl)`.
    pub fn replace_all(&self, text: &str, repl: &str) -> Result<String, ReplaceError> {
        let repl: Vec<char> = repl.chars().collect();
        let mut out = String::new();
        let (mut pos, mut last) = (Some(0), 0);
        while let Some(p) = pos {
            let Some(caps) = self.re.captures_from_pos(text, p).map_err(matching)? else {
                break;
            };
            let Some(m) = caps.get(0) else { break };
            out.push_str(&text[last..m.start()]);
            self.expand(&caps, &repl, &mut out)?;
            last = m.end();
            pos = Self::next_pos(text, m.start(), m.end());
        }
        out.push_str(&text[last..]);
        Ok(out)
    }

    /// Java's `appendExpandedReplacement`.
    fn expand(
        &self,
        caps: &fancy_regex::Captures,
        repl: &[char],
        out: &mut String,
    ) -> Result<(), ReplaceError> {
        let invalid = |m: &str| Err(ReplaceError::Invalid(m.to_string()));
        let mut i = 0;
        while i < repl.len() {
            match repl[i] {
                '\\' => {
                    i += 1;
                    let Some(&c) = repl.get(i) else {
                        return invalid("character to be escaped is missing");
                    };
                    out.push(c);
                    i += 1;
                }
                '$' => {
                    i += 1;
                    let Some(&c) = repl.get(i) else {
                        return invalid("Illegal group reference: group index is missing");
                    };
                    let group = if c == '{' {
                        i += 1;
                        let start = i;
                        while repl.get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
                            i += 1;
                        }
                        let name: String = repl[start..i].iter().collect();
                        if name.is_empty() {
                            return invalid("named capturing group has 0 length name");
                        }
                        if repl.get(i) != Some(&'}') {
                            return invalid("named capturing group is missing trailing '}'");
                        }
                        i += 1;
                        if name.starts_with(|c: char| c.is_ascii_digit()) {
                            return invalid(&format!(
                                "capturing group name {{{name}}} starts with digit character"
                            ));
                        }
                        match self.names.iter().find(|(n, _)| *n == name) {
                            Some((_, g)) => *g,
                            None => return invalid(&format!("No group with name {{{name}}}")),
                        }
                    } else {
                        let Some(d) = c.to_digit(10) else {
                            return invalid("Illegal group reference");
                        };
                        let mut n = d as usize;
                        i += 1;
                        while let Some(d) = repl.get(i).and_then(|c| c.to_digit(10)) {
                            let next = n * 10 + d as usize;
                            if next > self.groups {
                                break;
                            }
                            n = next;
                            i += 1;
                        }
                        if n > self.groups {
                            return Err(ReplaceError::NoGroup(n));
                        }
                        n
                    };
                    if let Some(m) = caps.get(group) {
                        out.push_str(m.as_str());
                    }
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        Ok(())
    }

    /// `Pattern.split(text, limit)` (Java 8+: no empty leading piece from a zero-width match
    /// at the start; trailing empty pieces dropped when `limit` is 0).
    pub fn split(&self, text: &str, limit: i32) -> Result<Vec<String>, MatchError> {
        let limited = limit > 0;
        let mut pieces: Vec<String> = Vec::new();
        let mut index = 0;
        let mut pos = Some(0);
        while let Some(p) = pos {
            let Some(m) = self.re.find_from_pos(text, p).map_err(matching)? else {
                break;
            };
            pos = Self::next_pos(text, m.start(), m.end());
            if !limited || pieces.len() < (limit - 1) as usize {
                if index == 0 && m.start() == 0 && m.end() == 0 {
                    continue;
                }
                pieces.push(text[index..m.start()].to_string());
                index = m.end();
            } else {
                pieces.push(text[index..].to_string());
                index = m.end();
                break;
            }
        }
        if index == 0 {
            return Ok(vec![text.to_string()]);
        }
        if !limited || pieces.len() < limit as usize {
            pieces.push(text[index..].to_string());
        }
        if limit == 0 {
            while pieces.last().is_some_and(|p| p.is_empty()) {
                pieces.pop();
            }
        }
        Ok(pieces)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_read_like_java() {
        let e = JavaRegex::new("a(b", 0).unwrap_err();
        assert_eq!(e.to_string(), "Unclosed group near index 3\na(b");
        let e = JavaRegex::new("*a", 0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Dangling meta character '*' near index 0\n*a\n^"
        );
    }

    #[test]
    fn compiled_patterns_are_cached_per_flags() {
        let a = compile("x+", 0).unwrap();
        assert!(Rc::ptr_eq(&a, &compile("x+", 0).unwrap()));
        assert!(!Rc::ptr_eq(&a, &compile("x+", CASE_INSENSITIVE).unwrap()));
        assert_eq!(compile("(", 0).unwrap_err(), compile("(", 0).unwrap_err());
    }

    #[test]
    fn flag_letters() {
        assert_eq!(parse_flags("ix"), Ok(CASE_INSENSITIVE | COMMENTS));
        assert_eq!(parse_flags("smu"), Ok(DOTALL | MULTILINE | UNICODE_CASE));
        assert_eq!(parse_flags("d"), Err('d'));
    }
}
