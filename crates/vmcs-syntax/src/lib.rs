//! Pan syntax: the logos lexer, the lalrpop grammar, the AST and parse diagnostics.
//!
//! Architecture Invariant: `parse()` is the one door to the parser. It never panics and never
//! performs IO; every error it reports carries a span.
//!
//! Code map: `lexer` (logos, plus panc's template-name and heredoc states) turns the text into
//! tokens, `literals` decodes numbers and strings, `annotation` checks `@name{...}`;
//! `grammar.lalrpop` (helpers in `actions`) builds the tree; `parser` drives it, recovers after
//! a syntax error to report the next ones, and `errors` words the messages and hints.
//! Errors come sorted by position: the first one is the one panc reports.

mod actions;
mod annotation;
pub mod ast;
mod errors;
mod lexer;
mod literals;
mod parser;
pub mod span;

pub use ast::*;
pub use span::{LineIndex, Span};

/// How panc classes an error found while reading a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorClass {
    /// `org.quattor.pan.parser.ParseException`: the text is not Pan.
    Parse,
    /// `SyntaxException`: well-formed, but rejected by a check at parse time
    /// (bad path, bad range, a constant expression that fails, ...).
    Syntax,
    /// panc's `system error` (e.g. a long literal beyond 64 bits).
    System,
}

/// One problem found by `parse()`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub class: ErrorClass,
    pub message: String,
    pub span: Span,
    /// A suggestion shown as the diagnostic's help, where we know one.
    pub hint: Option<String>,
}

/// The result of parsing one file: a tree when the file could be parsed far enough to
/// build one, and every error found (empty on success).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub template: Option<Template>,
    pub errors: Vec<ParseError>,
}

/// Parse one Pan source file.
pub fn parse(source: &str) -> Parsed {
    parser::parse(source)
}
