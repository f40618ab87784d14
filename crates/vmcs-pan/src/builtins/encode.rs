//! Pure builtins: encode (placeholder).

use super::BuiltinDef;

pub const BUILTINS: &[BuiltinDef] = &[];
