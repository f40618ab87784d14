//! The Pan lexer: logos for ordinary tokens, plus the two lexical states panc has and logos
//! cannot express (the template name after `template`, heredoc bodies after a newline).
//!
//! The whole file is lexed up front into a token vector: heredoc tokens get their text only
//! once the lines below them have been read. Comments are skipped; annotations are collected
//! aside; text that matches no token becomes one `Tok::Error` per character, as in panc.

use crate::annotation;
use crate::ast::Annotation;
use crate::literals;
use crate::{ErrorClass, ParseError, Span};
use logos::Logos;
use std::borrow::Cow;
use std::collections::VecDeque;

/// The tokens logos recognises directly.
#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip r"#[^\n\r]*")]
enum Raw {
    #[regex(r"\r\n|\n|\r")]
    Newline,
    #[regex(r"@[ \t\x0C\r\n]*[a-zA-Z_0-9.\-]*[ \t\x0C\r\n]*(\([^)]*\)|\[[^\]]*\]|\{[^}]*\})")]
    Annotation,
    #[regex("[A-Za-z_][A-Za-z0-9_]*")]
    Ident,
    #[token("undef")]
    Undef,
    #[token("null")]
    Null,
    #[token("true")]
    True,
    #[token("false")]
    False,
    #[token("if")]
    If,
    #[token("for")]
    For,
    #[token("with")]
    With,
    #[token("else")]
    Else,
    #[token("type")]
    Type,
    #[token("bind")]
    Bind,
    #[token("while")]
    While,
    #[token("valid")]
    Valid,
    #[token("final")]
    Final,
    #[token("prefix")]
    Prefix,
    #[token("unique")]
    Unique,
    #[token("object")]
    Object,
    #[token("foreach")]
    Foreach,
    #[token("include")]
    Include,
    #[token("template")]
    Template,
    #[token("function")]
    Function,
    #[token("variable")]
    Variable,
    #[token("structure")]
    Structure,
    #[token("extensible")]
    Extensible,
    #[token("declaration")]
    Declaration,
    /// Numbers, strings: logos finds where they start, `literals` where they end.
    #[regex("[0-9]", number)]
    Long,
    Double,
    #[token("'", |lex| bump(lex, literals::scan_single_quoted))]
    SqStr,
    #[token("\"", |lex| bump(lex, literals::scan_double_quoted))]
    DqStr,
    #[regex("<<[A-Za-z_][A-Za-z0-9_]*")]
    Heredoc,
    /// `<<` without a marker: a token of panc's that no rule accepts.
    #[token("<<")]
    HdMarker,
    #[token(";")]
    Semi,
    #[token(",")]
    Comma,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("=")]
    Assign,
    #[token("?=")]
    AssignDefault,
    #[token("?")]
    Question,
    #[token(":")]
    Colon,
    #[token("..")]
    DotDot,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("%")]
    Percent,
    #[token("!")]
    Not,
    #[token("~")]
    BitNot,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("==")]
    EqEq,
    #[token("!=")]
    Ne,
    #[token("&&")]
    AndAnd,
    #[token("||")]
    OrOr,
    #[token("&")]
    BitAnd,
    #[token("|")]
    BitOr,
    #[token("^")]
    BitXor,
}

fn number(lex: &mut logos::Lexer<'_, Raw>) -> Raw {
    let start = lex.span().start;
    let (len, is_double) = literals::scan_number(&lex.source().as_bytes()[start..]);
    lex.bump(len - 1);
    if is_double {
        Raw::Double
    } else {
        Raw::Long
    }
}

/// Extend a one-character token to the length `scan` finds; no length means no token.
fn bump(lex: &mut logos::Lexer<'_, Raw>, scan: fn(&[u8]) -> Option<usize>) -> bool {
    match scan(&lex.source().as_bytes()[lex.span().start..]) {
        Some(len) => {
            lex.bump(len - 1);
            true
        }
        None => false,
    }
}

/// A token as the grammar sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok<'a> {
    Semi,
    Comma,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Assign,
    AssignDefault,
    Question,
    Colon,
    DotDot,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Not,
    BitNot,
    Lt,
    Gt,
    Le,
    Ge,
    EqEq,
    Ne,
    AndAnd,
    OrOr,
    BitAnd,
    BitOr,
    BitXor,
    Undef,
    Null,
    True,
    False,
    If,
    For,
    With,
    Else,
    Type,
    Bind,
    While,
    Valid,
    Final,
    Prefix,
    Unique,
    Object,
    Foreach,
    Include,
    Template,
    Function,
    Variable,
    Structure,
    Extensible,
    Declaration,
    Ident(&'a str),
    /// A template name, right after `template`.
    NsIdent(&'a str),
    Long(i64),
    Double(f64),
    /// A single- or double-quoted string, unescaped.
    Str(Cow<'a, str>),
    Heredoc(Cow<'a, str>),
    /// Text that starts no token (panc's `ERROR` token); no rule accepts it.
    Error(&'a str),
}

pub type Spanned<'a> = (usize, Tok<'a>, usize);

/// Everything the lexer found in one file.
#[derive(Debug, Default)]
pub struct Lexed<'a> {
    pub tokens: Vec<Spanned<'a>>,
    pub annotations: Vec<Annotation>,
    /// Errors found while lexing, each with the offset it sorts at among parse errors.
    pub errors: Vec<(usize, ParseError)>,
}

/// Lex a whole file.
pub fn lex(src: &str) -> Lexed<'_> {
    let mut st = State {
        src,
        lex: Raw::lexer(src),
        out: Lexed { tokens: Vec::with_capacity(src.len() / 5), ..Lexed::default() },
        markers: VecDeque::new(),
        waiting: VecDeque::new(),
        namespace: false,
    };
    loop {
        if st.namespace && st.template_name() {
            continue;
        }
        match st.lex.next() {
            None => break,
            Some(Ok(raw)) => st.token(raw),
            Some(Err(())) => st.error(),
        }
    }
    if let (Some(&first), Some(marker)) = (st.waiting.front(), st.markers.front()) {
        let (start, _, end) = st.out.tokens[first];
        let mut e =
            parse_error(&format!("end of file while reading heredoc `<<{marker}`"), start, end);
        e.hint = Some(format!(
            "the heredoc ends at a line holding only `{marker}`, with no blanks around it"
        ));
        st.out.errors.push((src.len(), e));
    }
    st.out
}

struct State<'a> {
    src: &'a str,
    lex: logos::Lexer<'a, Raw>,
    out: Lexed<'a>,
    /// Heredoc markers whose body has not been read yet, in order.
    markers: VecDeque<&'a str>,
    /// Indexes of the heredoc tokens waiting for their text, in the same order.
    waiting: VecDeque<usize>,
    /// The previous token was `template`: the next word is a template name.
    namespace: bool,
}

impl<'a> State<'a> {
    fn push(&mut self, tok: Tok<'a>) {
        let span = self.lex.span();
        self.out.tokens.push((span.start, tok, span.end));
    }

    fn token(&mut self, raw: Raw) {
        let text = self.lex.slice();
        let span = self.lex.span();
        if !matches!(raw, Raw::Newline | Raw::Annotation) {
            self.namespace = false;
        }
        let tok = match raw {
            Raw::Newline => {
                if !self.markers.is_empty() {
                    self.heredoc_bodies();
                }
                return;
            }
            Raw::Annotation => {
                let (name, body) = annotation::split(text);
                if let Err(msg) = annotation::check(name, body) {
                    self.out.errors.push((span.start, parse_error(&msg, span.start, span.end)));
                }
                let span = Span::new(span.start, span.end);
                self.out.annotations.push(Annotation {
                    name: name.into(),
                    body: body.into(),
                    span,
                });
                return;
            }
            Raw::Ident => Tok::Ident(text),
            Raw::Undef => Tok::Undef,
            Raw::Null => Tok::Null,
            Raw::True => Tok::True,
            Raw::False => Tok::False,
            Raw::If => Tok::If,
            Raw::For => Tok::For,
            Raw::With => Tok::With,
            Raw::Else => Tok::Else,
            Raw::Type => Tok::Type,
            Raw::Bind => Tok::Bind,
            Raw::While => Tok::While,
            Raw::Valid => Tok::Valid,
            Raw::Final => Tok::Final,
            Raw::Prefix => Tok::Prefix,
            Raw::Unique => Tok::Unique,
            Raw::Object => Tok::Object,
            Raw::Foreach => Tok::Foreach,
            Raw::Include => Tok::Include,
            Raw::Template => Tok::Template,
            Raw::Function => Tok::Function,
            Raw::Variable => Tok::Variable,
            Raw::Structure => Tok::Structure,
            Raw::Extensible => Tok::Extensible,
            Raw::Declaration => Tok::Declaration,
            Raw::Long => Tok::Long(literals::long(text).unwrap_or_else(|| {
                let e = ParseError {
                    class: ErrorClass::System,
                    message: format!("long literal `{text}` does not fit in 64 bits"),
                    span: Span::new(span.start, span.end),
                    hint: Some(
                        "longs range from -9223372036854775807 - 1 to 9223372036854775807".into(),
                    ),
                };
                self.out.errors.push((span.start, e));
                0
            })),
            Raw::Double => Tok::Double(literals::double(text)),
            Raw::SqStr => Tok::Str(literals::single_quoted(text)),
            Raw::DqStr => Tok::Str(literals::double_quoted(text).unwrap_or_else(|msg| {
                self.out.errors.push((span.start, parse_error(&msg, span.start, span.end)));
                Cow::Borrowed(&text[1..text.len() - 1])
            })),
            Raw::Heredoc => {
                self.markers.push_back(&text[2..]);
                self.waiting.push_back(self.out.tokens.len());
                Tok::Heredoc(Cow::Borrowed(""))
            }
            Raw::HdMarker => Tok::Error(text),
            Raw::Semi => Tok::Semi,
            Raw::Comma => Tok::Comma,
            Raw::LParen => Tok::LParen,
            Raw::RParen => Tok::RParen,
            Raw::LBracket => Tok::LBracket,
            Raw::RBracket => Tok::RBracket,
            Raw::LBrace => Tok::LBrace,
            Raw::RBrace => Tok::RBrace,
            Raw::Assign => Tok::Assign,
            Raw::AssignDefault => Tok::AssignDefault,
            Raw::Question => Tok::Question,
            Raw::Colon => Tok::Colon,
            Raw::DotDot => Tok::DotDot,
            Raw::Plus => Tok::Plus,
            Raw::Minus => Tok::Minus,
            Raw::Star => Tok::Star,
            Raw::Slash => Tok::Slash,
            Raw::Percent => Tok::Percent,
            Raw::Not => Tok::Not,
            Raw::BitNot => Tok::BitNot,
            Raw::Lt => Tok::Lt,
            Raw::Gt => Tok::Gt,
            Raw::Le => Tok::Le,
            Raw::Ge => Tok::Ge,
            Raw::EqEq => Tok::EqEq,
            Raw::Ne => Tok::Ne,
            Raw::AndAnd => Tok::AndAnd,
            Raw::OrOr => Tok::OrOr,
            Raw::BitAnd => Tok::BitAnd,
            Raw::BitOr => Tok::BitOr,
            Raw::BitXor => Tok::BitXor,
        };
        if tok == Tok::Template {
            self.namespace = true;
        }
        self.push(tok);
    }

    /// Text logos cannot lex: panc's `ERROR` token is one character, lexing resumes after it.
    fn error(&mut self) {
        let start = self.lex.span().start;
        let len = self.src[start..].chars().next().map_or(1, char::len_utf8);
        let end = start + len;
        self.namespace = false;
        self.out.tokens.push((start, Tok::Error(&self.src[start..end]), end));
        if self.lex.span().end != end {
            self.lex = Raw::lexer(self.src);
            self.lex.bump(end);
        }
    }

    /// After `template`: read a template name (`[A-Za-z0-9_+./-]+`) if one comes next.
    /// Returns whether it did; blanks, comments, newlines and annotations may come first.
    fn template_name(&mut self) -> bool {
        let pos = self.lex.span().end;
        let rest = &self.src.as_bytes()[pos..];
        let blanks = rest.iter().take_while(|b| matches!(b, b' ' | b'\t' | 0x0c)).count();
        let len = rest[blanks..]
            .iter()
            .take_while(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'.' | b'/' | b'-')
            })
            .count();
        if len == 0 {
            return false;
        }
        let start = pos + blanks;
        self.lex.bump(blanks + len);
        self.out.tokens.push((start, Tok::NsIdent(&self.src[start..start + len]), start + len));
        self.namespace = false;
        true
    }

    /// After a newline with heredoc markers pending: read the lines below as heredoc text,
    /// each body ending at a line equal to its marker. Line ends are kept (CR too).
    fn heredoc_bodies(&mut self) {
        let bytes = self.src.as_bytes();
        let start = self.lex.span().end;
        let mut pos = start;
        let mut text = String::new();
        let mut terminator = false;
        while pos < bytes.len() {
            if matches!(bytes[pos], b'\n' | b'\r') {
                let len =
                    if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') { 2 } else { 1 };
                if !terminator {
                    text.push_str(&self.src[pos..pos + len]);
                }
                terminator = false;
                pos += len;
                if self.markers.is_empty() {
                    break;
                }
            } else {
                let len = bytes[pos..].iter().position(|b| matches!(b, b'\n' | b'\r'));
                let end = pos + len.unwrap_or(bytes.len() - pos);
                let line = &self.src[pos..end];
                if self.markers.front() == Some(&line) {
                    terminator = true;
                    self.markers.pop_front();
                    if let Some(i) = self.waiting.pop_front() {
                        self.out.tokens[i].1 = Tok::Heredoc(Cow::Owned(std::mem::take(&mut text)));
                    }
                } else {
                    terminator = false;
                    text.push_str(line);
                }
                pos = end;
            }
        }
        self.lex.bump(pos - start);
    }
}

fn parse_error(message: &str, start: usize, end: usize) -> ParseError {
    ParseError {
        class: ErrorClass::Parse,
        message: message.into(),
        span: Span::new(start, end),
        hint: None,
    }
}
