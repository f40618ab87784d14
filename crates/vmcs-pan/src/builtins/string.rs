//! Pure builtins: string (placeholder).

use super::BuiltinDef;

pub const BUILTINS: &[BuiltinDef] = &[];
