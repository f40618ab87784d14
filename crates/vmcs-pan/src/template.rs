//! What a template is once built: its lowered statements (`CStmt`) and the user functions
//! it defines.

use crate::diag::SourceFile;
use crate::ir::Code;
use crate::path::Path;
use crate::typedef::TypeDef;
use crate::value::Value;
use std::sync::Arc;
use vmcs_syntax::{AssignOp, Span, TemplateKind};

/// A user-defined function.
#[derive(Debug)]
pub struct UserFn {
    pub name: Arc<str>,
    pub body: Code,
    pub src: Arc<SourceFile>,
}

/// A statement's value: computed once at load time when it is a constant.
#[derive(Debug, Clone)]
pub enum ValueSrc {
    Const(Value),
    Code(Code),
}

/// A lowered statement.
#[derive(Debug)]
pub enum CStmt {
    Include {
        code: Code,
        span: Span,
    },
    /// An assignment; its path is resolved against the template's `prefix` when lowered.
    Assign {
        path: Path,
        op: AssignOp,
        is_final: bool,
        value: ValueSrc,
        span: Span,
    },
    Variable {
        name: Arc<str>,
        op: AssignOp,
        is_final: bool,
        value: ValueSrc,
        span: Span,
    },
    Function {
        name: Arc<str>,
        body: Code,
        span: Span,
    },
    Type {
        name: Arc<str>,
        def: Arc<TypeDef>,
        span: Span,
    },
    /// `bind`/`valid`; the path may hold `${VAR}` and is resolved when run.
    Bind {
        path: String,
        spec: Arc<TypeDef>,
        span: Span,
    },
}

/// A parsed and lowered template.
#[derive(Debug)]
pub struct CompiledTemplate {
    pub name: Arc<str>,
    pub kind: TemplateKind,
    /// The header (`object template a/b;`), for name errors.
    pub header_span: Span,
    pub src: Arc<SourceFile>,
    pub stmts: Vec<CStmt>,
}

/// Whether `name` is a valid template name.
pub fn valid_template_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.ends_with('/')
        && name.split('/').all(|t| {
            !t.is_empty()
                && !t.starts_with('.')
                && t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-+.".contains(c))
        })
}
