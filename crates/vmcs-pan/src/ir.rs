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
    /// Whether `error()` or `return()` appears in this expression (they may not appear in
    /// function arguments or subscripts).
    pub exits: bool,
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
    pub fn new(op: Op, span: Span) -> Code {
        let mut exits = matches!(
            op,
            Op::Ctx {
                f: CtxFn::ErrorFn | CtxFn::Return,
                ..
            }
        );
        op.for_each_child(|c| exits |= c.exits);
        Code { op, span, exits }
    }

    pub fn as_const(&self) -> Option<&Value> {
        match &self.op {
            Op::Const(v) => Some(v),
            _ => None,
        }
    }

    /// The first expression in this one (itself included, depth first) that `pred` accepts.
    pub fn find(&self, pred: impl Fn(&Code) -> bool) -> Option<&Code> {
        let mut todo = vec![self];
        while let Some(c) = todo.pop() {
            if pred(c) {
                return Some(c);
            }
            let at = todo.len();
            c.op.for_each_child(|k| todo.push(k));
            todo[at..].reverse();
        }
        None
    }
}

impl Op {
    /// Call `f` on every direct sub-expression.
    pub fn for_each_child<'a>(&'a self, mut f: impl FnMut(&'a Code)) {
        match self {
            Op::Const(_) => {}
            Op::Var { subs, .. } => subs.iter().for_each(f),
            Op::Assign { subs, value, .. } => {
                subs.iter().for_each(&mut f);
                f(value);
            }
            Op::Pure { args, .. } | Op::Ctx { args, .. } | Op::User { args, .. } => {
                args.iter().for_each(f)
            }
            Op::Unary { e, .. } => f(e),
            Op::Binary { l, r, .. } | Op::And(l, r) | Op::Or(l, r) => {
                f(l);
                f(r);
            }
            Op::Block(items) => items.iter().for_each(f),
            Op::If { cond, then, els } => {
                f(cond);
                f(then);
                if let Some(e) = els {
                    f(e);
                }
            }
            Op::While { cond, body } => {
                f(cond);
                f(body);
            }
            Op::For {
                init,
                cond,
                step,
                body,
            } => {
                f(init);
                f(cond);
                f(step);
                f(body);
            }
            Op::Foreach { iter, body, .. } => {
                f(iter);
                f(body);
            }
        }
    }
}

/// The automatic variables: set by the compiler, never called as functions.
const AUTOMATIC: [&str; 6] = ["SELF", "OBJECT", "TEMPLATE", "FUNCTION", "ARGV", "ARGC"];

/// A variable that a template may not set (SELF only through its children).
fn check_settable(name: &str, span: Span) -> LResult<()> {
    if matches!(name, "OBJECT" | "FUNCTION" | "TEMPLATE") {
        return Err(syntax(
            format!("automatic variable ({name}) may not be set directly"),
            span,
        ));
    }
    Ok(())
}

fn syntax(message: String, span: Span) -> LowerError {
    LowerError {
        class: ErrorClass::Syntax,
        message,
        span,
    }
}

/// Function arguments and subscripts are restricted: `error()` and `return()` may not
/// appear in them.
fn check_restricted(codes: &[Code]) -> LResult<()> {
    for c in codes.iter().filter(|c| c.exits) {
        if let Some(Code {
            op: Op::Ctx { name, .. },
            span,
            ..
        }) = c.find(|k| {
            matches!(
                k.op,
                Op::Ctx {
                    f: CtxFn::ErrorFn | CtxFn::Return,
                    ..
                }
            )
        }) {
            return Err(syntax(
                format!("{name}() may not appear in a restricted context (either variable indices or function arguments)"),
                *span,
            ));
        }
    }
    Ok(())
}

/// The constant subscripts of an assignment target must be valid path terms.
fn check_static_terms(subs: &[Code], span: Span) -> LResult<()> {
    for (i, s) in subs.iter().enumerate() {
        let ok = match s.as_const() {
            None | Some(Value::Long(_)) => true,
            Some(Value::Str(k)) => {
                k.bytes().all(|b| b.is_ascii_digit()) && !k.is_empty()
                    || crate::path::normalize_key(k).is_ok()
            }
            Some(_) => false,
        };
        if !ok {
            return Err(syntax(format!("index {i} is not a valid term"), span));
        }
    }
    Ok(())
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
    if crate::stack::exhausted() {
        return Err(syntax(
            "expression nested too deeply: the compiler's stack is exhausted".into(),
            span,
        ));
    }
    let op = match &e.kind {
        ExprKind::Literal(l) => Op::Const(literal(l)),
        ExprKind::Var(v) => {
            let (name, subs) = var(v)?;
            Op::Var { name, subs }
        }
        ExprKind::Assign { target, value } => {
            let (name, subs) = var(target)?;
            check_settable(&name, span)?;
            check_static_terms(&subs, span)?;
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
        } => {
            check_settable(&key.name.name, key.span)?;
            check_settable(&value.name.name, value.span)?;
            Op::Foreach {
                key: Arc::from(key.name.name.as_str()),
                val: Arc::from(value.name.name.as_str()),
                iter: Box::new(lower(iterable)?),
                body: Box::new(lower(body)?),
            }
        }
    };
    Ok(Code::new(op, span))
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
    check_restricted(&subs)?;
    Ok((Arc::from(v.name.name.as_str()), subs))
}

fn call(name: &str, args: &[Expr], span: Span) -> LResult<Code> {
    let args = args.iter().map(lower).collect::<LResult<Vec<_>>>()?;
    check_restricted(&args)?;
    if AUTOMATIC.contains(&name) {
        return Err(syntax(format!("{name} cannot be used as a function"), span));
    }
    if let Some(f) = CtxFn::lookup(name) {
        check_ctx_args(f, name, &args, span)?;
        let op = Op::Ctx {
            f,
            name: Arc::from(name),
            args,
        };
        return Ok(Code::new(op, span));
    }
    if let Some(def) = builtins::lookup(name) {
        let consts: Vec<Option<&Value>> = args.iter().map(|a| a.as_const()).collect();
        (def.check)(&consts).map_err(|e| LowerError::from_builtin(e, span))?;
        return Ok(Code::new(Op::Pure { def, args }, span));
    }
    let op = Op::User {
        name: Arc::from(name),
        args,
    };
    Ok(Code::new(op, span))
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
    // panc words small counts: "requires exactly two arguments".
    let count = |n: usize| match n {
        1 => "one argument".to_string(),
        2 => "two arguments".to_string(),
        3 => "three arguments".to_string(),
        n => format!("{n} arguments"),
    };
    if n < min || n > max {
        return syntax(if min == max {
            format!("{name}() requires exactly {}", count(min))
        } else if n < min {
            format!("{name}() requires at least {}", count(min))
        } else {
            format!("{name}() accepts at most {}", count(max))
        });
    }
    match f {
        Deprecated if n != 2 => syntax("deprecated() requires exactly two arguments".into()),
        Return if n != 1 => syntax("return() requires exactly one argument".into()),
        IsValid if !matches!(&args[0].op, Op::Var { .. }) => {
            syntax("is_valid() requires the first argument to be a type".into())
        }
        First | Next => {
            for a in &args[1..] {
                match &a.op {
                    Op::Var { name: var, subs } => {
                        check_settable(var, a.span)?;
                        check_static_terms(subs, a.span)?;
                    }
                    Op::Const(Value::Undef) => {}
                    _ => {
                        return syntax(format!(
                            "{name}() requires variable references for its last two arguments"
                        ))
                    }
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
            // A set of the keys: a large constant dict is checked in linear time.
            let mut seen: std::collections::HashSet<Arc<str>> = Default::default();
            for pair in args.chunks(2) {
                match pair[0].as_const() {
                    Some(Value::Str(k)) => {
                        if k.bytes().all(|b| b.is_ascii_digit()) && !k.is_empty() {
                            return syntax(format!("invalid path term or nlist key: '{k}'"));
                        }
                        let key = match crate::path::normalize_key(k) {
                            Ok(key) => key,
                            Err(m) => return syntax(m),
                        };
                        if !seen.insert(key) {
                            return syntax(format!("duplicate key ({k}) in nlist function"));
                        }
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
