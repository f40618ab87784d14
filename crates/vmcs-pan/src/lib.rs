//! The Pan compiler: template loader, evaluator, builtins, types and validation, output writers.

pub mod builtins;
pub mod error;
pub mod javafmt;
pub mod jregex;
pub mod output;
pub mod value;

pub use error::{BuiltinError, ErrorClass};
pub use value::{Dict, Key, Kind, List, Value};
