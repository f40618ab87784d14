//! Snapshot tests: the tree of each `tests/ast/*.pan` and the rendered errors of each
//! `tests/errors/*.pan`, one insta snapshot per file (named after it).
//!
//! Trees are printed compactly, one node per line with its byte span, so that a snapshot
//! shows the shape of the tree at a glance.

use std::fmt::Write;
use std::path::Path;
use vmcs_syntax::*;

fn inputs(dir: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(dir);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pan"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs in {}", dir.display());
    out
}

#[test]
fn ast() {
    for (name, src) in inputs("ast") {
        let parsed = parse(&src);
        assert!(parsed.errors.is_empty(), "{name}: {:?}", parsed.errors);
        let mut out = String::new();
        Printer { out: &mut out, depth: 0 }.template(&parsed.template.unwrap());
        insta::assert_snapshot!(format!("ast_{name}"), out);
    }
}

#[test]
fn errors() {
    for (name, src) in inputs("errors") {
        let parsed = parse(&src);
        assert!(!parsed.errors.is_empty(), "{name}: no error");
        let index = LineIndex::new(&src);
        let mut out = String::new();
        for e in &parsed.errors {
            let (l1, c1) = index.line_col(&src, e.span.start);
            let (l2, c2) = index.line_col(&src, e.span.end);
            writeln!(out, "{l1}.{c1}-{l2}.{c2} {:?}: {}", e.class, e.message).unwrap();
            if let Some(h) = &e.hint {
                writeln!(out, "  hint: {h}").unwrap();
            }
        }
        insta::assert_snapshot!(format!("errors_{name}"), out);
    }
}

struct Printer<'a> {
    out: &'a mut String,
    depth: usize,
}

impl Printer<'_> {
    fn line(&mut self, text: String, span: Span) {
        let _ =
            writeln!(self.out, "{}{text} @{}..{}", "  ".repeat(self.depth), span.start, span.end);
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }

    fn template(&mut self, t: &Template) {
        self.line(
            format!(
                "{:?} template {:?} (name @{}..{})",
                t.kind, t.name, t.name_span.start, t.name_span.end
            ),
            t.header_span,
        );
        for a in &t.annotations {
            self.line(format!("annotation {:?} {:?}", a.name, a.body), a.span);
        }
        for s in &t.statements {
            self.nested(|p| p.stmt(s));
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Noop => self.line("noop".into(), s.span),
            StmtKind::Include(e) => {
                self.line("include".into(), s.span);
                self.nested(|p| p.expr(e));
            }
            StmtKind::Prefix(path) => self.line(format!("prefix {:?}", path.text), s.span),
            StmtKind::Assign { path, op, is_final, value } => {
                self.line(format!("assign {:?} {op:?} final={is_final}", path.text), s.span);
                self.nested(|p| p.expr(value));
            }
            StmtKind::Variable { name, op, is_final, value } => {
                self.line(format!("variable {} {op:?} final={is_final}", name.name), s.span);
                self.nested(|p| p.expr(value));
            }
            StmtKind::Type { name, spec } => {
                self.line(format!("type {}", name.name), s.span);
                self.nested(|p| p.full_type(spec));
            }
            StmtKind::Bind { path, spec } => {
                self.line(format!("bind {:?}", path.text), s.span);
                self.nested(|p| p.full_type(spec));
            }
            StmtKind::Valid { path, body } => {
                self.line(format!("valid {:?}", path.text), s.span);
                self.nested(|p| p.expr(body));
            }
            StmtKind::Function { name, body } => {
                self.line(format!("function {}", name.name), s.span);
                self.nested(|p| p.expr(body));
            }
        }
    }

    fn full_type(&mut self, t: &FullTypeSpec) {
        let clauses: Vec<String> =
            t.spec.clauses.iter().map(|c| format!("{:?}{}", c.kind, range(&c.range))).collect();
        let base = match &t.spec.base {
            BaseType::Named { name, range: r, .. } => format!("{}{}", name.name, range(r)),
            BaseType::Choice { choices, .. } => format!("choice{choices:?}"),
            BaseType::Record { extensible, range: r, .. } => {
                format!("record extensible={extensible}{}", range(r))
            }
        };
        self.line(format!("{base} {clauses:?}"), t.span);
        self.nested(|p| {
            if let BaseType::Record { fields, .. } = &t.spec.base {
                for f in fields {
                    match f {
                        FieldSpec::Field { name, required, spec, span } => {
                            p.line(format!("field {:?} required={required}", name.text), *span);
                            p.nested(|p| p.full_type(spec));
                        }
                        FieldSpec::Include { name, span } => {
                            p.line(format!("include {}", name.name), *span)
                        }
                    }
                }
            }
            if let Some(d) = &t.default {
                p.line("default".into(), d.span);
                p.nested(|p| p.expr(d));
            }
            if let Some(w) = &t.with {
                p.line("with".into(), w.span);
                p.nested(|p| p.expr(w));
            }
        });
    }

    fn var(&mut self, v: &VarRef) {
        self.line(format!("var {}", v.name.name), v.span);
        self.nested(|p| v.subscripts.iter().for_each(|e| p.expr(e)));
    }

    fn expr(&mut self, e: &Expr) {
        let kids: Vec<&Expr> = match &e.kind {
            ExprKind::Literal(l) => return self.line(format!("{l:?}"), e.span),
            ExprKind::Var(v) => return self.var(v),
            ExprKind::Assign { target, value } => {
                self.line("assign".into(), e.span);
                return self.nested(|p| {
                    p.var(target);
                    p.expr(value);
                });
            }
            ExprKind::Foreach { key, value, iterable, body } => {
                self.line("foreach".into(), e.span);
                return self.nested(|p| {
                    p.var(key);
                    p.var(value);
                    p.expr(iterable);
                    p.expr(body);
                });
            }
            ExprKind::Call { name, args } => {
                self.line(format!("call {}", name.name), e.span);
                args.iter().collect()
            }
            ExprKind::Unary { op, operand } => {
                self.line(format!("{op:?}"), e.span);
                vec![operand]
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.line(format!("{op:?}"), e.span);
                vec![lhs, rhs]
            }
            ExprKind::Block(list) => {
                self.line("block".into(), e.span);
                list.iter().collect()
            }
            ExprKind::If { cond, then, els } => {
                self.line("if".into(), e.span);
                [Some(&**cond), Some(&**then), els.as_deref()].into_iter().flatten().collect()
            }
            ExprKind::While { cond, body } => {
                self.line("while".into(), e.span);
                vec![cond, body]
            }
            ExprKind::For { init, cond, step, body } => {
                self.line("for".into(), e.span);
                vec![init, cond, step, body]
            }
        };
        self.nested(|p| kids.into_iter().for_each(|k| p.expr(k)));
    }
}

fn range(r: &Option<Range>) -> String {
    match r {
        None => String::new(),
        Some(r) => format!("({:?}..{:?})", r.min, r.max),
    }
}
