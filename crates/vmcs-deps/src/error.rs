//! The one error type of vmcs-deps: every failure a user can see, with a stable code.
//!
//! Messages are lowercase without a final period; codes read `vmcs::deps::<what>`.
//! Parse errors name the file and the line, and carry the offending text as a miette
//! source with a labelled span where that is cheap.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// Everything that can go wrong while loading package knowledge or resolving requests.
#[derive(Debug, Error, Diagnostic)]
pub enum DepsError {
    /// A file could not be read.
    #[error("cannot read `{path}`: {message}")]
    #[diagnostic(code(vmcs::deps::io))]
    Io { path: String, message: String },

    /// A compressed index could not be decompressed.
    #[error("`{path}` is not valid {format} data: {message}")]
    #[diagnostic(
        code(vmcs::deps::bad_compression),
        help("the file may be truncated; run `apt-get update` again or fetch it anew")
    )]
    Decompress {
        path: String,
        format: &'static str,
        message: String,
    },

    /// An index or status file breaks the deb822 stanza format.
    #[error(transparent)]
    #[diagnostic(transparent)]
    MalformedIndex(Box<MalformedIndex>),

    /// A relation field (`Depends`, `Provides`, ...) cannot be parsed.
    #[error(transparent)]
    #[diagnostic(transparent)]
    MalformedRelation(Box<MalformedRelation>),

    /// A version string is not a Debian version.
    #[error("invalid version `{version}` for `{package}`: {message}")]
    #[diagnostic(code(vmcs::deps::malformed_version))]
    MalformedVersion {
        package: String,
        version: String,
        message: String,
    },

    /// No index and no local knowledge has this package.
    #[error("unknown package `{name}`")]
    #[diagnostic(code(vmcs::deps::unknown_package))]
    UnknownPackage {
        name: String,
        #[help]
        help: Option<String>,
    },

    /// The request names a virtual package that several packages provide.
    #[error("`{name}` is a virtual package provided by several packages: {}", providers.join(", "))]
    #[diagnostic(
        code(vmcs::deps::virtual_package),
        help("request one of them explicitly, as apt-get would ask you to")
    )]
    AmbiguousVirtual {
        name: String,
        providers: Vec<String>,
    },

    /// No version of a requested package satisfies the requested relation.
    #[error("no version of `{name}` satisfies `{wanted}` (available: {})", available.join(", "))]
    #[diagnostic(code(vmcs::deps::no_matching_version))]
    NoMatchingVersion {
        name: String,
        wanted: String,
        available: Vec<String>,
    },

    /// A request cannot be installed; `chain` explains why, one hop per element.
    #[error("cannot install `{request}`: {}", chain.join(" -> "))]
    #[diagnostic(code(vmcs::deps::unsatisfiable))]
    Unsatisfiable {
        request: String,
        chain: Vec<String>,
        #[help]
        help: Option<String>,
    },

    /// Two packages of the closure conflict or break each other.
    #[error("`{a}` and `{b}` cannot be installed together: {reason}")]
    #[diagnostic(code(vmcs::deps::conflict))]
    Conflict {
        a: String,
        b: String,
        reason: String,
        #[help]
        help: Option<String>,
    },

    /// A `name/release` request names a release that has no version of the package.
    #[error("release `{release}` for `{name}` was not found")]
    #[diagnostic(code(vmcs::deps::unknown_release))]
    UnknownRelease {
        name: String,
        release: String,
        #[help]
        help: Option<String>,
    },

    /// A request asks for a source (`iso`, `dir`, `apt`) the package does not come from.
    #[error("`{name}` is requested from `{wanted}` but is known only from `{found}`")]
    #[diagnostic(code(vmcs::deps::wrong_source))]
    WrongSource {
        name: String,
        wanted: String,
        found: String,
    },

    /// The profile's `/software` tree does not have the expected shape.
    #[error("{path}: {message}")]
    #[diagnostic(code(vmcs::deps::bad_profile))]
    BadProfile { path: String, message: String },

    /// A pan XML profile cannot be read.
    #[error("`{path}` is not a pan XML profile: {message}")]
    #[diagnostic(code(vmcs::deps::bad_xml))]
    BadXml { path: String, message: String },

    /// An index URL cannot be fetched.
    #[error("cannot fetch `{url}`: {message}")]
    #[diagnostic(
        code(vmcs::deps::fetch),
        help("only plain `http://` URLs and file paths are supported")
    )]
    Fetch { url: String, message: String },

    /// There is nothing to resolve against.
    #[error("no package index found{}", if where_.is_empty() { String::new() } else { format!(" in `{where_}`") })]
    #[diagnostic(
        code(vmcs::deps::no_index),
        help("run `apt-get update`, or pass `--index FILE|URL`")
    )]
    NoIndex { where_: String },

    /// A command-line target cannot be understood.
    #[error("cannot understand the target `{target}`: {message}")]
    #[diagnostic(code(vmcs::deps::bad_target))]
    BadTarget { target: String, message: String },
}

/// An index or status file breaks the deb822 stanza format.
#[derive(Debug, Error, Diagnostic)]
#[error("{path}:{line}: {message}")]
#[diagnostic(code(vmcs::deps::malformed_index))]
pub struct MalformedIndex {
    pub path: String,
    pub line: usize,
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("here")]
    pub span: SourceSpan,
}

/// A relation field (`Depends`, `Pre-Depends`, `Provides`, ...) cannot be parsed.
#[derive(Debug, Error, Diagnostic)]
#[error("{path}:{line}: malformed relation in `{field}`: {message}")]
#[diagnostic(code(vmcs::deps::malformed_relation))]
pub struct MalformedRelation {
    pub path: String,
    pub line: usize,
    pub field: String,
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{message}")]
    pub span: SourceSpan,
}

impl DepsError {
    /// An IO error on `path`.
    pub fn io(path: impl Into<String>, err: &std::io::Error) -> DepsError {
        DepsError::Io {
            path: path.into(),
            message: err.to_string().to_lowercase(),
        }
    }

    /// A malformed-index error at a 1-based line, showing (the start of) that line.
    pub fn malformed(path: &str, line: usize, line_text: &[u8], message: String) -> DepsError {
        let (text, _, len) = excerpt(line_text, 0, line_text.len());
        DepsError::MalformedIndex(Box::new(MalformedIndex {
            path: path.to_string(),
            line,
            message,
            src: NamedSource::new(format!("{path}:{line}"), text),
            span: (0, len).into(),
        }))
    }

    /// A malformed relation: `text` is the field, `offset`/`len` the bad part of it.
    pub fn relation(
        path: &str,
        line: usize,
        field: &str,
        text: String,
        offset: usize,
        len: usize,
        message: String,
    ) -> DepsError {
        let (text, offset, len) = excerpt(text.as_bytes(), offset, len);
        DepsError::MalformedRelation(Box::new(MalformedRelation {
            path: path.to_string(),
            line,
            field: field.to_string(),
            message,
            src: NamedSource::new(format!("{path}:{line} ({field})"), text),
            span: (offset, len.max(1)).into(),
        }))
    }

    /// The diagnostic code, for tests and machine-readable output.
    pub fn code_str(&self) -> String {
        self.code().map(|c| c.to_string()).unwrap_or_default()
    }
}

/// `s` cut to at most `max` bytes (at a character boundary, marked with `…`), for
/// messages that quote input.
pub fn shorten(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// How much text around an error a diagnostic shows, at most.
pub const EXCERPT: usize = 240;

/// At most [`EXCERPT`] bytes of `text` around `offset..offset + len` (cut at character
/// boundaries, marked with `…`), with the span moved into the excerpt.
pub fn excerpt(text: &[u8], offset: usize, len: usize) -> (String, usize, usize) {
    let offset = offset.min(text.len());
    let len = len.min(text.len() - offset);
    if text.len() <= EXCERPT {
        return (String::from_utf8_lossy(text).into_owned(), offset, len);
    }
    let continuation = |i: usize| i < text.len() && text[i] & 0xc0 == 0x80;
    let mut start = offset.saturating_sub(EXCERPT / 3);
    while continuation(start) {
        start += 1;
    }
    let mut end = (offset + len.min(EXCERPT / 2))
        .max(start + EXCERPT)
        .min(text.len());
    while end > start && continuation(end) {
        end -= 1;
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let lead = out.len();
    let body = String::from_utf8_lossy(&text[start..end]);
    out.push_str(&body);
    if end < text.len() {
        out.push('…');
    }
    let new_off = (lead + offset.saturating_sub(start)).min(lead + body.len());
    let new_len = len.min(lead + body.len() - new_off);
    // Keep the span on character boundaries of the excerpt.
    let mut o = new_off;
    while o > 0 && !out.is_char_boundary(o) {
        o -= 1;
    }
    let mut e = (o + new_len).min(out.len());
    while e < out.len() && !out.is_char_boundary(e) {
        e += 1;
    }
    (out, o, e - o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_and_keep_the_span_inside() {
        let (t, o, l) = excerpt(b"short", 1, 2);
        assert_eq!((t.as_str(), o, l), ("short", 1, 2));
        let long = "é".repeat(100_000);
        let (t, o, l) = excerpt(long.as_bytes(), 50_001, 7);
        assert!(t.len() <= EXCERPT + 8, "{}", t.len());
        assert!(t.starts_with('…') && t.ends_with('…'));
        assert!(t.is_char_boundary(o) && t.is_char_boundary(o + l) && o + l <= t.len());
        let e = DepsError::malformed("p", 3, &vec![b'x'; 8 << 20], "m".into());
        let shown = format!("{:?}", miette::Report::new(e));
        assert!(shown.len() < 4096, "{}", shown.len());
    }
}
