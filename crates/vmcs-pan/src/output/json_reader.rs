//! Reading JSON exactly as panc's `json_decode` does: Gson's `JsonParser.parse`.
//!
//! This follows Gson's `JsonReader` state machine over UTF-16 code units, so that what is
//! accepted, and the messages of what is not (with Gson's `at line L column C path $.a[0]`),
//! are Gson's. The value is read in lenient mode (single quotes, unquoted names and strings,
//! `#`, `//` and `/* */` comments, `=`/`=>` after names, `;` separators, empty array slots as
//! null, the `)]}'` prefix, a leading BOM); a non-null top-level value must then be followed by
//! nothing but whitespace, checked in strict mode. An empty text is JSON null.

use indexmap::IndexMap;

use super::{as_lone_surrogate, lone_surrogate};

/// A parsed JSON value, as Gson's `JsonElement` holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number as its text (Gson's `LazilyParsedNumber`).
    Number(String),
    Str(String),
    Array(Vec<Json>),
    /// Names in first-insertion order, the last value of a repeated name wins.
    Object(IndexMap<String, Json>),
}

/// Why Gson rejected a text; [`JsonError::java_message`] is what panc shows after the text.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonError {
    /// `MalformedJsonException`.
    Malformed(String),
    /// `EOFException` (input ended inside a value).
    Eof(String),
    /// `NumberFormatException` (a malformed `\u` escape).
    NumberFormat(String),
}

impl JsonError {
    /// The message of the `JsonSyntaxException` wrapping the cause: the cause's `toString()`.
    pub fn java_message(&self) -> String {
        match self {
            JsonError::Malformed(m) => {
                format!("com.google.gson.stream.MalformedJsonException: {m}")
            }
            JsonError::Eof(m) => format!("java.io.EOFException: {m}"),
            JsonError::NumberFormat(m) => format!("java.lang.NumberFormatException: {m}"),
        }
    }
}

/// Arrays and objects nest at most this deep (as Gson's nesting limit, but generous): the
/// reader and the values it builds stay far from the end of the stack.
const MAX_NESTING: usize = 1024;

/// Parse `text` as panc's `json_decode` does.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut units = Vec::with_capacity(text.len());
    for c in text.chars() {
        match as_lone_surrogate(c) {
            Some(u) => units.push(u),
            None => units.extend_from_slice(c.encode_utf16(&mut [0; 2])),
        }
    }
    let mut r = Reader::new(&units);
    r.lenient = true;
    let result = match r.peek() {
        Err(JsonError::Eof(_)) => return Ok(Json::Null),
        Err(e) => Err(e),
        Ok(_) => r.read(),
    };
    r.lenient = false;
    let value = result?;
    if value != Json::Null && r.peek()? != Peeked::Eof {
        return Err(JsonError::Malformed(
            "Did not consume the entire document.".into(),
        ));
    }
    Ok(value)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    EmptyArray,
    NonemptyArray,
    EmptyObject,
    DanglingName,
    NonemptyObject,
    EmptyDocument,
    NonemptyDocument,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Peeked {
    None,
    BeginObject,
    EndObject,
    BeginArray,
    EndArray,
    True,
    False,
    Null,
    SingleQuoted,
    DoubleQuoted,
    Unquoted,
    SingleQuotedName,
    DoubleQuotedName,
    UnquotedName,
    Long,
    Number,
    Eof,
}

/// Gson's read buffer size, which bounds how long a number literal may be.
const BUFFER_SIZE: usize = 1024;

struct Reader<'a> {
    buf: &'a [u16],
    pos: usize,
    line_number: usize,
    line_start: usize,
    lenient: bool,
    peeked: Peeked,
    peeked_long: i64,
    peeked_number_length: usize,
    stack: Vec<Scope>,
    path_names: Vec<Option<String>>,
    path_indices: Vec<i64>,
}

fn is_ws(c: u16) -> bool {
    c == b' ' as u16 || c == b'\t' as u16 || c == b'\n' as u16 || c == b'\r' as u16
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u16]) -> Reader<'a> {
        // A byte order mark at the very start is skipped.
        let start = usize::from(buf.first() == Some(&0xFEFF));
        Reader {
            buf,
            pos: start,
            line_number: 0,
            line_start: start,
            lenient: false,
            peeked: Peeked::None,
            peeked_long: 0,
            peeked_number_length: 0,
            stack: vec![Scope::EmptyDocument],
            path_names: vec![None],
            path_indices: vec![0],
        }
    }

    fn at(&self, i: usize) -> Option<u16> {
        self.buf.get(i).copied()
    }

    fn top(&mut self) -> &mut Scope {
        self.stack.last_mut().expect("stack never empty")
    }

    fn push(&mut self, scope: Scope) {
        self.stack.push(scope);
        self.path_names.push(None);
        self.path_indices.push(0);
    }

    fn pop(&mut self) {
        self.stack.pop();
        self.path_names.pop();
        self.path_indices.pop();
    }

    fn bump_index(&mut self) {
        *self.path_indices.last_mut().expect("stack never empty") += 1;
    }

    fn location(&self) -> String {
        let mut path = String::from("$");
        for (i, scope) in self.stack.iter().enumerate() {
            match scope {
                Scope::EmptyArray | Scope::NonemptyArray => {
                    path.push_str(&format!("[{}]", self.path_indices[i]))
                }
                Scope::EmptyObject | Scope::DanglingName | Scope::NonemptyObject => {
                    path.push('.');
                    if let Some(name) = &self.path_names[i] {
                        path.push_str(name);
                    }
                }
                Scope::EmptyDocument | Scope::NonemptyDocument => {}
            }
        }
        format!(
            " at line {} column {} path {path}",
            self.line_number + 1,
            self.pos - self.line_start + 1
        )
    }

    fn syntax_error(&self, message: &str) -> JsonError {
        JsonError::Malformed(format!("{message}{}", self.location()))
    }

    fn check_lenient(&self) -> Result<(), JsonError> {
        if self.lenient {
            Ok(())
        } else {
            Err(self.syntax_error("Use JsonReader.setLenient(true) to accept malformed JSON"))
        }
    }

    fn peek(&mut self) -> Result<Peeked, JsonError> {
        if self.peeked == Peeked::None {
            self.do_peek()
        } else {
            Ok(self.peeked)
        }
    }

    fn set(&mut self, p: Peeked) -> Result<Peeked, JsonError> {
        self.peeked = p;
        Ok(p)
    }

    fn do_peek(&mut self) -> Result<Peeked, JsonError> {
        let peek_stack = *self.top();
        match peek_stack {
            Scope::EmptyArray => *self.top() = Scope::NonemptyArray,
            Scope::NonemptyArray => match self.next_non_whitespace(true)? {
                c if c == b']' as i32 => return self.set(Peeked::EndArray),
                c if c == b';' as i32 => self.check_lenient()?,
                c if c == b',' as i32 => {}
                _ => return Err(self.syntax_error("Unterminated array")),
            },
            Scope::EmptyObject | Scope::NonemptyObject => {
                *self.top() = Scope::DanglingName;
                if peek_stack == Scope::NonemptyObject {
                    match self.next_non_whitespace(true)? {
                        c if c == b'}' as i32 => return self.set(Peeked::EndObject),
                        c if c == b';' as i32 => self.check_lenient()?,
                        c if c == b',' as i32 => {}
                        _ => return Err(self.syntax_error("Unterminated object")),
                    }
                }
                let c = self.next_non_whitespace(true)?;
                if c == b'"' as i32 {
                    return self.set(Peeked::DoubleQuotedName);
                } else if c == b'\'' as i32 {
                    self.check_lenient()?;
                    return self.set(Peeked::SingleQuotedName);
                } else if c == b'}' as i32 {
                    if peek_stack != Scope::NonemptyObject {
                        return self.set(Peeked::EndObject);
                    }
                    return Err(self.syntax_error("Expected name"));
                }
                self.check_lenient()?;
                self.pos -= 1;
                if self.is_literal(c as u16)? {
                    return self.set(Peeked::UnquotedName);
                }
                return Err(self.syntax_error("Expected name"));
            }
            Scope::DanglingName => {
                *self.top() = Scope::NonemptyObject;
                let c = self.next_non_whitespace(true)?;
                if c == b'=' as i32 {
                    self.check_lenient()?;
                    if self.at(self.pos) == Some(b'>' as u16) {
                        self.pos += 1;
                    }
                } else if c != b':' as i32 {
                    return Err(self.syntax_error("Expected ':'"));
                }
            }
            Scope::EmptyDocument => {
                if self.lenient {
                    self.consume_non_execute_prefix()?;
                }
                *self.top() = Scope::NonemptyDocument;
            }
            Scope::NonemptyDocument => {
                if self.next_non_whitespace(false)? == -1 {
                    return self.set(Peeked::Eof);
                }
                self.check_lenient()?;
                self.pos -= 1;
            }
        }
        let c = self.next_non_whitespace(true)?;
        let in_array = matches!(peek_stack, Scope::EmptyArray | Scope::NonemptyArray);
        match u8::try_from(c).unwrap_or(0) {
            b']' if peek_stack == Scope::EmptyArray => return self.set(Peeked::EndArray),
            b']' | b';' | b',' => {
                // In lenient mode, an empty slot in an array is null.
                if in_array {
                    self.check_lenient()?;
                    self.pos -= 1;
                    return self.set(Peeked::Null);
                }
                return Err(self.syntax_error("Unexpected value"));
            }
            b'\'' => {
                self.check_lenient()?;
                return self.set(Peeked::SingleQuoted);
            }
            b'"' => return self.set(Peeked::DoubleQuoted),
            b'[' => return self.set(Peeked::BeginArray),
            b'{' => return self.set(Peeked::BeginObject),
            _ => self.pos -= 1,
        }
        if let Some(p) = self.peek_keyword()? {
            return self.set(p);
        }
        if let Some(p) = self.peek_number()? {
            return self.set(p);
        }
        if !self.is_literal(self.buf[self.pos])? {
            return Err(self.syntax_error("Expected value"));
        }
        self.check_lenient()?;
        self.set(Peeked::Unquoted)
    }

    fn peek_keyword(&mut self) -> Result<Option<Peeked>, JsonError> {
        let (keyword, peeking): (&[u8], Peeked) = match self.buf[self.pos] {
            c if c == b't' as u16 || c == b'T' as u16 => (b"true", Peeked::True),
            c if c == b'f' as u16 || c == b'F' as u16 => (b"false", Peeked::False),
            c if c == b'n' as u16 || c == b'N' as u16 => (b"null", Peeked::Null),
            _ => return Ok(None),
        };
        for (i, &k) in keyword.iter().enumerate().skip(1) {
            match self.at(self.pos + i) {
                Some(c) if c == k as u16 || c == k.to_ascii_uppercase() as u16 => {}
                _ => return Ok(None),
            }
        }
        if let Some(c) = self.at(self.pos + keyword.len()) {
            if self.is_literal(c)? {
                return Ok(None); // Don't match trues, falsey or nullsoft!
            }
        }
        self.pos += keyword.len();
        Ok(Some(peeking))
    }

    fn peek_number(&mut self) -> Result<Option<Peeked>, JsonError> {
        #[derive(PartialEq)]
        enum Last {
            None,
            Sign,
            Digit,
            Decimal,
            FractionDigit,
            ExpE,
            ExpSign,
            ExpDigit,
        }
        const MIN_INCOMPLETE_INTEGER: i64 = i64::MIN / 10;
        let mut value: i64 = 0; // negative, to hold i64::MIN
        let mut negative = false;
        let mut fits_in_long = true;
        let mut last = Last::None;
        let mut i = 0;
        loop {
            if i == BUFFER_SIZE {
                return Ok(None); // too long for Gson's buffer: an unquoted literal
            }
            let Some(c) = self.at(self.pos + i) else {
                break;
            };
            match u8::try_from(c).unwrap_or(0) {
                b'-' if last == Last::None => {
                    negative = true;
                    last = Last::Sign;
                }
                b'-' | b'+' if last == Last::ExpE => last = Last::ExpSign,
                b'e' | b'E' if last == Last::Digit || last == Last::FractionDigit => {
                    last = Last::ExpE
                }
                b'.' if last == Last::Digit => last = Last::Decimal,
                b'-' | b'+' | b'e' | b'E' | b'.' => return Ok(None),
                d @ b'0'..=b'9' => {
                    let d = (d - b'0') as i64;
                    match last {
                        Last::Sign | Last::None => {
                            value = -d;
                            last = Last::Digit;
                        }
                        Last::Digit => {
                            if value == 0 {
                                return Ok(None); // a leading 0 could be octal
                            }
                            let new_value = value.wrapping_mul(10).wrapping_sub(d);
                            fits_in_long &= value > MIN_INCOMPLETE_INTEGER
                                || (value == MIN_INCOMPLETE_INTEGER && new_value < value);
                            value = new_value;
                        }
                        Last::Decimal => last = Last::FractionDigit,
                        Last::ExpE | Last::ExpSign => last = Last::ExpDigit,
                        Last::FractionDigit | Last::ExpDigit => {}
                    }
                }
                _ => {
                    if !self.is_literal(c)? {
                        break;
                    }
                    return Ok(None);
                }
            }
            i += 1;
        }
        if last == Last::Digit
            && fits_in_long
            && (value != i64::MIN || negative)
            && (value != 0 || !negative)
        {
            self.peeked_long = if negative { value } else { -value };
            self.pos += i;
            Ok(Some(Peeked::Long))
        } else if matches!(last, Last::Digit | Last::FractionDigit | Last::ExpDigit) {
            self.peeked_number_length = i;
            Ok(Some(Peeked::Number))
        } else {
            Ok(None)
        }
    }

    fn is_literal(&self, c: u16) -> Result<bool, JsonError> {
        match u8::try_from(c).unwrap_or(0) {
            b'/' | b'\\' | b';' | b'#' | b'=' => {
                self.check_lenient()?;
                Ok(false)
            }
            b'{' | b'}' | b'[' | b']' | b':' | b',' | b' ' | b'\t' | 0x0C | b'\r' | b'\n' => {
                Ok(false)
            }
            _ => Ok(true),
        }
    }

    /// The next character that is neither whitespace nor in a comment, consumed; -1 at the
    /// end (or an `End of input` error when `throw_on_eof`).
    fn next_non_whitespace(&mut self, throw_on_eof: bool) -> Result<i32, JsonError> {
        while let Some(c) = self.at(self.pos) {
            self.pos += 1;
            if c == b'\n' as u16 {
                self.line_number += 1;
                self.line_start = self.pos;
                continue;
            } else if is_ws(c) {
                continue;
            }
            if c == b'/' as u16 {
                if self.pos == self.buf.len() {
                    return Ok(c as i32);
                }
                self.check_lenient()?;
                match self.buf[self.pos] {
                    p if p == b'*' as u16 => {
                        self.pos += 1;
                        if !self.skip_to_comment_end() {
                            return Err(self.syntax_error("Unterminated comment"));
                        }
                        self.pos += 2;
                        continue;
                    }
                    p if p == b'/' as u16 => {
                        self.pos += 1;
                        self.skip_to_end_of_line();
                        continue;
                    }
                    _ => return Ok(c as i32),
                }
            } else if c == b'#' as u16 {
                self.check_lenient()?;
                self.skip_to_end_of_line();
                continue;
            }
            return Ok(c as i32);
        }
        if throw_on_eof {
            Err(JsonError::Eof(format!("End of input{}", self.location())))
        } else {
            Ok(-1)
        }
    }

    fn skip_to_end_of_line(&mut self) {
        while let Some(c) = self.at(self.pos) {
            self.pos += 1;
            if c == b'\n' as u16 {
                self.line_number += 1;
                self.line_start = self.pos;
                break;
            } else if c == b'\r' as u16 {
                break;
            }
        }
    }

    /// Gson's `skipTo("*/")`: leaves `pos` at the `*`.
    fn skip_to_comment_end(&mut self) -> bool {
        while self.pos + 2 <= self.buf.len() {
            if self.buf[self.pos] == b'\n' as u16 {
                self.line_number += 1;
                self.line_start = self.pos + 1;
            } else if self.buf[self.pos] == b'*' as u16 && self.buf[self.pos + 1] == b'/' as u16 {
                return true;
            }
            self.pos += 1;
        }
        false
    }

    fn consume_non_execute_prefix(&mut self) -> Result<(), JsonError> {
        self.next_non_whitespace(true)?;
        self.pos -= 1;
        let prefix: Vec<u16> = ")]}'\n".encode_utf16().collect();
        if self.buf[self.pos..].starts_with(&prefix) {
            self.pos += prefix.len();
        }
        Ok(())
    }

    fn next_quoted_value(&mut self, quote: u16) -> Result<String, JsonError> {
        let mut units = Vec::new();
        while let Some(c) = self.at(self.pos) {
            self.pos += 1;
            if c == quote {
                return Ok(from_utf16(&units));
            } else if c == b'\\' as u16 {
                units.push(self.read_escape_character()?);
            } else {
                if c == b'\n' as u16 {
                    self.line_number += 1;
                    self.line_start = self.pos;
                }
                units.push(c);
            }
        }
        Err(self.syntax_error("Unterminated string"))
    }

    fn read_escape_character(&mut self) -> Result<u16, JsonError> {
        let Some(escaped) = self.at(self.pos) else {
            return Err(self.syntax_error("Unterminated escape sequence"));
        };
        self.pos += 1;
        Ok(match u8::try_from(escaped).unwrap_or(0) {
            b'u' => {
                if self.pos + 4 > self.buf.len() {
                    return Err(self.syntax_error("Unterminated escape sequence"));
                }
                let hex = &self.buf[self.pos..self.pos + 4];
                let mut result: u16 = 0;
                for &h in hex {
                    let digit = char::from_u32(h as u32)
                        .and_then(|c| c.to_digit(16))
                        .filter(|_| h < 0x80);
                    match digit {
                        Some(d) => result = (result << 4) + d as u16,
                        None => {
                            return Err(JsonError::NumberFormat(format!("\\u{}", from_utf16(hex))))
                        }
                    }
                }
                self.pos += 4;
                result
            }
            b't' => b'\t' as u16,
            b'b' => 0x08,
            b'n' => b'\n' as u16,
            b'r' => b'\r' as u16,
            b'f' => 0x0C,
            b'\n' => {
                self.line_number += 1;
                self.line_start = self.pos;
                escaped
            }
            b'\'' | b'"' | b'\\' | b'/' => escaped,
            _ => return Err(self.syntax_error("Invalid escape sequence")),
        })
    }

    fn next_unquoted_value(&mut self) -> Result<String, JsonError> {
        let start = self.pos;
        while let Some(c) = self.at(self.pos) {
            if !self.is_literal(c)? {
                break;
            }
            self.pos += 1;
        }
        Ok(from_utf16(&self.buf[start..self.pos]))
    }

    fn next_name(&mut self) -> Result<String, JsonError> {
        let name = match self.peek()? {
            Peeked::UnquotedName => self.next_unquoted_value()?,
            Peeked::SingleQuotedName => self.next_quoted_value(b'\'' as u16)?,
            Peeked::DoubleQuotedName => self.next_quoted_value(b'"' as u16)?,
            other => unreachable!("a name was announced, not {other:?}"),
        };
        self.peeked = Peeked::None;
        *self.path_names.last_mut().expect("stack never empty") = Some(name.clone());
        Ok(name)
    }

    /// Gson's `TypeAdapters.JSON_ELEMENT.read`.
    fn read(&mut self) -> Result<Json, JsonError> {
        let p = self.peek()?;
        self.peeked = Peeked::None;
        let value = match p {
            Peeked::BeginArray | Peeked::BeginObject if self.stack.len() > MAX_NESTING => {
                return Err(self.syntax_error(&format!("Nesting limit {MAX_NESTING} reached")));
            }
            Peeked::BeginArray => {
                self.push(Scope::EmptyArray);
                let mut items = Vec::new();
                while !matches!(self.peek()?, Peeked::EndArray | Peeked::EndObject) {
                    items.push(self.read()?);
                }
                self.peeked = Peeked::None;
                self.pop();
                Json::Array(items)
            }
            Peeked::BeginObject => {
                self.push(Scope::EmptyObject);
                let mut members = IndexMap::new();
                while !matches!(self.peek()?, Peeked::EndArray | Peeked::EndObject) {
                    let name = self.next_name()?;
                    let v = self.read()?;
                    members.insert(name, v);
                }
                self.peeked = Peeked::None;
                self.pop();
                Json::Object(members)
            }
            Peeked::True => Json::Bool(true),
            Peeked::False => Json::Bool(false),
            Peeked::Null => Json::Null,
            Peeked::SingleQuoted => Json::Str(self.next_quoted_value(b'\'' as u16)?),
            Peeked::DoubleQuoted => Json::Str(self.next_quoted_value(b'"' as u16)?),
            Peeked::Unquoted => Json::Str(self.next_unquoted_value()?),
            Peeked::Long => Json::Number(self.peeked_long.to_string()),
            Peeked::Number => {
                let end = self.pos + self.peeked_number_length;
                let text = from_utf16(&self.buf[self.pos..end]);
                self.pos = end;
                Json::Number(text)
            }
            other => unreachable!("a value was announced, not {other:?}"),
        };
        self.bump_index();
        Ok(value)
    }
}

/// UTF-16 code units as a Rust string (lone surrogates become sentinels).
fn from_utf16(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or_else(|e| lone_surrogate(e.unpaired_surrogate())))
        .collect()
}
