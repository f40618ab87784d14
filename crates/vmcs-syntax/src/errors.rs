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
    "IDENT", "LONG", "DOUBLE", "STRING", "HEREDOC", "undef", "null", "true", "false", "(", "{", "+",
    "-", "!", "~", "if", "while", "for", "foreach", ";",
];

const BINARY_OPS: &[&str] =
    &["||", "&&", "|", "^", "&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"];

/// Punctuation that usually is what is missing, listed first.
const FIRST: &[&str] = &[";", ")", "]", "}", ",", "=", "?=", "..", ":", "?", "template"];

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
    let hint = hint(tok, prev.map(|p| &p.1), &expected, src, span);
    ParseError { class: ErrorClass::Parse, message, span, hint }
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
    let expression = has("IDENT") && has("LONG") && has("if");
    let operators = BINARY_OPS.iter().filter(|t| has(t)).count() >= 8;
    let type_start = has("IDENT") && has("extensible") && !has("LONG");
    let mut items: Vec<(usize, String)> = Vec::new();
    for &t in expected {
        if (expression && DML_START.contains(&t))
            || (operators && BINARY_OPS.contains(&t))
            || (type_start && matches!(t, "IDENT" | "extensible" | "{"))
        {
            continue;
        }
        let rank = FIRST.iter().position(|f| *f == t).unwrap_or(FIRST.len());
        items.push((rank, name(t)));
    }
    items.sort_by_key(|(rank, _)| *rank);
    let mut names: Vec<String> = items.into_iter().map(|(_, n)| n).collect();
    if type_start {
        names.push("a type".into());
    }
    if expression {
        names.push("an expression".into());
    }
    if operators {
        names.push("an operator".into());
    }
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

/// A suggestion for the common mistakes.
fn hint(tok: Option<&Tok<'_>>, prev: Option<&Tok<'_>>, expected: &[&str], src: &str, at: Span) -> Option<String> {
    let has = |t: &str| expected.contains(&t);
    let text = &src[at.range()];
    let h = match (tok, prev) {
        (Some(Tok::Error("\u{feff}")), None) => "remove the byte order mark (U+FEFF) at the start of the file",
        (Some(Tok::Error("'" | "\"")), _) => {
            "unterminated string: a quoted string ends on the line it starts; use a heredoc (`<<EOT`) for several lines"
        }
        (Some(Tok::Error(".")), _) => "a double needs digits on both sides of the point: `0.5`, `1.0`",
        (Some(Tok::Error("<<")), _) => "a heredoc starts with `<<` directly followed by its end marker: `<<EOT`",
        (Some(Tok::Error("@")), _) => {
            "an annotation is `@name{...}`, `@name(...)` or `@name[...]`, closed by the first matching bracket"
        }
        (Some(t), Some(p)) if is_unary(t) && is_unary(p) && !has("LONG") => {
            "unary operators apply to a single operand; use parentheses, as in `!(!x)` or `-(-1)`"
        }
        (Some(Tok::LBracket), Some(Tok::RParen)) => {
            "only variables take subscripts; assign the result to a local variable first: `x = f(); x[0]`"
        }
        (Some(Tok::LBracket), _) if has("LONG") => "there is no list literal in Pan; use `list(1, 2)`",
        (Some(Tok::Colon), Some(Tok::Str(_))) if has(";") => {
            "there is no dict literal in Pan; use `dict('key', value)`"
        }
        (Some(Tok::Ident(_)), _) if has("}") && has("include") => {
            "record field names are quoted: `'name' : type` (required) or `'name' ? type` (optional)"
        }
        (Some(Tok::Semi), _) if has("}") && has("include") => "record fields are not separated by `;`",
        (Some(Tok::Double(_)), _) if has("LONG") && !has("DOUBLE") => "range bounds are long literals",
        (Some(_), None) | (None, None) if has("template") => {
            "a template starts with its header: `[object|structure|unique|declaration] template NAME;`"
        }
        (Some(t), _) if has("IDENT") && !has("LONG") && is_keyword(text, t) => {
            return Some(format!("`{text}` is a reserved word and cannot be used as a name"));
        }
        (Some(Tok::Ident(_)), Some(Tok::Long(_))) if has(";") => {
            "a long literal is decimal (`12`), hexadecimal (`0x1F`) or octal (`017`), with no suffix or separator"
        }
        _ if has(";") => "statements end with `;`: is one missing?",
        _ => return None,
    };
    Some(h.to_string())
}

fn is_keyword(text: &str, tok: &Tok<'_>) -> bool {
    !matches!(tok, Tok::Ident(_)) && text.bytes().all(|b| b.is_ascii_lowercase()) && !text.is_empty()
}
