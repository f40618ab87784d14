//! Compiler errors with their panc class, location and trace, and their two renderings:
//! miette diagnostics for people and one JSON object per error for tools.

use crate::error::ErrorClass;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use vmcs_syntax::{LineIndex, Span};

/// One loaded source file.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
    pub lines: LineIndex,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: Arc<str>) -> SourceFile {
        let lines = LineIndex::new(&text);
        SourceFile { path, text, lines }
    }
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }
}

/// A place in a source file.
#[derive(Debug, Clone)]
pub struct Loc {
    pub file: Arc<SourceFile>,
    pub span: Span,
}

impl Loc {
    /// panc's `file:line.col-line.col` form.
    pub fn panc_form(&self) -> String {
        let (l1, c1) = self.file.line_col(self.span.start);
        let (l2, c2) = self
            .file
            .line_col(self.span.end.max(self.span.start + 1) - 1);
        format!("{}:{}.{}-{}.{}", self.file.path.display(), l1, c1, l2, c2)
    }
}

/// A secondary location shown with the main one (e.g. the `bind` a value broke).
#[derive(Debug, Clone)]
pub struct Related {
    pub loc: Loc,
    pub label: String,
}

/// A compiler error (boxed: errors are rare and results stay small).
#[derive(Debug, Clone)]
pub struct Error(Box<ErrorData>);

impl std::ops::Deref for Error {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

/// What an [`Error`] says.
#[derive(Debug, Clone)]
pub struct ErrorData {
    pub class: ErrorClass,
    pub message: String,
    pub loc: Option<Loc>,
    /// A file without a span (e.g. a missing template's includer, validation of an object).
    pub file: Option<PathBuf>,
    pub hint: Option<String>,
    pub related: Vec<Related>,
    /// panc's call stack for an evaluation error: where the includes, function calls and
    /// `create()`s being executed were made, innermost first (`None`: no trace, as for
    /// syntax errors).
    pub trace: Option<Vec<String>>,
    /// Set when a knowledge-center rule failed.
    pub rule: Option<crate::knowledge::RuleHit>,
}

impl Error {
    pub fn new(class: ErrorClass, message: impl Into<String>) -> Error {
        Error(Box::new(ErrorData {
            class,
            message: message.into(),
            loc: None,
            file: None,
            hint: None,
            related: Vec::new(),
            trace: None,
            rule: None,
        }))
    }
    pub fn at(mut self, loc: Loc) -> Error {
        if self.loc.is_none() {
            self.loc = Some(loc);
        }
        self
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }
    pub fn in_file(mut self, file: PathBuf) -> Error {
        if self.file.is_none() {
            self.file = Some(file);
        }
        self
    }

    /// 1-based line and column of the main location, if any.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.loc.as_ref().map(|l| l.file.line_col(l.span.start))
    }
    pub fn file_path(&self) -> Option<PathBuf> {
        self.loc
            .as_ref()
            .map(|l| l.file.path.clone())
            .or_else(|| self.file.clone())
    }

    /// `{"severity":"error","class":...,"message":...,"summary":...,"file":...,"line":N,
    /// "column":N,"hint":...}`: `message` is the error as panc words it (class, location,
    /// message and call stack, what tools that read panc's output match on), `summary` the
    /// message alone.
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        m.insert("severity".into(), "error".into());
        m.insert("class".into(), self.class.name().into());
        m.insert("message".into(), self.panc_form().into());
        m.insert("summary".into(), self.message.clone().into());
        if let Some(f) = self.file_path() {
            m.insert("file".into(), f.display().to_string().into());
        }
        if let Some((l, c)) = self.position() {
            m.insert("line".into(), l.into());
            m.insert("column".into(), c.into());
        }
        if let Some(h) = &self.hint {
            m.insert("hint".into(), h.clone().into());
        }
        if let Some(r) = &self.rule {
            m.insert("rule".into(), serde_json::to_value(r).unwrap_or_default());
        }
        serde_json::Value::Object(m)
    }

    /// panc's console form: `evaluation error [file:1.1-1.5]\nmessage`, then for an
    /// evaluation error the call stack trace (the error's own place, then the calls and
    /// includes that led there).
    pub fn panc_form(&self) -> String {
        let place = match (&self.loc, &self.file) {
            (Some(l), _) => l.panc_form(),
            (None, Some(f)) => f.display().to_string(),
            (None, None) => "?".into(),
        };
        let mut s = format!("{} error [{}]\n{}", self.class.name(), place, self.message);
        if let (Some(trace), Some(l)) = (&self.trace, &self.loc) {
            s.push_str("\n>>> call stack trace \n>>> [");
            s.push_str(&l.panc_form());
            s.push(']');
            for t in trace {
                s.push_str("\n>>> ");
                s.push_str(t);
            }
            s.push_str("\n>>> ====================");
        }
        s
    }

    /// A miette report for terminals.
    pub fn to_report(&self) -> miette::Report {
        let diag = Rendered::from(self);
        miette::Report::new(diag)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.panc_form())
    }
}

impl std::error::Error for Error {}

/// The miette face of an [`Error`].
#[derive(Debug)]
struct Rendered {
    code: String,
    message: String,
    help: Option<String>,
    src: Option<miette::NamedSource<String>>,
    labels: Vec<miette::LabeledSpan>,
    related: Vec<RelatedRendered>,
}

#[derive(Debug)]
struct RelatedRendered {
    message: String,
    src: miette::NamedSource<String>,
    label: miette::LabeledSpan,
}

impl fmt::Display for RelatedRendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for RelatedRendered {}
impl miette::Diagnostic for RelatedRendered {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

impl From<&Error> for Rendered {
    fn from(e: &Error) -> Rendered {
        let mut message = e.message.clone();
        if e.loc.is_none() {
            if let Some(f) = &e.file {
                message = format!("{message}\n  in {}", f.display());
            }
        }
        // Call stack, innermost first, with runs of identical frames collapsed.
        let trace: &[String] = e.trace.as_deref().unwrap_or_default();
        let mut i = 0;
        while i < trace.len() {
            let mut j = i + 1;
            while j < trace.len() && trace[j] == trace[i] {
                j += 1;
            }
            message.push_str("\n  >>> ");
            message.push_str(&trace[i]);
            if j - i > 1 {
                message.push_str(&format!(" (x{})", j - i));
            }
            i = j;
        }
        let (src, labels) = match &e.loc {
            Some(l) => (
                Some(miette::NamedSource::new(
                    l.file.path.display().to_string(),
                    l.file.text.to_string(),
                )),
                vec![miette::LabeledSpan::new_primary_with_span(
                    Some(short_label(e.class)),
                    l.span.range(),
                )],
            ),
            None => (None, Vec::new()),
        };
        let related = e
            .related
            .iter()
            .map(|r| RelatedRendered {
                message: r.label.clone(),
                src: miette::NamedSource::new(
                    r.loc.file.path.display().to_string(),
                    r.loc.file.text.to_string(),
                ),
                label: miette::LabeledSpan::new_with_span(
                    Some(r.label.clone()),
                    r.loc.span.range(),
                ),
            })
            .collect();
        Rendered {
            code: format!("vmcs::{}", e.class.name()),
            message,
            help: e.hint.clone(),
            src,
            labels,
            related,
        }
    }
}

fn short_label(class: ErrorClass) -> String {
    match class {
        ErrorClass::Parse => "not valid Pan here",
        ErrorClass::Syntax => "rejected here",
        ErrorClass::Evaluation => "failed here",
        ErrorClass::Validation => "invalid value set here",
        ErrorClass::System => "here",
    }
    .into()
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for Rendered {}
impl miette::Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.src.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn miette::Diagnostic),
            ))
        }
    }
}
