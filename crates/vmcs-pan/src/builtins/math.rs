//! Pure builtins: math (placeholder).

use super::BuiltinDef;

pub const BUILTINS: &[BuiltinDef] = &[];
