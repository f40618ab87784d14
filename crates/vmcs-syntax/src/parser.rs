//! Glue between the lexer and the lalrpop grammar: runs the parser, turns its errors into
//! `ParseError`s and, after a syntax error, resumes at the next top-level `;` so that one
//! run reports several independent errors.

use crate::actions::{self, Ctx};
use crate::errors::{self, Found};
use crate::lexer::{self, Spanned, Tok};
use crate::{ErrorClass, ParseError, Parsed, Span};

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_parens, unused_qualifications, dead_code)]
    grammar
);

type GrammarError<'a> = lalrpop_util::ParseError<usize, Tok<'a>, ()>;

/// At most this many syntax errors are reported for one file.
const MAX_SYNTAX_ERRORS: usize = 20;

/// Deeper nesting than this (brackets, or loops and `if`s in one statement) is refused: the
/// tree would overflow the stack of whoever walks it recursively.
const MAX_NESTING: u32 = 500;

pub(crate) fn parse(src: &str) -> Parsed {
    let lexer::Lexed { tokens, annotations, errors: mut lex_errors } = lexer::lex(src);
    if let Some(error) = too_deep(&tokens) {
        lex_errors.push((error.span.start as usize, error));
        lex_errors.sort_by_key(|(at, _)| *at);
        return Parsed { template: None, errors: lex_errors.into_iter().map(|(_, e)| e).collect() };
    }
    let mut ctx = Ctx::default();
    let parser = grammar::TemplateParser::new();
    let result = parser.parse(&mut ctx, tokens.into_iter().map(Ok));
    let template = match result {
        Ok(mut template) => {
            template.annotations = annotations;
            Some(*template)
        }
        Err(first) => {
            // The tokens went into the parser; lexing again is cheaper than keeping a copy
            // on the successful path.
            let tokens = lexer::lex(src).tokens;
            let first = Failure::new(&tokens, &first);
            recover(src, &tokens, first, &parser, &mut ctx);
            None
        }
    };
    let mut errors = lex_errors;
    errors.append(&mut ctx.errors);
    // A stable sort: errors at one place keep the order they were found in.
    errors.sort_by_key(|(at, _)| *at);
    Parsed { template, errors: errors.into_iter().map(|(_, e)| e).collect() }
}

/// Where the grammar stopped: the index of the offending token (`tokens.len()` at the end).
struct Failure {
    index: usize,
    expected: Vec<String>,
}

impl Failure {
    fn new(tokens: &[Spanned<'_>], error: &GrammarError<'_>) -> Failure {
        use lalrpop_util::ParseError as E;
        let (start, expected) = match error {
            E::UnrecognizedToken { token, expected } => (token.0, expected.clone()),
            E::UnrecognizedEof { expected, .. } => (usize::MAX, expected.clone()),
            E::ExtraToken { token } => (token.0, Vec::new()),
            E::InvalidToken { location } => (*location, Vec::new()),
            E::User { .. } => (usize::MAX, Vec::new()),
        };
        let index = tokens.partition_point(|t| t.0 < start);
        Failure { index, expected }
    }
}

/// Report `failure`, then resume parsing after the next `;` outside any bracket, again and
/// again. Errors in the header stop everything (panc reports only the first error anyway).
fn recover<'a>(
    src: &'a str,
    tokens: &[Spanned<'a>],
    mut failure: Failure,
    parser: &grammar::TemplateParser,
    ctx: &mut Ctx,
) {
    let depths = bracket_depths(tokens);
    let header_end = tokens.iter().position(|t| t.1 == Tok::Semi);
    let mut from = 0;
    for _ in 0..MAX_SYNTAX_ERRORS {
        let i = failure.index;
        let prev = i.checked_sub(1).filter(|&p| p >= from).map(|p| &tokens[p]);
        let after_semi = prev.filter(|t| t.1 == Tok::Semi);
        if after_semi.is_some_and(|t| ctx.empty_dml_ends.contains(&t.2)) {
            // Already reported as an empty DML statement; what follows is a consequence.
        } else if let Some(semi) =
            after_semi.filter(|_| dml_expected_before(parser, tokens, from, i - 1))
        {
            // The grammar stops after `;`, but panc stops at it: "illegal empty DML statement".
            actions::empty_dml(ctx, semi.0, semi.2);
        } else {
            let found = match tokens.get(i) {
                Some(t) => Found::Token(t, prev),
                None => Found::Eof(src.len(), prev),
            };
            let error = errors::syntax_error(src, found, &failure.expected);
            ctx.errors.push((error.span.start as usize, error));
        }
        if !matches!(header_end, Some(h) if i > h) {
            return;
        }
        let Some(resume) = (i..tokens.len()).find(|&j| tokens[j].1 == Tok::Semi && depths[j] == 0)
        else {
            return;
        };
        from = resume + 1;
        match parser.parse(ctx, segment(tokens, from, tokens.len(), false)) {
            Ok(_) => return,
            Err(e) => failure = Failure::new(tokens, &e),
        }
        if failure.index < from {
            return;
        }
    }
}

/// Could a DML statement start at token `at`? Parse up to it and look at what was expected.
fn dml_expected_before(
    parser: &grammar::TemplateParser,
    tokens: &[Spanned<'_>],
    from: usize,
    at: usize,
) -> bool {
    let mut scratch = Ctx::default();
    match parser.parse(&mut scratch, segment(tokens, from, at, true)) {
        Err(lalrpop_util::ParseError::UnrecognizedToken { expected, .. }) => {
            expected.iter().any(|e| e == "\"undef\"")
        }
        _ => false,
    }
}

/// The tokens `from..to` as grammar input: after a made-up header unless `from` is 0, and
/// followed by a token no rule accepts if `stop` is set.
fn segment<'t, 'a>(
    tokens: &'t [Spanned<'a>],
    from: usize,
    to: usize,
    stop: bool,
) -> impl Iterator<Item = Result<Spanned<'a>, ()>> + 't {
    let at = from.checked_sub(1).map_or(0, |p| tokens[p].2);
    let header = [(at, Tok::Template, at), (at, Tok::NsIdent(""), at), (at, Tok::Semi, at)];
    let header = header.into_iter().take(if from == 0 { 0 } else { 3 });
    let end = tokens.get(to).map_or(usize::MAX, |t| t.0);
    let stop = std::iter::once((end, Tok::Error(""), end)).take(usize::from(stop));
    header.chain(tokens[from..to].iter().cloned()).chain(stop).map(Ok)
}

/// The first token nested deeper than `MAX_NESTING`, as an error. Nesting counts brackets
/// and the `if`s and loops not yet closed by a `;` at their level (`else if` chains nest).
fn too_deep(tokens: &[Spanned<'_>]) -> Option<ParseError> {
    // Open control keywords per bracket level, and their sum.
    let mut levels: Vec<u32> = vec![0];
    let mut open_control = 0u32;
    for t in tokens {
        match t.1 {
            Tok::LParen | Tok::LBracket | Tok::LBrace => levels.push(0),
            Tok::RParen | Tok::RBracket | Tok::RBrace if levels.len() > 1 => {
                open_control -= levels.pop().unwrap_or(0);
            }
            Tok::If | Tok::While | Tok::For | Tok::Foreach => {
                open_control += 1;
                if let Some(n) = levels.last_mut() {
                    *n += 1;
                }
            }
            Tok::Semi => {
                if let Some(n) = levels.last_mut() {
                    open_control -= std::mem::take(n);
                }
            }
            _ => {}
        }
        if levels.len() as u32 - 1 + open_control > MAX_NESTING {
            return Some(ParseError {
                class: ErrorClass::Parse,
                message: format!("nesting too deep: more than {MAX_NESTING} levels"),
                span: Span::new(t.0, t.2),
                hint: Some("split the expression, e.g. with functions or local variables".into()),
            });
        }
    }
    None
}

/// For each token, how many brackets are open before it. A closing bracket closes up to the
/// nearest opening one of its kind, so that one unclosed `(` does not hide the rest of the file.
fn bracket_depths(tokens: &[Spanned<'_>]) -> Vec<u32> {
    let mut open: Vec<Tok<'_>> = Vec::new();
    tokens
        .iter()
        .map(|t| {
            let before = open.len() as u32;
            let opener = match t.1 {
                Tok::LParen | Tok::LBracket | Tok::LBrace => {
                    open.push(t.1.clone());
                    None
                }
                Tok::RParen => Some(Tok::LParen),
                Tok::RBracket => Some(Tok::LBracket),
                Tok::RBrace => Some(Tok::LBrace),
                _ => None,
            };
            if let Some(opener) = opener {
                if let Some(i) = open.iter().rposition(|o| *o == opener) {
                    open.truncate(i);
                }
            }
            before
        })
        .collect()
}
