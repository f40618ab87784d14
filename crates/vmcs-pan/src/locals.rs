//! Variables as the evaluator sees them: locals (bindings into the context's heap, so that
//! they share resources as panc's references do), ARGV, SELF (the profile element or global
//! variable being defined), the automatic variables and the globals.

use crate::ctx::{Ctx, EResult, SelfSlot, Unwind};
use crate::error::ErrorClass;
use crate::heap::Binding;
use crate::ir::{Code, Op};
use crate::path::Term;
use crate::tree::{self, Written};
use crate::value::{Key, Value};
use std::sync::Arc;
use vmcs_syntax::Span;

/// What a variable reference designates: a reference to a local resource, or a value.
pub enum Place {
    View(Binding),
    Value(Value),
}

impl Ctx<'_> {
    pub fn has_local(&self, name: &str) -> bool {
        self.local(name).is_some()
    }

    pub(crate) fn local(&self, name: &str) -> Option<usize> {
        self.locals.iter().rposition(|(n, _)| &**n == name)
    }

    /// Whether `name` designates resources of this context (a local, ARGV in a function, or
    /// SELF where there is one).
    pub(crate) fn is_local_place(&self, name: &str) -> bool {
        self.has_local(name)
            || (name == "ARGV" && self.args.is_some())
            || (name == "SELF" && !matches!(self.self_, SelfSlot::None))
    }

    /// Give `name` a new value (a fresh resource, not shared with anything).
    pub fn set_local(&mut self, name: &Arc<str>, v: Value) {
        if let Some(i) = self.local(name) {
            if self.heap.is_sole_owner(&self.locals[i].1) {
                let b = self.locals[i].1.clone();
                self.heap.overwrite(&b, v);
                return;
            }
        }
        let b = self.heap.alloc(v);
        self.rebind(name, b);
    }

    /// The whole value a binding's cell holds: a heap cell, or SELF.
    fn cell_value(&self, b: &Binding) -> Option<&Value> {
        if !b.is_self() {
            return self.heap.cell(b);
        }
        match &self.self_ {
            SelfSlot::Path(t) => tree::get(&self.st.root, t),
            SelfSlot::Global(n) => self.st.globals.get(n).map(|g| &g.value),
            SelfSlot::ReadOnly(v) => Some(v),
            SelfSlot::None => None,
        }
    }

    /// The value a binding refers to (`None` if it no longer exists).
    pub(crate) fn value_of(&self, b: &Binding) -> Option<&Value> {
        tree::get(self.cell_value(b)?, b.path())
    }

    /// The cell of a binding, for writing.
    fn cell_mut(&mut self, b: &Binding) -> Result<&mut Value, String> {
        if !b.is_self() {
            return Ok(self.heap.cell_mut(b));
        }
        match &self.self_ {
            SelfSlot::Path(t) => {
                let t = t.clone();
                tree::get_mut_create(&mut self.st.root, &t)
            }
            SelfSlot::Global(n) => {
                let n = n.clone();
                self.st
                    .globals
                    .get_mut(&n)
                    .map(|g| &mut g.value)
                    .ok_or_else(|| "SELF is not defined in this context".to_string())
            }
            SelfSlot::ReadOnly(_) => Err("cannot modify SELF in this context".into()),
            SelfSlot::None => Err("SELF is not defined in this context".into()),
        }
    }

    /// Make `name` refer to `b`.
    pub(crate) fn rebind(&mut self, name: &Arc<str>, b: Binding) {
        match self.local(name) {
            Some(i) => {
                let old = std::mem::replace(&mut self.locals[i].1, b);
                self.heap.release(old);
            }
            None => self.locals.push((name.clone(), b)),
        }
    }

    /// Forget the local `name` (`delete(x)`).
    pub fn remove_local(&mut self, name: &str) {
        while let Some(i) = self.local(name) {
            let (_, b) = self.locals.remove(i);
            self.heap.release(b);
        }
    }

    /// The value of a variable without subscripts, or `None` if undefined.
    pub fn lookup_var(&self, name: &str, span: Span) -> EResult<Option<Value>> {
        if let Some(i) = self.local(name) {
            return Ok(self.value_of(&self.locals[i].1).cloned());
        }
        match name {
            "SELF" => return self.read_self(span).map(Some),
            "ARGC" | "ARGV" => {
                if let Some((_, argv)) = &self.args {
                    return Ok(Some(if name == "ARGC" {
                        Value::Long(argv.len() as i64)
                    } else {
                        Value::list(
                            argv.iter()
                                .map(|b| self.value_of(b).cloned().unwrap_or_default())
                                .collect(),
                        )
                    }));
                }
            }
            "FUNCTION" => {
                if let Some((n, _)) = &self.args {
                    return Ok(Some(Value::Str(n.clone())));
                }
            }
            _ => {}
        }
        if self.st.compile_time {
            return Err(self.err(
                span,
                format!("variable '{name}' is not available at compile time"),
            ));
        }
        match name {
            "OBJECT" => return Ok(Some(Value::Str(self.st.object.clone()))),
            "TEMPLATE" => return Ok(self.st.dml_template.clone().map(Value::Str)),
            _ => {}
        }
        Ok(self.st.globals.get(name).map(|g| g.value.clone()))
    }

    /// The value of `name[subs...]`.
    pub(crate) fn read_var(
        &mut self,
        name: &Arc<str>,
        subs: &[Code],
        span: Span,
    ) -> EResult<Value> {
        match self.place(name, subs, span, false)? {
            Place::Value(v) => Ok(v),
            Place::View(b) => {
                let v = self.value_of(&b).cloned().unwrap_or_default();
                self.heap.release(b);
                Ok(v)
            }
        }
    }

    /// What `name[subs...]` designates; with `want_view`, a resource of a local (or of an
    /// argument) comes back as a new reference to it.
    pub(crate) fn place(
        &mut self,
        name: &Arc<str>,
        subs: &[Code],
        span: Span,
        want_view: bool,
    ) -> EResult<Place> {
        let mut keys = Vec::with_capacity(subs.len());
        for s in subs {
            keys.push(self.eval(s)?);
        }
        // A local (or an element of ARGV): follow the keys inside the heap.
        let base = match self.local(name) {
            Some(i) => Some((self.locals[i].1.clone(), 0)),
            None if &**name == "SELF" && !matches!(self.self_, SelfSlot::None) => {
                Some((Binding::self_ref(), 0))
            }
            None if &**name == "ARGV" => match (&self.args, keys.first()) {
                (Some((_, argv)), Some(Value::Long(i))) => {
                    let i = if *i < 0 { *i + argv.len() as i64 } else { *i };
                    usize::try_from(i)
                        .ok()
                        .and_then(|i| argv.get(i))
                        .map(|b| (b.clone(), 1))
                }
                _ => None,
            },
            None => None,
        };
        if let Some((b, skip)) = base {
            let mut terms = Vec::with_capacity(keys.len());
            let mut cur = self.value_of(&b);
            // Below a shared (panc: protected) part of SELF, references are copies.
            let mut protected = b.is_self() && cur.is_some_and(Value::is_shared);
            for (i, k) in keys.iter().enumerate().skip(skip) {
                let c = cur.unwrap_or(&Value::Undef);
                match child_term(c, k) {
                    Ok(Some((t, v))) => {
                        terms.push(t);
                        protected |= b.is_self() && v.is_shared();
                        cur = Some(v);
                    }
                    Ok(None) => return Err(self.undefined(name, &keys[..=i], span)),
                    Err(m) => return Err(self.err(span, m)),
                }
            }
            let Some(found) = cur else {
                return Err(self.undefined(name, &keys, span));
            };
            if want_view && found.is_resource() && !protected {
                return Ok(Place::View(self.heap.view(&b, &terms)));
            }
            return Ok(Place::Value(found.clone()));
        }
        let Some(mut v) = self.lookup_var(name, span)? else {
            let mut e = self.err(span, format!("variable named '{name}' is undefined"));
            if let Unwind::Error(err) = &mut e {
                err.hint = Some(self.suggest_variable(name));
            }
            return Err(e);
        };
        for (i, k) in keys.iter().enumerate() {
            v = match subscript(&v, k) {
                Ok(Some(c)) => c.clone(),
                Ok(None) => return Err(self.undefined(name, &keys[..=i], span)),
                Err(m) => return Err(self.err(span, m)),
            };
        }
        Ok(Place::Value(v))
    }

    fn undefined(&self, name: &str, keys: &[Value], span: Span) -> Unwind {
        let mut shown = name.to_string();
        for k in keys {
            shown.push('[');
            shown.push_str(&crate::render_value(k));
            shown.push(']');
        }
        self.err(span, format!("variable named '{shown}' is undefined"))
    }

    /// A hint for an undefined variable: a close name in scope, or how to define one.
    fn suggest_variable(&self, name: &str) -> String {
        let candidates = self
            .locals
            .iter()
            .map(|(n, _)| n.to_string())
            .chain(self.st.globals.keys().map(|k| k.to_string()))
            .chain(
                ["SELF", "ARGV", "ARGC", "OBJECT", "FUNCTION", "TEMPLATE"]
                    .iter()
                    .map(|s| s.to_string()),
            );
        let best = candidates
            .map(|c| (edit_distance(&c.to_lowercase(), &name.to_lowercase()), c))
            .filter(|(d, c)| *d <= 2.max(c.len() / 4))
            .min();
        match best {
            Some((_, c)) => format!("did you mean `{c}`?"),
            None => {
                format!("define it first with `variable {name} = ...;` or assign it in this block")
            }
        }
    }

    /// `name[subs...] = value` as an expression: a local resource on the right is shared,
    /// not copied, when there are no subscripts on the left (`y = x['a']`).
    pub(crate) fn eval_assign(
        &mut self,
        name: &Arc<str>,
        subs: &[Code],
        value: &Code,
        span: Span,
    ) -> EResult<Value> {
        if subs.is_empty() && &**name != "SELF" {
            if let Op::Var {
                name: src,
                subs: ssubs,
            } = &value.op
            {
                if self.is_local_place(src) {
                    if let Place::View(b) = self.place(src, ssubs, value.span, true)? {
                        let v = self.value_of(&b).cloned().unwrap_or_default();
                        if let Err(e) = self.check_assignable(name, &v, span) {
                            self.heap.release(b);
                            return Err(e);
                        }
                        self.rebind(name, b);
                        return Ok(v);
                    }
                }
            }
        }
        let v = self.eval(value)?;
        self.assign_var(name, subs, v.clone(), span)?;
        Ok(v)
    }

    /// Whether `name = v` is allowed: not a global, and a local keeps its type.
    fn check_assignable(&self, name: &str, v: &Value, span: Span) -> EResult<()> {
        self.check_not_global(name, span)?;
        if let Some(i) = self.local(name) {
            if let Some(m) = self
                .value_of(&self.locals[i].1)
                .and_then(|old| tree::replace_error(old, v))
            {
                return Err(self.err(span, m));
            }
        }
        Ok(())
    }

    fn check_not_global(&self, name: &str, span: Span) -> EResult<()> {
        if matches!(name, "OBJECT" | "FUNCTION" | "TEMPLATE") {
            return Err(self.err_class(
                ErrorClass::Syntax,
                span,
                format!("automatic variable ({name}) may not be set directly"),
            ));
        }
        if self.local(name).is_none() && !self.st.compile_time && self.st.globals.contains_key(name)
        {
            return Err(self.err(
                span,
                format!("global variable '{name}' cannot be modified from DML block"),
            ));
        }
        Ok(())
    }

    /// `name[subs...] = v`
    pub fn assign_var(
        &mut self,
        name: &Arc<str>,
        subs: &[Code],
        v: Value,
        span: Span,
    ) -> EResult<()> {
        let mut keys = Vec::with_capacity(subs.len());
        for s in subs {
            keys.push(self.eval(s)?);
        }
        self.assign_keys(name, &keys, v, span)
    }

    /// `name[keys...] = v` with the subscripts evaluated.
    pub(crate) fn assign_keys(
        &mut self,
        name: &Arc<str>,
        keys: &[Value],
        v: Value,
        span: Span,
    ) -> EResult<()> {
        if &**name == "SELF" && self.local(name).is_none() {
            if keys.is_empty() {
                return self.set_self(v, span);
            }
            return self.write_self(keys, v, span);
        }
        if keys.is_empty() {
            self.check_assignable(name, &v, span)?;
            self.set_local(name, v);
            return Ok(());
        }
        self.check_not_global(name, span)?;
        // An element of ARGV refers to the caller's argument: write through it.
        if &**name == "ARGV" && self.local(name).is_none() {
            if let (Some((_, argv)), Value::Long(i)) = (&self.args, &keys[0]) {
                let i = if *i < 0 { *i + argv.len() as i64 } else { *i };
                if let Some(b) = usize::try_from(i).ok().and_then(|i| argv.get(i)).cloned() {
                    if keys.len() > 1 {
                        return self
                            .write_binding(&b, &keys[1..], v)
                            .map_err(|m| self.err(span, m));
                    }
                }
            }
        }
        let b = match self.local(name) {
            Some(i) => self.locals[i].1.clone(),
            None => {
                // ARGV and friends start from their current value.
                let start = if matches!(&**name, "ARGV" | "ARGC") {
                    self.lookup_var(name, span)?.unwrap_or_default()
                } else {
                    Value::Undef
                };
                let b = self.heap.alloc(start);
                self.locals.push((name.clone(), b.clone()));
                b
            }
        };
        self.write_binding(&b, keys, v)
            .map_err(|m| self.err(span, m))
    }

    /// Write `v` at `keys` below what `b` refers to; bindings into the replaced element
    /// keep it, bindings to later elements of a list that loses one follow their element.
    pub(crate) fn write_binding(
        &mut self,
        b: &Binding,
        keys: &[Value],
        v: Value,
    ) -> Result<(), String> {
        let terms = tree::resolve_keys(self.value_of(b), keys)?;
        let mut full = b.path().to_vec();
        full.extend(terms);
        self.detach(b, &full);
        let written = tree::write(self.cell_mut(b)?, &full, v)?;
        if let Written::RemovedFromList(len, index) = written {
            if self.heap.has_views() {
                let list = full[..len].to_vec();
                self.for_each_binding(|heap, it| heap.shift(b, &list, index + 1, -1, it));
            }
        }
        Ok(())
    }

    /// The element at `at` of `b`'s cell is about to change: references into it keep it.
    fn detach(&mut self, b: &Binding, at: &[Term]) {
        if self.heap.has_views() {
            let old = self
                .cell_value(b)
                .and_then(|c| tree::get(c, at))
                .cloned()
                .unwrap_or_default();
            self.for_each_binding(|heap, it| heap.detach(b, at, old, it));
        }
    }

    /// Change the list at `name[keys...]` in place (creating it when undefined), as
    /// `append`/`prepend` do; `front` tells that elements moved up by one.
    pub(crate) fn modify_list(
        &mut self,
        name: &Arc<str>,
        keys: &[Value],
        front: bool,
        f: impl FnOnce(&mut crate::value::List),
        span: Span,
    ) -> EResult<Value> {
        let b = match self.local(name) {
            Some(i) => self.locals[i].1.clone(),
            None if &**name == "SELF" => Binding::self_ref(),
            None => {
                self.check_not_global(name, span)?;
                let b = self.heap.alloc(Value::Undef);
                self.locals.push((name.clone(), b.clone()));
                b
            }
        };
        let terms = tree::resolve_keys(self.value_of(&b), keys).map_err(|m| self.err(span, m))?;
        let mut full = b.path().to_vec();
        full.extend(terms);
        let r = (|| {
            let slot = tree::get_mut_create(self.cell_mut(&b)?, &full)?;
            if slot.is_undef() || slot.is_null() {
                *slot = Value::empty_list();
            }
            let kind = slot.type_name();
            let Some(list) = slot.list_mut() else {
                return Err(format!("referenced variable of type {kind} is not a list"));
            };
            f(list);
            Ok(slot.clone())
        })();
        let out = r.map_err(|m| self.err(span, m))?;
        if front && self.heap.has_views() {
            self.for_each_binding(|heap, it| heap.shift(&b, &full, 0, 1, it));
        }
        Ok(out)
    }

    // ------------------------------------------------------------------ SELF

    /// The current value of SELF.
    pub(crate) fn read_self(&self, span: Span) -> EResult<Value> {
        match &self.self_ {
            SelfSlot::Path(t) => Ok(tree::get(&self.st.root, t).cloned().unwrap_or_default()),
            SelfSlot::Global(n) => Ok(self
                .st
                .globals
                .get(n)
                .map(|g| g.value.clone())
                .unwrap_or_default()),
            SelfSlot::ReadOnly(v) => Ok(v.clone()),
            SelfSlot::None if self.st.compile_time => {
                Err(self.err(span, "SELF is not available at compile time"))
            }
            SelfSlot::None => Err(self.err(span, "SELF is not defined in this context")),
        }
    }

    /// `SELF[keys...] = v`, straight into the element SELF is.
    fn write_self(&mut self, keys: &[Value], v: Value, span: Span) -> EResult<()> {
        let current = self.read_self(span)?;
        let same = match (&current, &v) {
            (Value::List(a), Value::List(b)) => Arc::ptr_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Arc::ptr_eq(a, b),
            _ => false,
        };
        drop(current);
        if same {
            return Err(self.circular(span));
        }
        self.write_binding(&Binding::self_ref(), keys, v)
            .map_err(|m| self.err(span, m))
    }

    /// SELF as a whole takes a new value (`append(v)` with one argument).
    pub(crate) fn set_self(&mut self, v: Value, span: Span) -> EResult<()> {
        let b = Binding::self_ref();
        self.detach(&b, &[]);
        let r = self.cell_mut(&b).map(|slot| *slot = v);
        r.map_err(|m| self.err(span, m))
    }

    fn circular(&self, span: Span) -> Unwind {
        self.err(
            span,
            "circular data structure: SELF cannot be stored inside itself",
        )
    }
}

/// The term and child for subscript `k` of `v` (`Ok(None)` when absent).
fn child_term<'a>(v: &'a Value, k: &Value) -> Result<Option<(Term, &'a Value)>, String> {
    Ok(match (v, k) {
        (Value::List(l), Value::Long(i)) => {
            let i = if *i < 0 { *i + l.len() as i64 } else { *i };
            usize::try_from(i)
                .ok()
                .and_then(|i| l.get(i).map(|c| (Term::Index(i as u32), c)))
        }
        (Value::Dict(d), Value::Str(s)) => {
            let key = dict_key(s);
            d.get(&key).map(|c| (Term::Key(key.0.clone()), c))
        }
        _ => {
            subscript(v, k)?;
            None
        }
    })
}

/// A dict key as a subscript names it (`{text}` escaped).
fn dict_key(s: &Arc<str>) -> Key {
    if s.starts_with('{') {
        if let Ok(k) = crate::path::normalize_key(s) {
            return Key(k);
        }
    }
    Key(s.clone())
}

/// `v[k]`: list index (negative counts from the end) or dict key. `Ok(None)` when absent.
pub fn subscript<'a>(v: &'a Value, k: &Value) -> Result<Option<&'a Value>, String> {
    match (v, k) {
        (Value::List(l), Value::Long(i)) => {
            let i = if *i < 0 { *i + l.len() as i64 } else { *i };
            Ok(if i < 0 { None } else { l.get(i as usize) })
        }
        (Value::Dict(d), Value::Str(s)) => Ok(d.get(&dict_key(s))),
        (Value::Undef, _) => Ok(None),
        (Value::List(_), _) => Err(format!(
            "list index must be a long; {} found",
            k.type_name()
        )),
        (Value::Dict(_), _) => Err(format!(
            "dict key must be a string; {} found",
            k.type_name()
        )),
        _ => Err(format!(
            "cannot index a {} with {}",
            v.type_name(),
            k.type_name()
        )),
    }
}

/// Levenshtein distance, for "did you mean" hints.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
