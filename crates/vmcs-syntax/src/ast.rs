//! The Pan abstract syntax tree produced by `parse()`: templates, statements, type specs, DML.
//!
//! The tree is plain data: no evaluation, no file IO. Paths stay as the string literal the
//! user wrote (the compiler parses them, since `${VAR}` substitution comes first for bind/valid).

use crate::span::Span;

/// The kind named in a template's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TemplateKind {
    Object,
    Structure,
    Unique,
    Declaration,
    /// No modifier: `template foo;`.
    Ordinary,
}

impl TemplateKind {
    /// The word panc uses in messages (`OBJECT template cannot include STRUCTURE template`).
    pub fn upper_name(self) -> &'static str {
        match self {
            TemplateKind::Object => "OBJECT",
            TemplateKind::Structure => "STRUCTURE",
            TemplateKind::Unique => "UNIQUE",
            TemplateKind::Declaration => "DECLARATION",
            TemplateKind::Ordinary => "ORDINARY",
        }
    }
}

/// One parsed source file.
#[derive(Debug, Clone)]
pub struct Template {
    pub kind: TemplateKind,
    /// The template name as written in the header, e.g. `os/debian/base`.
    pub name: String,
    pub name_span: Span,
    /// The header: from the modifier (or `template`) to the `;`.
    pub header_span: Span,
    pub statements: Vec<Stmt>,
    /// Every annotation of the file, in source order (`@{...}`, `@name{...}`, `@name(...)`,
    /// `@name[...]`). Tools associate one with the next statement by span.
    pub annotations: Vec<Annotation>,
}

/// `@name{body}`; `name` is empty for `@{...}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub name: String,
    /// The text between the delimiters, unprocessed.
    pub body: String,
    pub span: Span,
}

/// A string literal used as a path (`'/a/b'`, `"x"`, `'other:/a'`), already unescaped.
#[derive(Debug, Clone, PartialEq)]
pub struct PathLit {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Set,
    /// `?=`: only when the target is absent or undef.
    Default,
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    /// From the first token (or `final`) to the `;`.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    /// A lone `;`.
    Noop,
    /// `include DML;`
    Include(Expr),
    /// `prefix '/path';`
    Prefix(PathLit),
    /// `[final] 'path' (= | ?=) DML;`
    Assign { path: PathLit, op: AssignOp, is_final: bool, value: Expr },
    /// `[final] variable NAME (= | ?=) DML;`
    Variable { name: Ident, op: AssignOp, is_final: bool, value: Expr },
    /// `type NAME = fullTypeSpec;`
    Type { name: Ident, spec: FullTypeSpec },
    /// `bind 'path' = fullTypeSpec;`
    Bind { path: PathLit, spec: FullTypeSpec },
    /// `valid 'path' = DML;` (panc: `bind path = element with DML`)
    Valid { path: PathLit, body: Expr },
    /// `function NAME = DML;`
    Function { name: Ident, body: Expr },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// `typeSpec [= default] [with DML]`
#[derive(Debug, Clone)]
pub struct FullTypeSpec {
    pub spec: TypeSpec,
    pub default: Option<Box<Expr>>,
    pub with: Option<Box<Expr>>,
    pub span: Span,
}

/// A base type followed by any number of `[range]`, `{range}` and `*` clauses, in source order.
#[derive(Debug, Clone)]
pub struct TypeSpec {
    pub base: BaseType,
    pub clauses: Vec<TypeClause>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum BaseType {
    /// `long`, `string(1..)`, `my_type`, ...
    Named { name: Ident, range: Option<Range>, span: Span },
    /// `choice('a', 'b')`
    Choice { choices: Vec<String>, span: Span },
    /// `[extensible] { fields } [(range)]`
    Record { extensible: bool, fields: Vec<FieldSpec>, range: Option<Range>, span: Span },
}

#[derive(Debug, Clone)]
pub enum FieldSpec {
    /// `'name' : type` (required) or `'name' ? type` (optional).
    Field { name: PathLit, required: bool, spec: FullTypeSpec, span: Span },
    /// `include other_record_type`
    Include { name: Ident, span: Span },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// `[range]`
    List,
    /// `{range}`
    Dict,
    /// `*`
    Link,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeClause {
    pub kind: ClauseKind,
    pub range: Option<Range>,
    pub span: Span,
}

/// `(min..max)`, `(min..)`, `(..max)`, `(n)` (= `n..n`). A missing bound is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `+x`
    Plus,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `~x`
    BitNot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    BitOr,
    BitXor,
    BitAnd,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "||",
            BinOp::And => "&&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Mod => "%",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Long(i64),
    Double(f64),
    /// Single-quoted, double-quoted or heredoc, already unescaped.
    Str(String),
    Bool(bool),
    Undef,
    Null,
}

/// A variable reference with optional subscripts: `x`, `x[0]`, `x['a'][i + 1]`.
#[derive(Debug, Clone)]
pub struct VarRef {
    pub name: Ident,
    pub subscripts: Vec<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// Levels of expressions in this one (a literal is 1); bounded by the parser, so that
    /// whoever walks the tree recursively stays far from the end of the stack.
    pub depth: u32,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Literal(Literal),
    Var(VarRef),
    /// `target = value` (right-associative: `a = b = 1`).
    Assign {
        target: VarRef,
        value: Box<Expr>,
    },
    /// `name(args...)`
    Call {
        name: Ident,
        args: Vec<Expr>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// All binary operators, including short-circuit `&&` and `||`.
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `{ dml; dml; ... }`: the value of the last one.
    Block(Vec<Expr>),
    If {
        cond: Box<Expr>,
        then: Box<Expr>,
        els: Option<Box<Expr>>,
    },
    While {
        cond: Box<Expr>,
        body: Box<Expr>,
    },
    For {
        init: Box<Expr>,
        cond: Box<Expr>,
        step: Box<Expr>,
        body: Box<Expr>,
    },
    Foreach {
        key: VarRef,
        value: VarRef,
        iterable: Box<Expr>,
        body: Box<Expr>,
    },
}
