//! The Pan compiler: template loader, evaluator, builtins, types and validation, output writers.
//!
//! Phases of one object, as panc runs them: build (run the object template and what it
//! includes), defaults (from bound types), validation, cross-object validation.

pub mod builtins;
pub mod compiler;
mod ctx;
mod ctxfns;
pub mod diag;
pub mod error;
mod eval;
mod heap;
mod ir;
pub mod javafmt;
pub mod jregex;
pub mod knowledge;
pub mod loader;
mod locals;
pub mod object;
mod ops;
pub mod output;
pub mod path;
pub mod render;
pub mod stack;
pub mod state;
pub mod template;
pub mod tree;
pub mod typedef;
pub mod types;
pub mod validate;
pub mod value;
pub mod walk;

pub use compiler::{Built, CompileOptions, Compiler};
pub use diag::Error;
pub use error::{BuiltinError, ErrorClass};
pub use value::{Dict, Key, Kind, List, Value};

/// panc's string rendering of a value (`to_string`, messages).
pub fn render_value(v: &Value) -> String {
    render::to_pan_string(v)
}
