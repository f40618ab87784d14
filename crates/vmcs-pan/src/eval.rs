//! The DML interpreter: variables, SELF, control flow, user functions and calls into the
//! builtin tables. Context-dependent builtins live in `ctxfns.rs`.

use crate::diag::{Error, Loc, SourceFile};
use crate::error::{BuiltinError, ErrorClass};
use crate::ir::{Code, Op};
use crate::object::State;
use crate::ops;
use crate::path::check_key;
use crate::value::{Key, Value};
use std::sync::Arc;
use vmcs_syntax::{BinOp, Span};

/// Why evaluation stopped early.
#[derive(Debug)]
pub enum Unwind {
    Error(Error),
    /// `return(value)` unwinding to the enclosing function call.
    Return(Value),
}

impl From<Error> for Unwind {
    fn from(e: Error) -> Unwind {
        Unwind::Error(e)
    }
}

pub type EResult<T> = Result<T, Unwind>;

/// A user-defined function.
#[derive(Debug)]
pub struct UserFn {
    pub name: Arc<str>,
    pub body: Code,
    pub src: Arc<SourceFile>,
}

/// What SELF refers to while a statement runs.
#[derive(Debug, Clone, Default)]
pub enum SelfSlot {
    /// No SELF here (e.g. a variable statement).
    #[default]
    None,
    /// Assignable SELF (a path assignment).
    Writable(Value),
    /// Read-only SELF (a `with` clause, a default value).
    ReadOnly(Value),
}

/// The evaluation context of one statement: the object state plus the local frame.
pub struct Ctx<'s> {
    pub st: &'s mut State,
    pub src: Arc<SourceFile>,
    pub locals: Vec<(Arc<str>, Value)>,
    pub self_: SelfSlot,
    /// ARGV of the innermost user function, with its name.
    pub args: Option<(Arc<str>, Vec<Value>)>,
    /// Locations of the calls being executed (for panc's call stack trace).
    pub calls: Vec<Loc>,
    /// `first`/`next` positions, by key variable.
    pub iterators: Vec<(Arc<str>, Value)>,
    /// Locals of the callers of the current function, outermost first.
    frames: Vec<Vec<(Arc<str>, Value)>>,
    /// panc's local variables share resources: (frame depth, name, alias group).
    aliases: Vec<(usize, Arc<str>, u32)>,
    /// Alias groups of the current function's arguments.
    arg_groups: Vec<Option<u32>>,
    next_group: u32,
}

impl<'s> Ctx<'s> {
    pub fn new(st: &'s mut State, src: Arc<SourceFile>, self_: SelfSlot) -> Ctx<'s> {
        Ctx {
            st,
            src,
            locals: Vec::new(),
            self_,
            args: None,
            calls: Vec::new(),
            iterators: Vec::new(),
            frames: Vec::new(),
            aliases: Vec::new(),
            arg_groups: Vec::new(),
            next_group: 0,
        }
    }

    pub fn loc(&self, span: Span) -> Loc {
        Loc {
            file: self.src.clone(),
            span,
        }
    }

    /// An evaluation error at `span`.
    pub fn err(&self, span: Span, msg: impl Into<String>) -> Unwind {
        self.err_class(ErrorClass::Evaluation, span, msg)
    }

    pub fn err_class(&self, class: ErrorClass, span: Span, msg: impl Into<String>) -> Unwind {
        let mut e = Error::new(class, msg).at(self.loc(span));
        e.trace = self
            .calls
            .iter()
            .rev()
            .map(|l| format!("[{}]", l.panc_form()))
            .collect();
        Unwind::from(e)
    }

    pub fn builtin_err(&self, span: Span, e: BuiltinError) -> Unwind {
        self.err_class(e.class, span, e.message)
    }

    /// panc's CompileTimeContext refuses everything that depends on the object.
    pub fn compile_time_guard(&self, span: Span, what: &str) -> EResult<()> {
        if self.st.compile_time {
            return Err(self.err(span, format!("{what} is not available at compile time")));
        }
        Ok(())
    }

    pub fn has_local(&self, name: &str) -> bool {
        self.local(name).is_some()
    }

    fn local(&self, name: &str) -> Option<usize> {
        self.locals.iter().rposition(|(n, _)| &**n == name)
    }

    pub fn set_local(&mut self, name: &Arc<str>, v: Value) {
        match self.local(name) {
            Some(i) => self.locals[i].1 = v,
            None => self.locals.push((name.clone(), v)),
        }
    }

    /// Evaluate an expression.
    pub fn eval(&mut self, c: &Code) -> EResult<Value> {
        match &c.op {
            Op::Const(v) => Ok(v.clone()),
            Op::Var { name, subs } => self.read_var(name, subs, c.span),
            Op::Assign { name, subs, value } => {
                let v = self.eval(value)?;
                self.assign_var(name, subs, v.clone(), c.span)?;
                if subs.is_empty() {
                    self.track_alias(name, value, &v);
                }
                Ok(v)
            }
            Op::Pure { def, args } if def.name == "substitute" && args.len() == 1 => {
                let t = self.eval(&args[0])?;
                let Value::Str(t) = t else {
                    return Err(self.err(c.span, "first argument to substitute() must be a string"));
                };
                let span = c.span;
                let mut lookup = |name: &str| -> Option<String> {
                    match self.lookup_var(name, span) {
                        Ok(Some(v)) => Some(crate::render_value(&v)),
                        _ => None,
                    }
                };
                crate::builtins::string::substitute_template(&t, &mut lookup)
                    .map(Value::string)
                    .map_err(|e| self.builtin_err(span, e))
            }
            Op::Pure { def, args } => {
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(self.eval(a)?);
                }
                (def.call)(&vals).map_err(|e| self.builtin_err(c.span, e))
            }
            Op::Ctx { f, name, args } => crate::ctxfns::call(self, *f, name, args, c.span),
            Op::User { name, args } => self.call_user(name, args, c.span),
            Op::Unary { op, e } => {
                let v = self.eval(e)?;
                ops::unary(*op, &v).map_err(|e| self.builtin_err(c.span, e))
            }
            Op::Binary { op, l, r } => {
                let a = self.eval(l)?;
                let b = self.eval(r)?;
                ops::binary(*op, &a, &b).map_err(|e| self.builtin_err(c.span, e))
            }
            Op::And(l, r) | Op::Or(l, r) => {
                let op = if matches!(c.op, Op::And(..)) {
                    BinOp::And
                } else {
                    BinOp::Or
                };
                let a = self.eval(l)?;
                let a =
                    ops::logical_operand(op, &a, true).map_err(|e| self.builtin_err(c.span, e))?;
                if (op == BinOp::And && !a) || (op == BinOp::Or && a) {
                    return Ok(Value::Bool(a));
                }
                let b = self.eval(r)?;
                let b =
                    ops::logical_operand(op, &b, false).map_err(|e| self.builtin_err(c.span, e))?;
                Ok(Value::Bool(b))
            }
            Op::Block(items) => {
                let mut last = Value::Undef;
                for i in items {
                    last = self.eval(i)?;
                }
                Ok(last)
            }
            Op::If { cond, then, els } => {
                let b = self.eval(cond)?;
                match b {
                    Value::Bool(true) => self.eval(then),
                    Value::Bool(false) => match els {
                        Some(e) => self.eval(e),
                        None => Ok(Value::Undef),
                    },
                    _ => {
                        Err(self.err(cond.span, "test in if statement must evaluate to a boolean"))
                    }
                }
            }
            Op::While { cond, body } => {
                let mut n = 0u64;
                let mut last = Value::Undef;
                while self.test(cond, "while")? {
                    n += 1;
                    self.check_iterations(n, c.span)?;
                    last = self.eval(body)?;
                }
                Ok(last)
            }
            Op::For {
                init,
                cond,
                step,
                body,
            } => {
                let mut last = self.eval(init)?;
                let mut n = 0u64;
                while self.test(cond, "for")? {
                    n += 1;
                    self.check_iterations(n, c.span)?;
                    last = self.eval(body)?;
                    self.eval(step)?;
                }
                Ok(last)
            }
            Op::Foreach {
                key,
                val,
                iter,
                body,
            } => {
                if let Op::Var { name, subs } = &iter.op {
                    if subs.is_empty() && self.has_local(name) {
                        return self.foreach_live(name, key, val, body, c.span);
                    }
                }
                let coll = self.eval(iter)?;
                let mut last = Value::Undef;
                let mut n = 0u64;
                match coll {
                    Value::List(l) => {
                        for (i, v) in l.iter().enumerate() {
                            n += 1;
                            self.check_iterations(n, c.span)?;
                            self.set_local(key, Value::Long(i as i64));
                            self.set_local(val, v.clone());
                            last = self.eval(body)?;
                        }
                    }
                    Value::Dict(d) => {
                        for (k, v) in d.iter() {
                            n += 1;
                            self.check_iterations(n, c.span)?;
                            self.set_local(key, Value::Str(k.0.clone()));
                            self.set_local(val, v.clone());
                            last = self.eval(body)?;
                        }
                    }
                    other => {
                        return Err(self.err(
                            iter.span,
                            format!(
                                "foreach statement requires a resource; {} found",
                                other.type_name()
                            ),
                        ))
                    }
                }
                Ok(last)
            }
        }
    }

    /// `foreach` over a local variable: appended list elements are visited; a dict that
    /// changes shape is an error, as in panc.
    fn foreach_live(
        &mut self,
        var: &Arc<str>,
        key: &Arc<str>,
        val: &Arc<str>,
        body: &Code,
        span: Span,
    ) -> EResult<Value> {
        let get = |cx: &Ctx| {
            cx.local(var)
                .map(|i| cx.locals[i].1.clone())
                .unwrap_or(Value::Undef)
        };
        let mut last = Value::Undef;
        match get(self) {
            Value::List(_) => {
                let mut i = 0usize;
                while let Some(v) = get(self).as_list().and_then(|l| l.get(i).cloned()) {
                    self.set_local(key, Value::Long(i as i64));
                    self.set_local(val, v);
                    last = self.eval(body)?;
                    i += 1;
                }
            }
            Value::Dict(d) => {
                let keys: Vec<crate::value::Key> = d.keys().cloned().collect();
                for k in keys.iter() {
                    let Value::Dict(now) = get(self) else { break };
                    if now.len() != keys.len() || !now.keys().eq(keys.iter()) {
                        return Err(
                            self.err(span, "resource changed structurally during iteration")
                        );
                    }
                    let v = now.get(k).cloned().unwrap_or(Value::Undef);
                    self.set_local(key, Value::Str(k.0.clone()));
                    self.set_local(val, v);
                    last = self.eval(body)?;
                }
                if let Value::Dict(now) = get(self) {
                    if now.len() != keys.len() {
                        return Err(
                            self.err(span, "resource changed structurally during iteration")
                        );
                    }
                }
            }
            other => {
                return Err(self.err(
                    span,
                    format!(
                        "foreach statement requires a resource; {} found",
                        other.type_name()
                    ),
                ));
            }
        }
        Ok(last)
    }

    fn group_of(&self, depth: usize, name: &str) -> Option<u32> {
        self.aliases
            .iter()
            .find(|(d, n, _)| *d == depth && &**n == name)
            .map(|(_, _, g)| *g)
    }

    fn new_group(&mut self) -> u32 {
        self.next_group += 1;
        self.next_group
    }

    /// The alias group of a local resource read by `value` (a plain local, or `ARGV[i]`).
    fn source_group(&mut self, value: &Code, v: &Value) -> Option<u32> {
        if !v.is_resource() {
            return None;
        }
        let depth = self.frames.len();
        match &value.op {
            Op::Var { name, subs } if subs.is_empty() && self.has_local(name) => {
                Some(match self.group_of(depth, name) {
                    Some(g) => g,
                    None => {
                        let g = self.new_group();
                        self.aliases.push((depth, name.clone(), g));
                        g
                    }
                })
            }
            Op::Var { name, subs }
                if &**name == "ARGV" && subs.len() == 1 && !self.has_local(name) =>
            {
                let Some(Value::Long(i)) = subs[0].as_const() else {
                    return None;
                };
                self.arg_groups.get(*i as usize).copied().flatten()
            }
            _ => None,
        }
    }

    /// After `name = value`: join `value`'s alias group, or leave any group.
    fn track_alias(&mut self, name: &Arc<str>, value: &Code, v: &Value) {
        let depth = self.frames.len();
        let g = self.source_group(value, v);
        self.aliases.retain(|(d, n, _)| !(*d == depth && n == name));
        if let Some(g) = g {
            self.aliases.push((depth, name.clone(), g));
        }
    }

    /// After a subscript write to local `name`: every alias sees the new resource.
    fn propagate_alias(&mut self, name: &Arc<str>) {
        let depth = self.frames.len();
        let Some(g) = self.group_of(depth, name) else {
            return;
        };
        let Some(i) = self.local(name) else { return };
        let v = self.locals[i].1.clone();
        let members: Vec<(usize, Arc<str>)> = self
            .aliases
            .iter()
            .filter(|(_, _, x)| *x == g)
            .map(|(d, n, _)| (*d, n.clone()))
            .collect();
        for (d, n) in members {
            let frame = if d == depth {
                &mut self.locals
            } else {
                &mut self.frames[d]
            };
            if let Some(slot) = frame.iter_mut().rev().find(|(x, _)| *x == n) {
                slot.1 = v.clone();
            }
        }
    }

    /// The test of a `while`/`for` loop: must be a boolean.
    fn test(&mut self, cond: &Code, what: &str) -> EResult<bool> {
        match self.eval(cond)? {
            Value::Bool(b) => Ok(b),
            _ => Err(self.err(
                cond.span,
                format!("test in {what} statement must evaluate to a boolean"),
            )),
        }
    }

    fn check_iterations(&self, n: u64, span: Span) -> EResult<()> {
        let max = if self.st.compile_time {
            1000
        } else {
            self.st.opts.max_iteration
        };
        if n > max {
            return Err(self.err(
                span,
                format!("loop iteration count ({max}) has been exceeded"),
            ));
        }
        Ok(())
    }

    /// The value of a variable without subscripts, or `None` if undefined.
    pub fn lookup_var(&self, name: &str, span: Span) -> EResult<Option<Value>> {
        if let Some(i) = self.local(name) {
            return Ok(Some(self.locals[i].1.clone()));
        }
        match name {
            "SELF" => {
                return match &self.self_ {
                    SelfSlot::Writable(v) | SelfSlot::ReadOnly(v) => Ok(Some(v.clone())),
                    SelfSlot::None => {
                        if self.st.compile_time {
                            Err(self.err(span, "SELF is not available at compile time"))
                        } else {
                            Err(self.err(span, "SELF is not defined in this context"))
                        }
                    }
                }
            }
            "ARGC" | "ARGV" => {
                if let Some((_, argv)) = &self.args {
                    return Ok(Some(if name == "ARGC" {
                        Value::Long(argv.len() as i64)
                    } else {
                        Value::list(argv.clone())
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
            "TEMPLATE" => return Ok(self.st.template_stack.last().map(|t| Value::Str(t.clone()))),
            _ => {}
        }
        Ok(self.st.globals.get(name).map(|g| g.value.clone()))
    }

    fn read_var(&mut self, name: &Arc<str>, subs: &[Code], span: Span) -> EResult<Value> {
        let Some(mut v) = self.lookup_var(name, span)? else {
            let mut e = self.err(span, format!("variable named '{name}' is undefined"));
            if let Unwind::Error(err) = &mut e {
                err.hint = Some(self.suggest_variable(name));
            }
            return Err(e);
        };
        let mut shown = name.to_string();
        for s in subs {
            let k = self.eval(s)?;
            shown.push('[');
            shown.push_str(&crate::render_value(&k));
            shown.push(']');
            v = match subscript(&v, &k) {
                Ok(Some(c)) => c.clone(),
                Ok(None) => {
                    return Err(self.err(span, format!("variable named '{shown}' is undefined")))
                }
                Err(m) => return Err(self.err(span, m)),
            };
        }
        Ok(v)
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
        if &**name == "SELF" && self.local(name).is_none() {
            let cur = match &mut self.self_ {
                SelfSlot::Writable(cur) => cur,
                SelfSlot::ReadOnly(_) => {
                    return Err(self.err(span, "cannot modify SELF in this context"))
                }
                SelfSlot::None => {
                    return Err(self.err(span, "SELF is not defined in this context"));
                }
            };
            let mut tmp = std::mem::take(cur);
            let r = set_sub(&mut tmp, &keys, v);
            if let SelfSlot::Writable(cur) = &mut self.self_ {
                *cur = tmp;
            }
            return r.map_err(|m| self.err(span, m));
        }
        if matches!(&**name, "OBJECT" | "FUNCTION" | "TEMPLATE" | "LOADPATH") {
            return Err(self.err(
                span,
                format!("cannot modify the reserved variable '{name}'"),
            ));
        }
        if self.local(name).is_none()
            && !self.st.compile_time
            && self.st.globals.contains_key(&**name)
        {
            return Err(self.err(
                span,
                format!("global variable '{name}' cannot be modified from DML block"),
            ));
        }
        if keys.is_empty() {
            if let Some(i) = self.local(name) {
                if let Some(m) = crate::tree::replace_error(&self.locals[i].1, &v) {
                    return Err(self.err(span, m));
                }
            }
            self.set_local(name, v);
            return Ok(());
        }
        let i = match self.local(name) {
            Some(i) => i,
            None => {
                // ARGV and friends start from their current value.
                let start = if matches!(&**name, "ARGV" | "ARGC") {
                    self.lookup_var(name, span)?.unwrap_or(Value::Undef)
                } else {
                    Value::Undef
                };
                self.locals.push((name.clone(), start));
                self.locals.len() - 1
            }
        };
        let mut tmp = std::mem::take(&mut self.locals[i].1);
        let r = set_sub(&mut tmp, &keys, v);
        self.locals[i].1 = tmp;
        if r.is_ok() {
            self.propagate_alias(name);
        }
        r.map_err(|m| {
            let class = if m.starts_with("index 0 is not a valid term") {
                ErrorClass::Syntax
            } else {
                ErrorClass::Evaluation
            };
            self.err_class(class, span, m)
        })
    }

    fn call_user(&mut self, name: &Arc<str>, args: &[Code], span: Span) -> EResult<Value> {
        if self.st.compile_time {
            return Err(self.err(span, "user functions are not available at compile time"));
        }
        let Some(f) = self.st.functions.get(name).cloned() else {
            return Err(self.err(span, format!("function '{name}' is not defined")));
        };
        let mut argv = Vec::with_capacity(args.len());
        let mut groups = Vec::with_capacity(args.len());
        for a in args {
            let v = self.eval(a)?;
            groups.push(self.source_group(a, &v));
            argv.push(v);
        }
        while matches!(argv.last(), Some(Value::Null)) {
            argv.pop();
        }
        if self.calls.len() + self.st.include_depth >= self.st.opts.max_recursion {
            return Err(self.err(
                span,
                format!("call depth limit ({}) exceeded", self.st.opts.max_recursion),
            ));
        }
        let saved_locals = std::mem::take(&mut self.locals);
        self.frames.push(saved_locals);
        let saved_groups = std::mem::replace(&mut self.arg_groups, groups);
        let saved_args = self.args.replace((name.clone(), argv));
        let saved_src = std::mem::replace(&mut self.src, f.src.clone());
        let call_loc = Loc {
            file: saved_src.clone(),
            span,
        };
        self.calls.push(call_loc);
        let r = self.eval(&f.body);
        self.calls.pop();
        self.src = saved_src;
        self.args = saved_args;
        self.arg_groups = saved_groups;
        let depth = self.frames.len();
        self.aliases.retain(|(d, _, _)| *d < depth);
        self.locals = self.frames.pop().unwrap_or_default();
        match r {
            Ok(v) => Ok(v),
            Err(Unwind::Return(v)) => Ok(v),
            Err(e) => Err(e),
        }
    }
}

/// `v[k]`: list index or dict key. `Ok(None)` when absent.
pub fn subscript<'a>(v: &'a Value, k: &Value) -> Result<Option<&'a Value>, String> {
    match (v, k) {
        (Value::List(l), Value::Long(i)) => {
            let i = if *i < 0 { *i + l.len() as i64 } else { *i };
            Ok(if i < 0 { None } else { l.get(i as usize) })
        }
        (Value::Dict(d), Value::Str(s)) => Ok(d.get(&Key(s.clone()))),
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

/// Set `root[k1][k2]... = v`, creating intermediate resources; `null` deletes.
pub fn set_sub(root: &mut Value, keys: &[Value], v: Value) -> Result<(), String> {
    let Some((last, parents)) = keys.split_last() else {
        *root = v;
        return Ok(());
    };
    let mut cur = root;
    for k in parents {
        cur = child_mut_create(cur, k)?;
    }
    if v.is_null() {
        match (cur, last) {
            (Value::Dict(d), Value::Str(s)) => {
                Arc::make_mut(d).remove(&Key(s.clone()));
            }
            (Value::List(l), Value::Long(i)) => {
                let l = Arc::make_mut(l);
                if *i >= 0 && (*i as usize) < l.len() {
                    l.remove(*i as usize);
                }
            }
            _ => {}
        }
        return Ok(());
    }
    *child_mut_create(cur, last)? = v;
    Ok(())
}

fn child_mut_create<'a>(cur: &'a mut Value, k: &Value) -> Result<&'a mut Value, String> {
    if cur.is_undef() || cur.is_null() {
        *cur = match k {
            Value::Long(_) => Value::empty_list(),
            _ => Value::empty_dict(),
        };
    }
    match (cur, k) {
        (Value::List(l), Value::Long(i)) => {
            let i = if *i < 0 { *i + l.len() as i64 } else { *i };
            if i < 0 {
                return Err(format!("list index {i} is out of range"));
            }
            let l = Arc::make_mut(l);
            let i = i as usize;
            if l.len() <= i {
                l.resize(i + 1, Value::Undef);
            }
            Ok(&mut l[i])
        }
        (Value::Dict(d), Value::Str(s)) => {
            check_key(s).map_err(|_| "index 0 is not a valid term".to_string())?;
            Ok(Arc::make_mut(d)
                .entry(Key(s.clone()))
                .or_insert(Value::Undef))
        }
        (c, k) => Err(format!(
            "cannot use a {} to index a {}",
            k.type_name(),
            c.type_name()
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
