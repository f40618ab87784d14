//! The lowered form of DML that the evaluator runs: names resolved to builtins, literals
//! turned into values, and operations on literal operands folded as panc folds them.

use crate::builtins::{self, BuiltinDef};
use crate::error::{BuiltinError, ErrorClass};
use crate::ops;
use crate::value::Value;
use std::sync::Arc;
use vmcs_syntax::{BinOp, Expr, ExprKind, Literal, Span, UnaryOp, VarRef};

/// Builtins that need the evaluation context (or unevaluated arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtxFn {
    Append,
    Prepend,
    ListFn,
    DictFn,
    Merge,
    Splice,
    Delete,
    CloneFn,
    Create,
    First,
    Next,
    KeyFn,
    ValueFn,
    Exists,
    IsDefined,
    PathExists,
    IfExists,
    IsBoolean,
    IsLong,
    IsDouble,
    IsString,
    IsList,
    IsDict,
    IsNull,
    IsNumber,
    IsProperty,
    IsResource,
    IsValid,
    ErrorFn,
    Debug,
    Traceback,
    Deprecated,
    Return,
    FileContents,
    FileExists,
}

impl CtxFn {
    pub fn lookup(name: &str) -> Option<CtxFn> {
        use CtxFn::*;
        Some(match name {
            "append" => Append,
            "prepend" => Prepend,
            "list" => ListFn,
            "dict" | "nlist" => DictFn,
            "merge" => Merge,
            "delete" => Delete,
            "clone" => CloneFn,
            "create" => Create,
            "first" => First,
            "next" => Next,
            "key" => KeyFn,
            "value" => ValueFn,
            "exists" => Exists,
            "is_defined" => IsDefined,
            "path_exists" => PathExists,
            "if_exists" => IfExists,
            "is_boolean" => IsBoolean,
            "is_long" => IsLong,
            "is_double" => IsDouble,
            "is_string" => IsString,
            "is_list" => IsList,
            "is_dict" | "is_nlist" => IsDict,
            "is_null" => IsNull,
            "is_number" => IsNumber,
            "is_property" => IsProperty,
            "is_resource" => IsResource,
            "is_valid" => IsValid,
            "error" => ErrorFn,
            "debug" => Debug,
            "traceback" => Traceback,
            "deprecated" => Deprecated,
            "return" => Return,
            "file_contents" => FileContents,
            "file_exists" => FileExists,
            _ => return None,
        })
    }
}

/// A lowered DML expression.
#[derive(Debug, Clone)]
pub struct Code {
    pub op: Op,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Op {
    Const(Value),
    Var {
        name: Arc<str>,
        subs: Vec<Code>,
    },
    Assign {
        name: Arc<str>,
        subs: Vec<Code>,
        value: Box<Code>,
    },
    Pure {
        def: &'static BuiltinDef,
        args: Vec<Code>,
    },
    Ctx {
        f: CtxFn,
        name: Arc<str>,
        args: Vec<Code>,
    },
    User {
        name: Arc<str>,
        args: Vec<Code>,
    },
    Unary {
        op: UnaryOp,
        e: Box<Code>,
    },
    Binary {
        op: BinOp,
        l: Box<Code>,
        r: Box<Code>,
    },
    And(Box<Code>, Box<Code>),
    Or(Box<Code>, Box<Code>),
    Block(Vec<Code>),
    If {
        cond: Box<Code>,
        then: Box<Code>,
        els: Option<Box<Code>>,
    },
    While {
        cond: Box<Code>,
        body: Box<Code>,
    },
    For {
        init: Box<Code>,
        cond: Box<Code>,
        step: Box<Code>,
        body: Box<Code>,
    },
    Foreach {
        key: Arc<str>,
        val: Arc<str>,
        iter: Box<Code>,
        body: Box<Code>,
    },
}

impl Code {
    pub fn as_const(&self) -> Option<&Value> {
        match &self.op {
            Op::Const(v) => Some(v),
            _ => None,
        }
    }
}

/// An error found while lowering (panc's build-time checks).
#[derive(Debug, Clone)]
pub struct LowerError {
    pub class: ErrorClass,
    pub message: String,
    pub span: Span,
}

impl LowerError {
    fn from_builtin(e: BuiltinError, span: Span) -> LowerError {
        LowerError {
            class: e.class,
            message: e.message,
            span,
        }
    }
}

pub type LResult<T> = Result<T, LowerError>;

/// Lower one DML expression.
pub fn lower(e: &Expr) -> LResult<Code> {
    let span = e.span;
    let op = match &e.kind {
        ExprKind::Literal(l) => Op::Const(literal(l)),
        ExprKind::Var(v) => {
            let (name, subs) = var(v)?;
            Op::Var { name, subs }
        }
        ExprKind::Assign { target, value } => {
            let (name, subs) = var(target)?;
            if &*name == "SELF" && subs.is_empty() {
                return Err(LowerError {
                    class: ErrorClass::Syntax,
                    message: "SELF variable may not be set directly".into(),
                    span,
                });
            }
            Op::Assign {
                name,
                subs,
                value: Box::new(lower(value)?),
            }
        }
        ExprKind::Call { name, args } => return call(&name.name, args, span),
        ExprKind::Unary { op, operand } => {
            let c = lower(operand)?;
            if let Some(v) = c.as_const() {
                match ops::unary(*op, v) {
                    Ok(v) => Op::Const(v),
                    Err(_) => Op::Unary {
                        op: *op,
                        e: Box::new(c),
                    },
                }
            } else {
                Op::Unary {
                    op: *op,
                    e: Box::new(c),
                }
            }
        }
        ExprKind::Binary { op, lhs, rhs } => {
            let l = lower(lhs)?;
            let r = lower(rhs)?;
            match op {
                BinOp::And | BinOp::Or => {
                    if let Some(v) = l.as_const() {
                        ops::logical_operand(*op, v, true).map_err(|e| LowerError {
                            class: ErrorClass::Syntax,
                            message: e.message,
                            span,
                        })?;
                    }
                    if let Some(v) = r.as_const() {
                        ops::logical_operand(*op, v, false).map_err(|e| LowerError {
                            class: ErrorClass::Syntax,
                            message: e.message,
                            span,
                        })?;
                    }
                    if let (Some(Value::Bool(a)), Some(Value::Bool(b))) =
                        (l.as_const(), r.as_const())
                    {
                        Op::Const(Value::Bool(if *op == BinOp::And {
                            *a && *b
                        } else {
                            *a || *b
                        }))
                    } else if *op == BinOp::And {
                        Op::And(Box::new(l), Box::new(r))
                    } else {
                        Op::Or(Box::new(l), Box::new(r))
                    }
                }
                _ => {
                    if let (Some(a), Some(b)) = (l.as_const(), r.as_const()) {
                        match ops::binary(*op, a, b) {
                            Ok(v) => Op::Const(v),
                            Err(e) if ops::fold_class(&e) == ErrorClass::Syntax => {
                                return Err(LowerError {
                                    class: ErrorClass::Syntax,
                                    message: e.message,
                                    span,
                                });
                            }
                            Err(_) => Op::Binary {
                                op: *op,
                                l: Box::new(l),
                                r: Box::new(r),
                            },
                        }
                    } else {
                        Op::Binary {
                            op: *op,
                            l: Box::new(l),
                            r: Box::new(r),
                        }
                    }
                }
            }
        }
        ExprKind::Block(items) => {
            let mut out = Vec::with_capacity(items.len());
            for i in items {
                let c = lower(i)?;
                match c.op {
                    Op::Block(inner) => out.extend(inner),
                    _ => out.push(c),
                }
            }
            if out.len() == 1 {
                return Ok(out.pop().unwrap());
            }
            Op::Block(out)
        }
        ExprKind::If { cond, then, els } => Op::If {
            cond: Box::new(bool_cond(lower(cond)?, "if")?),
            then: Box::new(lower(then)?),
            els: match els {
                Some(e) => Some(Box::new(lower(e)?)),
                None => None,
            },
        },
        ExprKind::While { cond, body } => Op::While {
            cond: Box::new(bool_cond(lower(cond)?, "while")?),
            body: Box::new(lower(body)?),
        },
        ExprKind::For {
            init,
            cond,
            step,
            body,
        } => Op::For {
            init: Box::new(lower(init)?),
            cond: Box::new(lower(cond)?),
            step: Box::new(lower(step)?),
            body: Box::new(lower(body)?),
        },
        ExprKind::Foreach {
            key,
            value,
            iterable,
            body,
        } => Op::Foreach {
            key: Arc::from(key.name.name.as_str()),
            val: Arc::from(value.name.name.as_str()),
            iter: Box::new(lower(iterable)?),
            body: Box::new(lower(body)?),
        },
    };
    Ok(Code { op, span })
}

/// A constant test of `if`/`while` must be a boolean (checked when built).
fn bool_cond(c: Code, what: &str) -> LResult<Code> {
    match c.as_const() {
        Some(Value::Bool(_)) | None => Ok(c),
        Some(_) => Err(LowerError {
            class: ErrorClass::Syntax,
            message: format!("test in {what} statement must evaluate to a boolean"),
            span: c.span,
        }),
    }
}

fn literal(l: &Literal) -> Value {
    match l {
        Literal::Long(n) => Value::Long(*n),
        Literal::Double(x) => Value::Double(*x),
        Literal::Str(s) => Value::str(s),
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Undef => Value::Undef,
        Literal::Null => Value::Null,
    }
}

fn var(v: &VarRef) -> LResult<(Arc<str>, Vec<Code>)> {
    let subs = v
        .subscripts
        .iter()
        .map(lower)
        .collect::<LResult<Vec<_>>>()?;
    Ok((Arc::from(v.name.name.as_str()), subs))
}

fn call(name: &str, args: &[Expr], span: Span) -> LResult<Code> {
    let args = args.iter().map(lower).collect::<LResult<Vec<_>>>()?;
    for a in &args {
        if matches!(
            &a.op,
            Op::Ctx {
                f: CtxFn::ErrorFn,
                ..
            }
        ) {
            return Err(LowerError {
                class: ErrorClass::Syntax,
                message: "error() may not appear in a restricted context (either variable indices or function arguments)".into(),
                span: a.span,
            });
        }
    }
    if let Some(f) = CtxFn::lookup(name) {
        check_ctx_args(f, name, &args, span)?;
        return Ok(Code {
            op: Op::Ctx {
                f,
                name: Arc::from(name),
                args,
            },
            span,
        });
    }
    if let Some(def) = builtins::lookup(name) {
        let consts: Vec<Option<&Value>> = args.iter().map(|a| a.as_const()).collect();
        (def.check)(&consts).map_err(|e| LowerError::from_builtin(e, span))?;
        return Ok(Code {
            op: Op::Pure { def, args },
            span,
        });
    }
    Ok(Code {
        op: Op::User {
            name: Arc::from(name),
            args,
        },
        span,
    })
}

/// Argument-count and argument-kind checks panc makes when it builds these calls.
fn check_ctx_args(f: CtxFn, name: &str, args: &[Code], span: Span) -> LResult<()> {
    use CtxFn::*;
    let n = args.len();
    let syntax = |message: String| {
        Err(LowerError {
            class: ErrorClass::Syntax,
            message,
            span,
        })
    };
    let (min, max): (usize, usize) = match f {
        ListFn | DictFn | Merge | Debug | Deprecated | Return | Traceback => (0, usize::MAX),
        Append | Prepend => (1, 2),
        Splice => (3, 4),
        Delete | CloneFn | Exists | IsDefined | PathExists | IfExists | FileExists => (1, 1),
        ValueFn => (1, 2),
        IsBoolean | IsLong | IsDouble | IsString | IsList | IsDict | IsNull | IsNumber
        | IsProperty | IsResource => (1, 1),
        IsValid => (2, 2),
        Create => (1, usize::MAX),
        First | Next => (3, 3),
        KeyFn => (2, 2),
        ErrorFn => (1, usize::MAX),
        FileContents => (1, 2),
    };
    if n < min || n > max {
        return syntax(if min == max {
            format!(
                "{name}() requires exactly {min} argument{}",
                if min == 1 { "" } else { "s" }
            )
        } else if n < min {
            format!(
                "{name}() requires at least {min} argument{}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name}() accepts at most {max} argument{}",
                if max == 1 { "" } else { "s" }
            )
        });
    }
    match f {
        Deprecated if n != 2 => syntax("deprecated() requires exactly 2 arguments".into()),
        Return if n != 1 => syntax("return() requires exactly 1 argument".into()),
        First | Next => {
            for a in &args[1..] {
                let undef = matches!(a.as_const(), Some(Value::Undef));
                if !undef && !matches!(&a.op, Op::Var { subs, .. } if subs.is_empty()) {
                    return syntax(format!(
                        "{name}() requires variable references for its last two arguments"
                    ));
                }
            }
            Ok(())
        }
        Delete => match &args[0].op {
            Op::Var { .. } => Ok(()),
            _ => syntax("delete() requires a variable reference as its argument".into()),
        },
        DictFn => {
            if !n.is_multiple_of(2) {
                return syntax(format!("{name}() requires an even number of arguments"));
            }
            let mut seen: Vec<&str> = Vec::new();
            for pair in args.chunks(2) {
                match pair[0].as_const() {
                    Some(Value::Str(k)) => {
                        if let Err(m) = crate::path::check_key(k) {
                            return syntax(m);
                        }
                        if k.bytes().all(|b| b.is_ascii_digit()) {
                            return syntax(format!("invalid path term or nlist key: '{k}'"));
                        }
                        if seen.contains(&&**k) {
                            return syntax(format!("duplicate key ({k}) in nlist function"));
                        }
                        seen.push(k);
                    }
                    Some(other) => {
                        return syntax(format!(
                            "{name}() keys must be strings; {} found",
                            other.type_name()
                        ));
                    }
                    None => {}
                }
            }
            Ok(())
        }
        Create if !(n - 1).is_multiple_of(2) => {
            syntax("create() requires a template name followed by key/value pairs".into())
        }
        Merge if n == 0 => syntax("merge() requires at least one argument".into()),
        Append | Prepend => {
            if n == 2 {
                if let Some(v) = args[0].as_const() {
                    if !matches!(v, Value::List(_)) {
                        return syntax(format!(
                            "first argument of {name}() must be a variable reference or a list"
                        ));
                    }
                }
            }
            if matches!(args[n - 1].as_const(), Some(Value::Null)) {
                return syntax(format!("{name}() cannot add null to a list"));
            }
            Ok(())
        }
        PathExists => match args[0].as_const() {
            Some(Value::Str(p)) if !p.starts_with('/') && !p.contains(':') => {
                syntax("relative path is not allowed".into())
            }
            Some(Value::Str(_)) | None => Ok(()),
            Some(_) => syntax("path_exists() requires exactly one string argument".into()),
        },
        FileContents | FileExists => match args[0].as_const() {
            Some(Value::Str(p)) if !p.starts_with('/') => Ok(()),
            None => Ok(()),
            Some(_) => syntax(format!("{name}() requires a relative file name")),
        },
        Deprecated => match (args[0].as_const(), args[1].as_const()) {
            (Some(Value::Long(l)), _) if *l < 0 => {
                syntax("first argument of deprecated() must be a non-negative long".into())
            }
            (Some(Value::Long(_)) | None, Some(Value::Str(_)) | None) => Ok(()),
            _ => syntax("deprecated() requires a long and a string".into()),
        },
        Traceback | Debug => {
            if n == 0 || (f == Traceback && n != 1) {
                return syntax(format!("{name}() requires exactly one string argument"));
            }
            match args[0].as_const() {
                Some(Value::Str(_)) | None => Ok(()),
                Some(_) => syntax(format!("{name}() requires exactly one string argument")),
            }
        }
        _ => Ok(()),
    }
}
