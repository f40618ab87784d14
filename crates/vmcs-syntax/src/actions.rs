//! Grammar actions: the small constructors the lalrpop grammar calls, and the context that
//! collects the errors the grammar finds without failing (empty DML, bad `choice`).

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
) -> Template {
    let (kind, start) = kind.unwrap_or((TemplateKind::Ordinary, tpl_start));
    Template {
        kind,
        name: name.name,
        name_span: name.span,
        header_span: span(start, end),
        statements,
        annotations: Vec::new(),
    }
}

pub fn stmt(kind: StmtKind, l: usize, r: usize) -> Stmt {
    Stmt { kind, span: span(l, r) }
}

pub fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
    Expr { kind, span: span(l, r) }
}

pub fn lit(value: Literal, l: usize, r: usize) -> Expr {
    expr(ExprKind::Literal(value), l, r)
}

pub fn string(text: Cow<'_, str>, l: usize, r: usize) -> Expr {
    lit(Literal::Str(text.into_owned()), l, r)
}

pub fn var(name: Ident, subscripts: Vec<Expr>, r: usize) -> VarRef {
    let span = Span { start: name.span.start, end: r as u32 };
    VarRef { name, subscripts, span }
}

pub fn var_expr(v: VarRef) -> Expr {
    let span = v.span;
    Expr { kind: ExprKind::Var(v), span }
}

pub fn assign(target: VarRef, value: Expr) -> Expr {
    let span = target.span.to(value.span);
    Expr { kind: ExprKind::Assign { target, value: Box::new(value) }, span }
}

pub fn binary(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
    let span = lhs.span.to(rhs.span);
    Expr { kind: ExprKind::Binary { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span }
}

pub fn unary(op: UnaryOp, operand: Expr, l: usize) -> Expr {
    let span = span(l, operand.span.end as usize);
    Expr { kind: ExprKind::Unary { op, operand: Box::new(operand) }, span }
}

pub fn call(name: Ident, args: Vec<Expr>, r: usize) -> Expr {
    let span = Span { start: name.span.start, end: r as u32 };
    Expr { kind: ExprKind::Call { name, args }, span }
}

pub fn if_(cond: Expr, then: Expr, els: Option<Expr>, l: usize) -> Expr {
    let end = els.as_ref().unwrap_or(&then).span.end as usize;
    let kind = ExprKind::If { cond: Box::new(cond), then: Box::new(then), els: els.map(Box::new) };
    expr(kind, l, end)
}

pub fn while_(cond: Expr, body: Expr, l: usize) -> Expr {
    let end = body.span.end as usize;
    expr(ExprKind::While { cond: Box::new(cond), body: Box::new(body) }, l, end)
}

pub fn for_(init: Expr, cond: Expr, step: Expr, body: Expr, l: usize) -> Expr {
    let end = body.span.end as usize;
    let kind = ExprKind::For {
        init: Box::new(init),
        cond: Box::new(cond),
        step: Box::new(step),
        body: Box::new(body),
    };
    expr(kind, l, end)
}

pub fn foreach(key: VarRef, value: VarRef, iterable: Expr, body: Expr, l: usize) -> Expr {
    let end = body.span.end as usize;
    let kind = ExprKind::Foreach { key, value, iterable: Box::new(iterable), body: Box::new(body) };
    expr(kind, l, end)
}

/// A `;` where a DML statement belongs: panc's "illegal empty DML statement".
pub fn empty_dml(ctx: &mut Ctx, l: usize, r: usize) -> Expr {
    ctx.errors.push((
        l,
        ParseError {
            class: ErrorClass::Parse,
            message: "illegal empty DML statement".into(),
            span: span(l, r),
            hint: Some("a DML statement must produce a value; remove the extra `;` or write `undef`".into()),
        },
    ));
    ctx.empty_dml_ends.push(r);
    lit(Literal::Undef, l, r)
}

/// Call arguments: `f()`, `f(,)`, `f(a, b,)` and even `f(, a)` are all accepted by panc.
pub fn args(first: Option<Expr>, rest: Vec<Expr>) -> Vec<Expr> {
    first.into_iter().chain(rest).collect()
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

/// `name(...)` with string arguments: only `choice('a', 'b')` is a type.
pub fn choice(ctx: &mut Ctx, name: Ident, choices: Vec<String>, l: usize, r: usize) -> BaseType {
    if name.name != "choice" {
        let message = format!("type `{}` takes a range, not strings", name.name);
        let hint = Some("only `choice('a', 'b', ...)` lists strings".to_string());
        ctx.errors.push((l, ParseError { class: ErrorClass::Parse, message, span: span(l, r), hint }));
    }
    BaseType::Choice { choices, span: span(l, r) }
}

pub fn full_type(spec: TypeSpec, default: Option<Expr>, with: Option<Expr>, r: usize) -> FullTypeSpec {
    let span = Span { start: spec.span.start, end: r as u32 };
    FullTypeSpec { spec, default: default.map(Box::new), with: with.map(Box::new), span }
}

pub fn field(name: PathLit, required: bool, spec: FullTypeSpec) -> FieldSpec {
    let span = name.span.to(spec.span);
    FieldSpec::Field { name, required, spec, span }
}

/// A loop without its body (the grammar needs the body in two shapes, see `grammar.lalrpop`).
pub enum LoopHead {
    While(Expr),
    For(Expr, Expr, Expr),
    Foreach(VarRef, VarRef, Expr),
}

impl LoopHead {
    pub fn finish(self, body: Expr, l: usize) -> Expr {
        match self {
            LoopHead::While(cond) => while_(cond, body, l),
            LoopHead::For(init, cond, step) => for_(init, cond, step, body, l),
            LoopHead::Foreach(key, value, iterable) => foreach(key, value, iterable, body, l),
        }
    }
}
