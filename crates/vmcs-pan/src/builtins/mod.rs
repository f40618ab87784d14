//! Builtin functions that are pure functions of their argument values.
//!
//! Each module exports `BUILTINS`, a table of [`BuiltinDef`]. The evaluator implements the
//! builtins that need the evaluation context itself (`value`, `create`, `exists`, `delete`,
//! `first`/`next`, `debug`, `error`, list/dict functions, ...).

use crate::error::BuiltinError;
use crate::value::Value;

pub mod convert;
pub mod encode;
pub mod format;
pub mod json;
pub mod math;
pub mod regex;
pub mod string;

/// A pure builtin.
pub struct BuiltinDef {
    pub name: &'static str,
    /// Compile-time check, run once when the call is built, with `Some(value)` for each
    /// argument that is a constant and `None` for the others. Errors found here (argument
    /// count, an invalid constant regex, ...) are what panc reports as syntax errors.
    pub check: fn(&[Option<&Value>]) -> Result<(), BuiltinError>,
    /// The call itself, with every argument evaluated.
    pub call: fn(&[Value]) -> Result<Value, BuiltinError>,
}

/// All pure builtins of all modules.
pub fn all() -> impl Iterator<Item = &'static BuiltinDef> {
    [
        convert::BUILTINS,
        encode::BUILTINS,
        format::BUILTINS,
        json::BUILTINS,
        math::BUILTINS,
        regex::BUILTINS,
        string::BUILTINS,
    ]
    .into_iter()
    .flatten()
}

/// Find a pure builtin by name.
pub fn lookup(name: &str) -> Option<&'static BuiltinDef> {
    all().find(|b| b.name == name)
}

impl std::fmt::Debug for BuiltinDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "builtin {}", self.name)
    }
}
