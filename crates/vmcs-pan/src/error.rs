//! Error classes as panc reports them, and the error type that builtins return.

use std::fmt;

/// panc's error classes (`evaluation error`, `syntax error`, ...), as shown in
/// `--error-format json` under `"class"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorClass {
    Parse,
    Syntax,
    Evaluation,
    Validation,
    System,
}

impl ErrorClass {
    pub fn name(self) -> &'static str {
        match self {
            ErrorClass::Parse => "parse",
            ErrorClass::Syntax => "syntax",
            ErrorClass::Evaluation => "evaluation",
            ErrorClass::Validation => "validation",
            ErrorClass::System => "system",
        }
    }
}

impl From<vmcs_syntax::ErrorClass> for ErrorClass {
    fn from(c: vmcs_syntax::ErrorClass) -> ErrorClass {
        match c {
            vmcs_syntax::ErrorClass::Parse => ErrorClass::Parse,
            vmcs_syntax::ErrorClass::Syntax => ErrorClass::Syntax,
            vmcs_syntax::ErrorClass::System => ErrorClass::System,
        }
    }
}

impl fmt::Display for ErrorClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a builtin returns when it fails. The evaluator adds the location.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltinError {
    pub class: ErrorClass,
    pub message: String,
}

impl BuiltinError {
    /// An evaluation error (the usual run-time failure).
    pub fn eval(message: impl Into<String>) -> BuiltinError {
        BuiltinError {
            class: ErrorClass::Evaluation,
            message: message.into(),
        }
    }
    /// A syntax error: what panc detects when it builds the call (wrong argument count,
    /// a constant argument of the wrong kind, an invalid constant regex, ...).
    pub fn syntax(message: impl Into<String>) -> BuiltinError {
        BuiltinError {
            class: ErrorClass::Syntax,
            message: message.into(),
        }
    }
    /// A system error (panc's unexpected Java exceptions that it does class).
    pub fn system(message: impl Into<String>) -> BuiltinError {
        BuiltinError {
            class: ErrorClass::System,
            message: message.into(),
        }
    }
}

pub type BuiltinResult = Result<crate::value::Value, BuiltinError>;
