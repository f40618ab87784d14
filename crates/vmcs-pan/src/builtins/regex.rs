//! Pure builtins: regex (placeholder).

use super::BuiltinDef;

pub const BUILTINS: &[BuiltinDef] = &[];
