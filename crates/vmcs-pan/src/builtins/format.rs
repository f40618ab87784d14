//! Pure builtins: format (placeholder).

use super::BuiltinDef;

pub const BUILTINS: &[BuiltinDef] = &[];
