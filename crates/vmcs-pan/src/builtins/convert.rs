//! Pure builtins: convert (placeholder).

use super::BuiltinDef;

pub const BUILTINS: &[BuiltinDef] = &[];
