//! Syntax error messages: what was found, a short readable list of what was expected, and a
//! hint for the mistakes people make most (missing `;`, `!!x`, list or dict literals, ...).

use crate::lexer::{Spanned, Tok};
use crate::{ErrorClass, ParseError, Span};

/// The token the grammar stopped at, with the token before it.
pub enum Found<'t, 'a> {
    Token(&'t Spanned<'a>, Option<&'t Spanned<'a>>),
    /// End of file at this offset.
    Eof(usize, Option<&'t Spanned<'a>>),
}

/// Tokens that can start a DML expression (`;` too: panc's "empty DML statement").
const DML_START: &[&str] = &[
    "IDENT", "LONG", "DOUBLE", "STRING", "HEREDOC", "undef", "null", "true", "false", "(", "{",
    "+", "-", "!", "~", "if", "while", "for", "foreach", ";",
];

const BINARY_OPS: &[&str] =
    &["||", "&&", "|", "^", "&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"];

/// Punctuation that usually is what is missing, listed first.
const FIRST: &[&str] = &[";", ")", "]", "}", ",", "=", "?=", "..", ":", "?", "template"];

/// Tokens that can start an operand of a binary operator.
const OPERAND_START: &[&str] = &[
    "IDENT", "LONG", "DOUBLE", "STRING", "HEREDOC", "undef", "null", "true", "false", "(", "+",
    "-", "!", "~",
];

/// Tokens that can start a statement.
const STATEMENT_START: &[&str] =
    &[";", "include", "prefix", "valid", "bind", "final", "STRING", "variable", "type", "function"];

/// Build the error for an unexpected token.
pub fn syntax_error(src: &str, found: Found<'_, '_>, expected: &[String]) -> ParseError {
    let expected: Vec<&str> = expected.iter().map(|e| unquote(e)).collect();
    let (span, shown, tok, prev) = match found {
        Found::Token(t, prev) => (Span::new(t.0, t.2), show(&src[t.0..t.2]), Some(&t.1), prev),
        Found::Eof(at, prev) => (Span::new(at, at), "end of file".to_string(), None, prev),
    };
    let mut message = format!("encountered {shown}");
    let wanted = describe(&expected);
    if !wanted.is_empty() {
        message.push_str(", expected ");
        message.push_str(&wanted);
    }
    let context = Context { tok, prev, expected: &expected, src, at: span };
    ParseError { class: ErrorClass::Parse, message, span, hint: context.hint() }
}

fn unquote(s: &str) -> &str {
    s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(s)
}

/// How a token is shown in a message: its source text, shortened, in backticks.
fn show(text: &str) -> String {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_control() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{a0}') {
            return format!("character U+{:04X}", c as u32);
        }
    }
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() > 40 || line.len() < text.len() {
        let short: String = line.chars().take(40).collect();
        format!("`{short}...`")
    } else {
        format!("`{text}`")
    }
}

/// "one of `;`, `)` or an operator": a short readable description of the expected tokens.
fn describe(expected: &[&str]) -> String {
    let has = |t: &str| expected.contains(&t);
    // Sets of tokens worth one word each, and the tokens they stand for.
    let groups: [(bool, &[&str], &str); 5] = [
        (has("IDENT") && has("LONG") && has("if"), DML_START, "an expression"),
        (has("IDENT") && has("LONG") && has("(") && !has("if"), OPERAND_START, "an operand"),
        (has("bind") && has("variable"), STATEMENT_START, "a statement"),
        (
            has("IDENT") && has("extensible") && !has("LONG"),
            &["IDENT", "extensible", "{"],
            "a type",
        ),
        (BINARY_OPS.iter().filter(|t| has(t)).count() >= 8, BINARY_OPS, "an operator"),
    ];
    let mut items: Vec<(usize, String)> = Vec::new();
    for &t in expected {
        if groups.iter().any(|(on, members, _)| *on && members.contains(&t)) {
            continue;
        }
        let rank = FIRST.iter().position(|f| *f == t).unwrap_or(FIRST.len());
        items.push((rank, name(t)));
    }
    items.sort_by_key(|(rank, _)| *rank);
    let mut names: Vec<String> = items.into_iter().map(|(_, n)| n).collect();
    names.extend(groups.iter().filter(|g| g.0).map(|g| g.2.to_string()));
    if names.len() > 6 {
        let more = names.len() - 5;
        names.truncate(5);
        names.push(format!("{more} more"));
    }
    match names.len() {
        0 => String::new(),
        1 => names.remove(0),
        n => format!("one of {} or {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

fn name(terminal: &str) -> String {
    match terminal {
        "IDENT" => "an identifier".into(),
        "LONG" => "a long literal".into(),
        "DOUBLE" => "a double literal".into(),
        "STRING" => "a string".into(),
        "HEREDOC" => "a heredoc".into(),
        "TEMPLATE_NAME" => "a template name".into(),
        t => format!("`{t}`"),
    }
}

fn is_unary(t: &Tok<'_>) -> bool {
    matches!(t, Tok::Not | Tok::Minus | Tok::Plus | Tok::BitNot)
}

fn is_statement_keyword(t: &Tok<'_>) -> bool {
    matches!(
        t,
        Tok::Include
            | Tok::Prefix
            | Tok::Valid
            | Tok::Bind
            | Tok::Final
            | Tok::Variable
            | Tok::Type
            | Tok::Function
    )
}

/// What a hint is chosen from.
struct Context<'c, 't, 'a> {
    tok: Option<&'c Tok<'a>>,
    prev: Option<&'t Spanned<'a>>,
    expected: &'c [&'c str],
    src: &'c str,
    at: Span,
}

impl Context<'_, '_, '_> {
    fn has(&self, t: &str) -> bool {
        self.expected.contains(&t)
    }

    /// A suggestion for the common mistakes.
    fn hint(&self) -> Option<String> {
        let text = &self.src[self.at.range()];
        let prev = self.prev.map(|p| &p.1);
        let prev_text = self.prev.map_or("", |p| &self.src[p.0..p.2]);
        let expression = self.has("if");
        let h = match (self.tok, prev) {
            (Some(Tok::Error("\u{feff}")), None) => "remove the byte order mark (U+FEFF) at the start of the file",
            (Some(Tok::Error("'" | "\"")), _) => {
                "unterminated string: a quoted string ends on the line it starts; use a heredoc (`<<EOT`) for several lines"
            }
            (Some(Tok::Error(".")), _) => "a double needs digits on both sides of the point: `0.5`, `1.0`",
            (Some(Tok::Error("<<")), _) => "a heredoc starts with `<<` directly followed by its end marker: `<<EOT`",
            (Some(Tok::Error("@")), _) => {
                "an annotation is `@name{...}`, `@name(...)` or `@name[...]`, closed by the first matching bracket"
            }
            (Some(t), Some(p)) if is_unary(t) && is_unary(p) && !self.has("~") => {
                "unary operators apply to a single operand; use parentheses, as in `!(!x)` or `-(-1)`"
            }
            (Some(Tok::LBracket), Some(Tok::RParen)) => {
                "only variables take subscripts; assign the result to a local variable first: `x = f(); x[0]`"
            }
            (Some(Tok::LBracket), _) if expression => "there is no list literal in Pan; use `list(1, 2)`",
            (Some(Tok::RBrace), Some(Tok::LBrace)) if expression => "a DML block needs at least one statement",
            (Some(Tok::Colon), Some(Tok::Str(_))) if self.has(";") => {
                "there is no dict literal in Pan; use `dict('key', value)`"
            }
            (Some(t), _) if expression && is_statement_keyword(t) => {
                return Some(format!("`{text}` starts a statement; statements cannot appear inside DML"));
            }
            (Some(Tok::Ident(_)), _) if self.has("}") && self.has("include") => {
                "record field names are quoted: `'name' : type` (required) or `'name' ? type` (optional)"
            }
            (Some(Tok::Semi), _) if self.has("}") && self.has("include") => "record fields are not separated by `;`",
            (Some(Tok::Double(_)), _) if self.has("LONG") && !self.has("DOUBLE") => "range bounds are long literals",
            (_, None) if self.has("template") => {
                "a template starts with its header: `[object|structure|unique|declaration] template NAME;`"
            }
            (Some(t), _) if self.has("IDENT") && !self.has("LONG") && is_keyword(text, t) => {
                return Some(format!("`{text}` is a reserved word and cannot be used as a name"));
            }
            (Some(t), Some(Tok::If | Tok::While | Tok::For | Tok::Foreach)) if *t != Tok::LParen => {
                return Some(format!("`{prev_text}` is a reserved word and cannot be used as a name"));
            }
            (Some(Tok::Long(_) | Tok::Double(_)), Some(Tok::Long(_))) if prev_text.starts_with('0') => {
                "a number starting with `0` is octal: only the digits 0 to 7 may follow"
            }
            (Some(Tok::Ident(_)), Some(Tok::Long(_) | Tok::Double(_))) => {
                "a long literal is decimal (`12`), hexadecimal (`0x1F`) or octal (`017`), with no suffix or separator"
            }
            (Some(_), Some(Tok::Str(_))) if prev_text.starts_with('"') && prev_text[1..].contains("\\\\\"") => {
                "inside double quotes, `\\\\\"` followed by another `\"` on the same line reads as a backslash and an escaped quote; write a final backslash as `\\x5c`"
            }
            _ if self.has(";") && !expression && self.missing_semicolon() => "statements end with `;`: is one missing?",
            _ => return None,
        };
        Some(h.to_string())
    }

    /// Does the unexpected token look like the start of the next statement?
    fn missing_semicolon(&self) -> bool {
        let new_line =
            self.prev.is_some_and(|p| self.src[p.2..self.at.start as usize].contains('\n'));
        let starts_statement =
            matches!(self.tok, Some(t) if is_statement_keyword(t) || matches!(t, Tok::Str(_)));
        self.tok.is_none() || new_line || starts_statement
    }
}

fn is_keyword(text: &str, tok: &Tok<'_>) -> bool {
    !matches!(tok, Tok::Ident(_))
        && !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_lowercase())
}
