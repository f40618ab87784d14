//! Pan types as data: what `type`, `bind` and `valid` statements define. Lowered from the
//! syntax in `types.rs`, applied and checked in `validate.rs`.

use crate::diag::{Loc, SourceFile};
use crate::ir::Code;
use crate::path::Path;
use crate::value::Value;
use std::sync::Arc;
use vmcs_syntax::{ClauseKind, Span};

/// A bound type, recorded by a `bind` or `valid` statement.
#[derive(Debug, Clone)]
pub struct BindRec {
    pub path: Path,
    pub spec: Arc<TypeDef>,
    pub loc: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    Boolean,
    Long,
    Double,
    String,
    Number,
    Property,
    Element,
    Resource,
    List,
    Dict,
    Undef,
}

impl Builtin {
    pub fn from_name(n: &str) -> Option<Builtin> {
        Some(match n {
            "boolean" => Builtin::Boolean,
            "long" => Builtin::Long,
            "double" => Builtin::Double,
            "string" => Builtin::String,
            "number" => Builtin::Number,
            "property" => Builtin::Property,
            "element" => Builtin::Element,
            "resource" => Builtin::Resource,
            "list" => Builtin::List,
            "nlist" | "dict" => Builtin::Dict,
            "undef" => Builtin::Undef,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Boolean => "boolean",
            Builtin::Long => "long",
            Builtin::Double => "double",
            Builtin::String => "string",
            Builtin::Number => "number",
            Builtin::Property => "property",
            Builtin::Element => "element",
            Builtin::Resource => "resource",
            Builtin::List => "list",
            Builtin::Dict => "nlist",
            Builtin::Undef => "undef",
        }
    }
    pub fn accepts(self, v: &Value) -> bool {
        match self {
            Builtin::Boolean => matches!(v, Value::Bool(_)),
            Builtin::Long => matches!(v, Value::Long(_)),
            Builtin::Double => matches!(v, Value::Double(_)),
            Builtin::String => matches!(v, Value::Str(_)),
            Builtin::Number => matches!(v, Value::Long(_) | Value::Double(_)),
            Builtin::Property => v.is_property(),
            Builtin::Element => true,
            Builtin::Resource => v.is_resource(),
            Builtin::List => matches!(v, Value::List(_)),
            Builtin::Dict => matches!(v, Value::Dict(_)),
            Builtin::Undef => v.is_undef(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: Arc<str>,
    pub required: bool,
    pub ty: Arc<TypeDef>,
}

#[derive(Debug, Clone)]
pub enum Base {
    Builtin(Builtin, Option<Range>),
    Named(Arc<str>, Option<Range>),
    Choice(Vec<String>),
    Record {
        extensible: bool,
        fields: Vec<Field>,
        includes: Vec<Arc<str>>,
        range: Option<Range>,
    },
}

/// A type: base, then clauses applied innermost first (`long[]{}` is a dict of lists).
#[derive(Debug, Clone)]
pub struct TypeDef {
    pub base: Base,
    pub clauses: Vec<(ClauseKind, Option<Range>)>,
    pub default: Option<Value>,
    pub with: Option<Code>,
    pub src: Arc<SourceFile>,
    pub span: Span,
}
