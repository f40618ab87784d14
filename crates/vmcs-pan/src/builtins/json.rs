//! Pure builtins: json (placeholder).

use super::BuiltinDef;

pub const BUILTINS: &[BuiltinDef] = &[];
