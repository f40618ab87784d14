//! Grammar actions: the small constructors the lalrpop grammar calls, and the context that
//! collects the errors the grammar finds without failing (empty DML, bad `choice`).
//!
//! The grammar hands values over boxed (see `grammar.lalrpop`), hence `Box` parameters.
#![allow(clippy::boxed_local)]

use crate::ast::*;
use crate::{ErrorClass, ParseError, Span};
use std::borrow::Cow;

/// Mutable state threaded through the grammar.
#[derive(Debug, Default)]
pub struct Ctx {
    /// Errors found by grammar actions, with the offset they sort at.
    pub errors: Vec<(usize, ParseError)>,
    /// End offsets of the `;` tokens reported as empty DML statements.
    pub empty_dml_ends: Vec<usize>,
}

pub fn span(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

pub fn ident(name: &str, l: usize, r: usize) -> Ident {
    Ident { name: name.to_string(), span: span(l, r) }
}

pub fn path(text: Cow<'_, str>, l: usize, r: usize) -> PathLit {
    PathLit { text: text.into_owned(), span: span(l, r) }
}

pub fn template(
    kind: Option<(TemplateKind, usize)>,
    tpl_start: usize,
    name: Ident,
    end: usize,
    statements: Vec<Stmt>,
) -> Box<Template> {
    let (kind, start) = kind.unwrap_or((TemplateKind::Ordinary, tpl_start));
    Box::new(Template {
        kind,
        name: name.name,
        name_span: name.span,
        header_span: span(start, end),
        statements,
        annotations: Vec::new(),
    })
}

pub fn stmt(kind: StmtKind, l: usize, r: usize) -> Box<Stmt> {
    Box::new(Stmt { kind, span: span(l, r) })
}

pub fn expr(kind: ExprKind, l: usize, r: usize) -> Box<Expr> {
    node(kind, span(l, r))
}

/// An expression node, with its depth.
fn node(kind: ExprKind, span: Span) -> Box<Expr> {
    let depth = 1 + kind_depth(&kind);
    Box::new(Expr { kind, span, depth })
}

fn var_depth(v: &VarRef) -> u32 {
    v.subscripts.iter().map(|e| e.depth).max().unwrap_or(0)
}

/// The depth of the deepest sub-expression.
fn kind_depth(kind: &ExprKind) -> u32 {
    let max = |es: &mut dyn Iterator<Item = u32>| es.max().unwrap_or(0);
    match kind {
        ExprKind::Literal(_) => 0,
        ExprKind::Var(v) => var_depth(v),
        ExprKind::Assign { target, value } => var_depth(target).max(value.depth),
        ExprKind::Call { args, .. } | ExprKind::Block(args) => {
            max(&mut args.iter().map(|e| e.depth))
        }
        ExprKind::Unary { operand, .. } => operand.depth,
        ExprKind::Binary { lhs, rhs, .. } => lhs.depth.max(rhs.depth),
        ExprKind::If { cond, then, els } => {
            max(&mut [Some(cond), Some(then), els.as_ref()].into_iter().flatten().map(|e| e.depth))
        }
        ExprKind::While { cond, body } => cond.depth.max(body.depth),
        ExprKind::For { init, cond, step, body } => {
            max(&mut [init, cond, step, body].into_iter().map(|e| e.depth))
        }
        ExprKind::Foreach { key, value, iterable, body } => {
            max(&mut [var_depth(key), var_depth(value), iterable.depth, body.depth].into_iter())
        }
    }
}

/// The deepest expression accepted: the trees are walked recursively (lowering,
/// evaluation, drop), so their depth must stay far below what a stack holds. Together with
/// [`MAX_CHAIN`] this bounds every tree.
pub const MAX_DEPTH: u32 = 4000;

/// `e`, or an error and a placeholder when it is nested deeper than [`MAX_DEPTH`].
pub fn bounded(ctx: &mut Ctx, e: Box<Expr>) -> Box<Expr> {
    if e.depth <= MAX_DEPTH {
        return e;
    }
    let span = e.span;
    let message = format!("expression nested too deeply: more than {MAX_DEPTH} levels");
    let hint = Some("split it, e.g. with local variables or functions".to_string());
    ctx.errors
        .push((span.start as usize, ParseError { class: ErrorClass::Parse, message, span, hint }));
    lit(Literal::Undef, span.start as usize, span.end as usize)
}

pub fn lit(value: Literal, l: usize, r: usize) -> Box<Expr> {
    expr(ExprKind::Literal(value), l, r)
}

pub fn string(text: Cow<'_, str>, l: usize, r: usize) -> Box<Expr> {
    lit(Literal::Str(text.into_owned()), l, r)
}

pub fn var(name: Ident) -> VarRef {
    let span = name.span;
    VarRef { name, subscripts: Vec::new(), span }
}

pub fn subscript(mut v: VarRef, e: Box<Expr>, r: usize) -> VarRef {
    v.subscripts.push(*e);
    v.span.end = r as u32;
    v
}

pub fn var_expr(v: VarRef) -> Box<Expr> {
    let span = v.span;
    node(ExprKind::Var(v), span)
}

pub fn assign(ctx: &mut Ctx, target: VarRef, value: Box<Expr>) -> Box<Expr> {
    let span = target.span.to(value.span);
    bounded(ctx, node(ExprKind::Assign { target, value }, span))
}

pub fn binary(op: BinOp, lhs: Box<Expr>, rhs: Box<Expr>) -> Box<Expr> {
    let span = lhs.span.to(rhs.span);
    node(ExprKind::Binary { op, lhs, rhs }, span)
}

/// The longest operator chain accepted: the tree of a longer one would be deep enough to
/// overflow the stack of whoever walks it recursively.
pub const MAX_CHAIN: usize = 2000;

/// Group a chain `a op b op c ...` by operator precedence; all operators are left-associative.
pub fn operation(ctx: &mut Ctx, (first, rest): (Box<Expr>, Vec<(BinOp, Box<Expr>)>)) -> Box<Expr> {
    if rest.is_empty() {
        return first;
    }
    if rest.len() > MAX_CHAIN {
        let span = first.span.to(rest[rest.len() - 1].1.span);
        let message =
            format!("expression too long: more than {MAX_CHAIN} binary operators in a row");
        let hint = Some("split it, e.g. with local variables".to_string());
        ctx.errors.push((
            span.start as usize,
            ParseError { class: ErrorClass::Parse, message, span, hint },
        ));
        return lit(Literal::Undef, span.start as usize, span.end as usize);
    }
    let mut operands = vec![first];
    let mut ops: Vec<BinOp> = Vec::new();
    let reduce = |operands: &mut Vec<Box<Expr>>, op| {
        let rhs = operands.pop();
        let lhs = operands.pop();
        if let (Some(lhs), Some(rhs)) = (lhs, rhs) {
            operands.push(binary(op, lhs, rhs));
        }
    };
    for (op, rhs) in rest {
        while let Some(&top) = ops.last() {
            if precedence(top) < precedence(op) {
                break;
            }
            ops.pop();
            reduce(&mut operands, top);
        }
        ops.push(op);
        operands.push(rhs);
    }
    while let Some(op) = ops.pop() {
        reduce(&mut operands, op);
    }
    operands.pop().unwrap_or_else(|| lit(Literal::Undef, 0, 0))
}

/// panc's binding strength of binary operators, loosest first.
fn precedence(op: BinOp) -> u8 {
    match op {
        BinOp::Or => 1,
        BinOp::And => 2,
        BinOp::BitOr => 3,
        BinOp::BitXor => 4,
        BinOp::BitAnd => 5,
        BinOp::Eq | BinOp::Ne => 6,
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 7,
        BinOp::Add | BinOp::Sub => 8,
        BinOp::Mul | BinOp::Div | BinOp::Mod => 9,
    }
}

pub fn unary(op: UnaryOp, operand: Box<Expr>, l: usize) -> Box<Expr> {
    let span = span(l, operand.span.end as usize);
    node(ExprKind::Unary { op, operand }, span)
}

pub fn call(name: Ident, args: Vec<Expr>, r: usize) -> Box<Expr> {
    let span = Span { start: name.span.start, end: r as u32 };
    node(ExprKind::Call { name, args }, span)
}

pub fn if_(cond: Box<Expr>, then: Box<Expr>, els: Option<Box<Expr>>, l: usize) -> Box<Expr> {
    let end = els.as_ref().unwrap_or(&then).span.end as usize;
    let kind = ExprKind::If { cond, then, els };
    expr(kind, l, end)
}

fn while_(cond: Box<Expr>, body: Box<Expr>, l: usize) -> Box<Expr> {
    let end = body.span.end as usize;
    expr(ExprKind::While { cond, body }, l, end)
}

fn for_(init: Box<Expr>, cond: Box<Expr>, step: Box<Expr>, body: Box<Expr>, l: usize) -> Box<Expr> {
    let end = body.span.end as usize;
    expr(ExprKind::For { init, cond, step, body }, l, end)
}

fn foreach(
    key: VarRef,
    value: VarRef,
    iterable: Box<Expr>,
    body: Box<Expr>,
    l: usize,
) -> Box<Expr> {
    let end = body.span.end as usize;
    let kind = ExprKind::Foreach { key, value, iterable, body };
    expr(kind, l, end)
}

/// A `;` where a DML statement belongs: panc's "illegal empty DML statement".
pub fn empty_dml(ctx: &mut Ctx, l: usize, r: usize) -> Box<Expr> {
    ctx.errors.push((
        l,
        ParseError {
            class: ErrorClass::Parse,
            message: "illegal empty DML statement".into(),
            span: span(l, r),
            hint: Some(
                "a DML statement must produce a value; remove the extra `;` or write `undef`"
                    .into(),
            ),
        },
    ));
    ctx.empty_dml_ends.push(r);
    lit(Literal::Undef, l, r)
}

/// Append to a list of expressions (arguments, block statements, subscripts).
pub fn push(mut list: Vec<Expr>, e: Box<Expr>) -> Vec<Expr> {
    list.push(*e);
    list
}

/// A range bound: an optional minus sign and a long literal.
pub fn bound(neg: bool, value: i64) -> i64 {
    if neg {
        value.wrapping_neg()
    } else {
        value
    }
}

pub fn range(min: Option<i64>, max: Option<i64>, l: usize, r: usize) -> Range {
    Range { min, max, span: span(l, r) }
}

/// `name(range)`; `choice` takes strings, never a range (`choice()` is not a type).
pub fn named_with_range(
    ctx: &mut Ctx,
    name: Ident,
    range: Option<Range>,
    l: usize,
    r: usize,
) -> Box<BaseType> {
    if name.name == "choice" {
        let message = "choice() requires at least one string".to_string();
        let hint = Some("list the allowed values: `choice('a', 'b')`".to_string());
        ctx.errors
            .push((l, ParseError { class: ErrorClass::Parse, message, span: span(l, r), hint }));
    }
    Box::new(BaseType::Named { name, range, span: span(l, r) })
}

/// `name(...)` with string arguments: only `choice('a', 'b')` is a type.
pub fn choice(
    ctx: &mut Ctx,
    name: Ident,
    choices: Vec<String>,
    l: usize,
    r: usize,
) -> Box<BaseType> {
    if name.name != "choice" {
        let message = format!("type `{}` takes a range, not strings", name.name);
        let hint = Some("only `choice('a', 'b', ...)` lists strings".to_string());
        ctx.errors
            .push((l, ParseError { class: ErrorClass::Parse, message, span: span(l, r), hint }));
    }
    Box::new(BaseType::Choice { choices, span: span(l, r) })
}

pub fn type_spec(base: Box<BaseType>, clauses: Vec<TypeClause>) -> Box<TypeSpec> {
    let base_span = match &*base {
        BaseType::Named { span, .. }
        | BaseType::Choice { span, .. }
        | BaseType::Record { span, .. } => *span,
    };
    let span = clauses.last().map_or(base_span, |c| base_span.to(c.span));
    Box::new(TypeSpec { base: *base, clauses, span })
}

pub fn full_type(
    spec: Box<TypeSpec>,
    default: Option<Box<Expr>>,
    with: Option<Box<Expr>>,
) -> Box<FullTypeSpec> {
    let last = with.as_ref().or(default.as_ref()).map_or(spec.span, |e| e.span);
    let span = spec.span.to(last);
    Box::new(FullTypeSpec { spec: *spec, default, with, span })
}

pub fn field(name: PathLit, required: bool, spec: Box<FullTypeSpec>) -> FieldSpec {
    let span = name.span.to(spec.span);
    FieldSpec::Field { name, required, spec: *spec, span }
}

/// A loop without its body (the grammar needs the body in two shapes, see `grammar.lalrpop`).
pub enum LoopHead {
    While(Box<Expr>),
    For(Box<Expr>, Box<Expr>, Box<Expr>),
    Foreach(VarRef, VarRef, Box<Expr>),
}

impl LoopHead {
    pub fn finish(self: Box<Self>, body: Box<Expr>, l: usize) -> Box<Expr> {
        match *self {
            LoopHead::While(cond) => while_(cond, body, l),
            LoopHead::For(init, cond, step) => for_(init, cond, step, body, l),
            LoopHead::Foreach(key, value, iterable) => foreach(key, value, iterable, body, l),
        }
    }
}
