//! Building one object: the per-object state (profile tree, globals, functions, types,
//! bindings, final paths) and the statement runner that executes templates into it.

use crate::diag::{Error, Loc};
use crate::error::ErrorClass;
use crate::eval::{Ctx, SelfSlot, Unwind, UserFn};
use crate::loader::{CStmt, CompiledTemplate, Env, ValueSrc};
use crate::output::dep::{DepKind, Dependency};
use crate::path::{Path, PathKind, Term};
use crate::tree;
use crate::types::{BindRec, TypeDef};
use crate::value::Value;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use vmcs_syntax::{AssignOp, Span, TemplateKind};

/// Compiler limits and switches that evaluation needs.
#[derive(Debug, Clone)]
pub struct Options {
    pub max_iteration: u64,
    pub max_recursion: usize,
    /// `--debug`: `debug()` prints its message on stderr.
    pub debug: bool,
    /// `--warnings`.
    pub warnings: Warnings,
}

/// What happens to warnings such as `deprecated()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Warnings {
    #[default]
    On,
    Off,
    /// Every warning is an error.
    Fatal,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_iteration: 10_000,
            max_recursion: 50,
            debug: false,
            warnings: Warnings::On,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Global {
    pub value: Value,
    pub is_final: bool,
}

/// Everything one object's build reads and writes.
pub struct State {
    /// True inside panc's CompileTimeContext: only pure, local computation works.
    pub compile_time: bool,
    pub object: Arc<str>,
    pub root: Value,
    pub globals: HashMap<Arc<str>, Global>,
    pub functions: HashMap<Arc<str>, Arc<UserFn>>,
    pub types: HashMap<Arc<str>, Arc<TypeDef>>,
    pub binds: Vec<BindRec>,
    pub finals: Vec<Vec<Term>>,
    /// Where each path was last assigned (for validation diagnostics).
    /// Append-only (no hashing on the hot path); the last entry for a path wins.
    pub assigned_at: Vec<(Vec<Term>, Loc)>,
    pub opts: Arc<Options>,
    pub env: Option<Arc<dyn Env>>,
    /// Names of the templates being executed, innermost last (`TEMPLATE`).
    pub template_stack: Vec<Arc<str>>,
    /// Kinds of the templates being executed, innermost last.
    pub kind_stack: Vec<TemplateKind>,
    pub include_depth: usize,
    /// unique/declaration templates already run for this object.
    pub once: HashSet<Arc<str>>,
    pub deps: Vec<Dependency>,
    /// Other objects whose profiles this one read.
    pub read_objects: Vec<Arc<str>>,
}

impl State {
    pub fn new(object: Arc<str>, opts: Arc<Options>, env: Option<Arc<dyn Env>>) -> State {
        State {
            compile_time: false,
            object,
            root: Value::empty_dict(),
            globals: HashMap::new(),
            functions: HashMap::new(),
            types: HashMap::new(),
            binds: Vec::new(),
            finals: Vec::new(),
            assigned_at: Vec::new(),
            opts,
            env,
            template_stack: Vec::new(),
            kind_stack: Vec::new(),
            include_depth: 0,
            once: HashSet::new(),
            deps: Vec::new(),
            read_objects: Vec::new(),
        }
    }

    /// A state for panc's compile-time evaluation of constant statements.
    pub fn compile_time() -> State {
        let mut s = State::new(Arc::from(""), Arc::new(Options::default()), None);
        s.compile_time = true;
        s
    }

    pub fn add_dep(&mut self, d: Dependency) {
        if !self
            .deps
            .iter()
            .any(|x| x.name == d.name && x.kind == d.kind)
        {
            self.deps.push(d);
        }
    }

    /// Run a template's statements into this object.
    pub fn run_template(&mut self, tpl: &Arc<CompiledTemplate>) -> Result<(), Error> {
        self.template_stack.push(tpl.name.clone());
        self.kind_stack.push(tpl.kind);
        let mut prefix: (Option<Path>, Option<Path>) = (None, None);
        let r = (|| {
            for stmt in tpl.stmts.iter() {
                self.run_stmt(tpl, stmt, &mut prefix)?;
            }
            Ok(())
        })();
        self.template_stack.pop();
        self.kind_stack.pop();
        r
    }

    fn loc(tpl: &CompiledTemplate, span: Span) -> Loc {
        Loc {
            file: tpl.src.clone(),
            span,
        }
    }

    /// Run one statement; `prefixes` holds (current prefix, last absolute prefix).
    fn run_stmt(
        &mut self,
        tpl: &Arc<CompiledTemplate>,
        stmt: &CStmt,
        prefixes: &mut (Option<Path>, Option<Path>),
    ) -> Result<(), Error> {
        let (prefix, abs_prefix) = prefixes;
        match stmt {
            CStmt::Include { code, span } => {
                let v = self.eval_plain(tpl, code, SelfSlot::None)?;
                match v {
                    Value::Undef | Value::Null => Ok(()),
                    Value::Str(name) => self.include(tpl, &name, *span),
                    other => Err(Error::new(
                        ErrorClass::Evaluation,
                        format!(
                            "include requires a string, undef or null; {} found",
                            other.type_name()
                        ),
                    )
                    .at(Self::loc(tpl, *span))),
                }
            }
            CStmt::Prefix { path } => {
                *prefix = match path {
                    Some(p) if p.kind == PathKind::Relative => match abs_prefix.as_ref() {
                        Some(cur) => Some(p.resolve(Some(cur))),
                        None => {
                            return Err(Error::new(
                                ErrorClass::Syntax,
                                format!("relative prefix '{p}' used without an absolute prefix"),
                            ))
                        }
                    },
                    other => {
                        *abs_prefix = other.clone();
                        other.clone()
                    }
                };
                Ok(())
            }
            CStmt::Assign {
                path,
                op,
                is_final,
                value,
                span,
            } => {
                let mut p = path.resolve(prefix.as_ref());
                if p.kind == PathKind::Relative && tpl.kind == TemplateKind::Structure {
                    p.kind = PathKind::Absolute;
                }
                if p.kind == PathKind::Relative {
                    return Err(Error::new(
                        ErrorClass::Syntax,
                        format!("relative path '{p}' used without a prefix"),
                    )
                    .at(Self::loc(tpl, *span)));
                }
                if let PathKind::External(_) = p.kind {
                    return Err(Error::new(
                        ErrorClass::Syntax,
                        format!("cannot assign to external path '{p}'"),
                    )
                    .at(Self::loc(tpl, *span)));
                }
                self.assign(tpl, &p.terms, *op, *is_final, value, *span)
            }
            CStmt::Variable {
                name,
                op,
                is_final,
                value,
                span,
            } => {
                let existing = self.globals.get(name);
                if let Some(g) = existing {
                    if *op == AssignOp::Default && !g.value.is_undef() {
                        return Ok(());
                    }
                    if g.is_final {
                        return Err(Error::new(
                            ErrorClass::Evaluation,
                            format!("cannot modify final variable '{name}'"),
                        )
                        .at(Self::loc(tpl, *span)));
                    }
                }
                let old = existing.map(|g| g.value.clone());
                let vname = name.clone();
                let v = match value {
                    ValueSrc::Const(v) => v.clone(),
                    ValueSrc::Code(c) => {
                        let slot = match &old {
                            Some(v) => SelfSlot::Writable(v.clone()),
                            None => SelfSlot::Writable(Value::Undef),
                        };
                        self.eval_plain(tpl, c, slot)?
                    }
                };
                if &**name == "LOADPATH"
                    && !matches!(v, Value::List(_) | Value::Null | Value::Undef)
                {
                    return Err(Error::new(
                        ErrorClass::Evaluation,
                        "LOADPATH must be a list of strings",
                    )
                    .at(Self::loc(tpl, *span)));
                }
                if let Some(m) = old.as_ref().and_then(|o| tree::replace_error(o, &v)) {
                    return Err(Error::new(ErrorClass::Evaluation, m).at(Self::loc(tpl, *span)));
                }
                self.globals.insert(
                    vname,
                    crate::object::Global {
                        value: v,
                        is_final: *is_final,
                    },
                );
                Ok(())
            }
            CStmt::Function { name, body, span } => {
                if let Some(old) = self.functions.get(name) {
                    if !(Arc::ptr_eq(&old.src, &tpl.src) && old.body.span == body.span) {
                        return Err(Error::new(
                            ErrorClass::Evaluation,
                            format!("duplicate function definition: {name}"),
                        )
                        .at(Self::loc(tpl, *span)));
                    }
                }
                self.functions.insert(
                    name.clone(),
                    Arc::new(UserFn {
                        name: name.clone(),
                        body: body.clone(),
                        src: tpl.src.clone(),
                    }),
                );
                Ok(())
            }
            CStmt::Type { name, def, span } => {
                if let Some(old) = self.types.get(name) {
                    if !Arc::ptr_eq(old, def) {
                        return Err(Error::new(
                            ErrorClass::Evaluation,
                            format!("type '{name}' is already defined"),
                        )
                        .at(Self::loc(tpl, *span)));
                    }
                }
                crate::types::check_definition(self, def, Some(name))
                    .map_err(|m| Error::new(ErrorClass::Evaluation, m).at(Self::loc(tpl, *span)))?;
                self.types.insert(name.clone(), def.clone());
                Ok(())
            }
            CStmt::Bind { path, spec, span } => {
                let p = crate::types::bind_path(self, tpl, path, prefix.as_ref(), *span)?;
                crate::types::check_definition(self, spec, None)
                    .map_err(|m| Error::new(ErrorClass::Evaluation, m).at(Self::loc(tpl, *span)))?;
                self.binds.push(BindRec {
                    path: p,
                    spec: spec.clone(),
                    loc: Self::loc(tpl, *span),
                });
                Ok(())
            }
        }
    }

    /// Evaluate a DML block in this object (not compile time).
    pub fn eval_plain(
        &mut self,
        tpl: &CompiledTemplate,
        code: &crate::ir::Code,
        slot: SelfSlot,
    ) -> Result<Value, Error> {
        let mut ctx = Ctx::new(self, tpl.src.clone(), slot);
        match ctx.eval(code) {
            Ok(v) => Ok(v),
            Err(Unwind::Error(e)) => Err(e),
            Err(Unwind::Return(v)) => Ok(v),
        }
    }

    fn final_conflict(&self, terms: &[Term]) -> Option<String> {
        for f in &self.finals {
            let n = f.len().min(terms.len());
            if f[..n] == terms[..n] {
                return Some(format!(
                    "{} cannot be modified; {} is marked as final",
                    tree::format_terms(terms),
                    tree::format_terms(f)
                ));
            }
        }
        None
    }

    fn assign(
        &mut self,
        tpl: &Arc<CompiledTemplate>,
        terms: &[Term],
        op: AssignOp,
        is_final: bool,
        value: &ValueSrc,
        span: Span,
    ) -> Result<(), Error> {
        let loc = Self::loc(tpl, span);
        let current = tree::get(&self.root, terms).cloned();
        if op == AssignOp::Default && matches!(current, Some(ref v) if !v.is_undef()) {
            if is_final {
                self.finals.push(terms.to_vec());
            }
            return Ok(());
        }
        if let Some(msg) = self.final_conflict(terms) {
            return Err(Error::new(ErrorClass::Evaluation, msg).at(loc));
        }
        let v = match value {
            ValueSrc::Const(v) => v.clone(),
            ValueSrc::Code(c) => {
                // During evaluation the target exists (as undef when it was missing).
                if current.is_none() {
                    tree::get_mut_create(&mut self.root, terms)
                        .map_err(|m| Error::new(ErrorClass::Evaluation, m).at(loc.clone()))?;
                }
                let slot = SelfSlot::Writable(current.clone().unwrap_or(Value::Undef));
                let r = self.eval_plain(tpl, c, slot);
                if current.is_none() {
                    if let Err(e) = r {
                        let _ = tree::delete(&mut self.root, terms);
                        return Err(e);
                    }
                }
                r?
            }
        };
        self.store(terms, v, &loc)?;
        if is_final {
            self.finals.push(terms.to_vec());
        }
        Ok(())
    }

    /// Store a value at a path with panc's replacement rules.
    pub fn store(&mut self, terms: &[Term], v: Value, loc: &Loc) -> Result<(), Error> {
        if v.is_null() {
            tree::delete(&mut self.root, terms)
                .map_err(|m| Error::new(ErrorClass::Evaluation, m).at(loc.clone()))?;
            return Ok(());
        }
        let slot = tree::get_mut_create(&mut self.root, terms)
            .map_err(|m| Error::new(ErrorClass::Evaluation, m).at(loc.clone()))?;
        if let Some(m) = tree::replace_error(slot, &v) {
            return Err(Error::new(ErrorClass::Evaluation, m).at(loc.clone()));
        }
        *slot = v;
        self.assigned_at.push((terms.to_vec(), loc.clone()));
        Ok(())
    }

    fn include(
        &mut self,
        from: &Arc<CompiledTemplate>,
        name: &str,
        span: Span,
    ) -> Result<(), Error> {
        let loc = Self::loc(from, span);
        let env = self
            .env
            .clone()
            .ok_or_else(|| Error::new(ErrorClass::Evaluation, "include not available"))?;
        if self.include_depth + 1 >= self.opts.max_recursion {
            return Err(Error::new(
                ErrorClass::Evaluation,
                format!("call depth limit ({}) exceeded", self.opts.max_recursion),
            )
            .at(loc));
        }
        let tpl = env.load_template(self, name).map_err(|e| {
            if matches!(e.class, ErrorClass::Parse | ErrorClass::Syntax) && e.loc.is_some() {
                // panc reports a broken included template as an evaluation error of the includer.
                Error::new(ErrorClass::Evaluation, e.panc_form()).at(loc.clone())
            } else {
                e.at(loc.clone())
            }
        })?;
        let allowed = match from.kind {
            TemplateKind::Structure => tpl.kind == TemplateKind::Structure,
            TemplateKind::Declaration => tpl.kind == TemplateKind::Declaration,
            _ => !matches!(tpl.kind, TemplateKind::Object | TemplateKind::Structure),
        };
        match tpl.kind {
            _ if !allowed => {
                return Err(Error::new(
                    ErrorClass::Evaluation,
                    format!(
                        "{} template cannot include {} template",
                        from.kind.upper_name(),
                        tpl.kind.upper_name()
                    ),
                )
                .at(loc));
            }
            TemplateKind::Unique | TemplateKind::Declaration
                if !self.once.insert(tpl.name.clone()) =>
            {
                return Ok(());
            }
            _ => {}
        }
        self.include_depth += 1;
        let r = self.run_template(&tpl);
        self.include_depth -= 1;
        r
    }

    /// Record a dependency on a looked-up file.
    pub fn dep(&mut self, name: &str, kind: DepKind, dir: Option<std::path::PathBuf>) {
        self.add_dep(Dependency {
            name: name.to_string(),
            kind,
            dir,
        });
    }
}
