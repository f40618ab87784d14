//! The statement runner: executes templates into an object's state (assignments with SELF,
//! variables, includes, functions, types, binds). The state itself is in `state.rs`.

pub use crate::state::{
    Global, Options, State, Warnings, DEFAULT_MAX_PROFILE_SIZE, DEFAULT_MAX_VALUE_SIZE,
};

use crate::ctx::{Ctx, SelfSlot, Unwind};
use crate::diag::{Error, Loc};
use crate::error::ErrorClass;
use crate::path::{PathKind, Term};
use crate::template::{CStmt, CompiledTemplate, UserFn, ValueSrc};
use crate::tree;
use crate::typedef::BindRec;
use crate::value::Value;
use std::collections::HashMap;
use std::sync::Arc;
use vmcs_syntax::{AssignOp, Span, TemplateKind};

/// The first cycle in a chain of includes about to include `next`: the outermost template
/// that comes back, up to where it comes back (`a`, `b`, `a`).
fn include_cycle<'a>(stack: &'a [Arc<str>], next: &'a str) -> Option<Vec<&'a str>> {
    let names: Vec<&str> = stack.iter().map(|t| &**t).chain([next]).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (j, n) in names.iter().enumerate() {
        if let Some(&i) = seen.get(n) {
            return Some(names[i..=j].to_vec());
        }
        seen.insert(n, j);
    }
    None
}

impl State {
    /// Run a template's statements into this object.
    pub fn run_template(&mut self, tpl: &Arc<CompiledTemplate>) -> Result<(), Error> {
        self.template_stack.push(tpl.name.clone());
        self.kind_stack.push(tpl.kind);
        let r = (|| {
            for stmt in tpl.stmts.iter() {
                self.run_stmt(tpl, stmt).map_err(|mut e| {
                    if e.trace.is_none() && e.class == ErrorClass::Evaluation && e.loc.is_some() {
                        e.trace = Some(self.trace());
                    }
                    e
                })?;
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

    /// Run one statement.
    fn run_stmt(&mut self, tpl: &Arc<CompiledTemplate>, stmt: &CStmt) -> Result<(), Error> {
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
            CStmt::Assign {
                path,
                op,
                is_final,
                value,
                span,
            } => {
                let mut p = path.clone();
                if p.kind == PathKind::Relative && tpl.kind == TemplateKind::Structure {
                    p.kind = PathKind::Absolute;
                }
                if p.kind != PathKind::Absolute {
                    return Err(Error::new(
                        ErrorClass::Syntax,
                        format!("relative path '{p}' used without a prefix"),
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
            } => self.define_variable(tpl, name, *op, *is_final, value, *span),
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
                let p = crate::types::bind_path(self, tpl, path, *span)?;
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

    /// `variable name = value;` (or `?=`, `final`): while the value is computed, SELF and
    /// the variable are the same (the variable exists, as undef when it is new).
    fn define_variable(
        &mut self,
        tpl: &CompiledTemplate,
        name: &Arc<str>,
        op: AssignOp,
        is_final: bool,
        value: &ValueSrc,
        span: Span,
    ) -> Result<(), Error> {
        let loc = || Self::loc(tpl, span);
        let old = match self.globals.get_mut(name) {
            Some(g) => {
                if op == AssignOp::Default && !g.value.is_undef() {
                    // The final flag is set even when the value is kept.
                    g.is_final |= is_final;
                    return Ok(());
                }
                if g.is_final {
                    return Err(Error::new(
                        ErrorClass::Evaluation,
                        format!("cannot modify final variable '{name}'"),
                    )
                    .at(loc()));
                }
                Some(g.value.clone())
            }
            None => None,
        };
        let v = match value {
            ValueSrc::Const(v) => v.clone(),
            ValueSrc::Code(c) => {
                if old.is_none() {
                    self.globals.insert(
                        name.clone(),
                        Global {
                            value: Value::Undef,
                            is_final: false,
                        },
                    );
                }
                let r = self.eval_plain(tpl, c, SelfSlot::Global(name.clone()));
                if r.is_err() && old.is_none() {
                    self.globals.remove(name);
                }
                r?
            }
        };
        if let Some(m) = old.as_ref().and_then(|o| tree::replace_error(o, &v)) {
            return Err(Error::new(ErrorClass::Evaluation, m).at(loc()));
        }
        if &**name == "LOADPATH" && !matches!(v, Value::List(_) | Value::Null | Value::Undef) {
            return Err(
                Error::new(ErrorClass::Evaluation, "LOADPATH must be a list of strings").at(loc()),
            );
        }
        self.globals
            .insert(name.clone(), Global { value: v, is_final });
        Ok(())
    }

    /// Evaluate a DML block in this object (not compile time).
    pub fn eval_plain(
        &mut self,
        tpl: &CompiledTemplate,
        code: &crate::ir::Code,
        slot: SelfSlot,
    ) -> Result<Value, Error> {
        let outer = self.dml_template.is_none();
        if outer {
            self.dml_template = Some(tpl.name.clone());
        }
        let mut ctx = Ctx::new(self, tpl.src.clone(), slot);
        let r = match ctx.eval(code) {
            Ok(v) => Ok(v),
            Err(Unwind::Error(e)) => Err(e),
            Err(Unwind::Return(v)) => Ok(v),
        };
        drop(ctx);
        if outer {
            self.dml_template = None;
        }
        r
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
        let eval_err = |m: String| Error::new(ErrorClass::Evaluation, m).at(loc.clone());
        // `-N` terms name elements of the lists as they are now.
        let resolved;
        let terms = if terms.iter().any(|t| matches!(t, Term::FromEnd(_))) {
            resolved = tree::resolve_from_end(&self.root, terms).map_err(eval_err)?;
            &resolved[..]
        } else {
            terms
        };
        let exists = tree::get(&self.root, terms).map(|v| !v.is_undef());
        if op == AssignOp::Default && exists == Some(true) {
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
                // During evaluation the target exists (as undef when it was missing) and SELF
                // is that element of the tree.
                if exists.is_none() && !terms.is_empty() {
                    tree::get_mut_create(&mut self.root, terms).map_err(eval_err)?;
                }
                let r = self.eval_plain(tpl, c, SelfSlot::Path(terms.to_vec()));
                if exists.is_none() {
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

    /// Store a value at a path with panc's replacement rules (the root stays a dict).
    pub fn store(&mut self, terms: &[Term], v: Value, loc: &Loc) -> Result<(), Error> {
        let err = |m: String| Error::new(ErrorClass::Evaluation, m).at(loc.clone());
        if terms.is_empty() {
            return match v {
                Value::Dict(_) => {
                    self.root = v;
                    self.assigned_at.push((Vec::new(), loc.clone()));
                    Ok(())
                }
                Value::Null => Err(err("cannot set root element to null".into())),
                other => Err(err(format!(
                    "root element cannot be replaced by element of type {}",
                    other.type_name()
                ))),
            };
        }
        if v.is_null() {
            tree::delete(&mut self.root, terms).map_err(err)?;
            return Ok(());
        }
        let slot = tree::get_mut_create(&mut self.root, terms).map_err(err)?;
        if let Some(m) = tree::replace_error(slot, &v) {
            return Err(err(m));
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
        if self.stack.len() + 1 >= self.opts.max_recursion {
            // An include that never ends is a cycle: name it rather than the depth it reached.
            let message = match include_cycle(&self.template_stack, name) {
                Some(chain) => format!("include cycle: {}", chain.join(" \u{2192} ")),
                None => format!("call depth limit ({}) exceeded", self.opts.max_recursion),
            };
            return Err(Error::new(ErrorClass::Evaluation, message).at(loc));
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
        self.stack.push(loc);
        let r = self.run_template(&tpl);
        self.stack.pop();
        r
    }
}
