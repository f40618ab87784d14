//! The Pan compiler: template loader, evaluator, builtins, types and validation, output writers.
//!
//! Phases of one object, as panc runs them: build (run the object template and what it
//! includes), defaults (from bound types), validation, cross-object validation.

pub mod builtins;
pub mod compiler;
mod ctxfns;
pub mod diag;
pub mod error;
mod eval;
mod ir;
pub mod javafmt;
pub mod loader;
pub mod object;
mod ops;
pub mod output;
pub mod path;
pub mod tree;
pub mod types;
pub mod value;

pub use compiler::{Built, CompileOptions, Compiler};
pub use diag::Error;
pub use error::{BuiltinError, ErrorClass};
pub use value::{Dict, Key, Kind, List, Value};

/// panc's string rendering of a value for messages (provisional until `render` lands).
pub fn render_value(v: &Value) -> String {
    match v {
        Value::Undef => "undef".into(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Long(n) => n.to_string(),
        Value::Double(x) => javafmt::double_to_string(*x),
        Value::Str(s) => s.to_string(),
        Value::List(l) => {
            let items: Vec<String> = l.iter().map(render_value).collect();
            format!("[ {} ]", items.join(", "))
        }
        Value::Dict(d) => {
            let items: Vec<String> = d.iter().map(|(k, v)| format!("{k}, {}", render_value(v))).collect();
            format!("{{ {} }}", items.join(", "))
        }
    }
}
