//! The DML interpreter: expressions, control flow, loops and user functions. The context
//! is in `ctx.rs`, variables (locals with panc's reference semantics, SELF, globals) in
//! `locals.rs`, context-dependent builtins in `ctxfns.rs`.

use crate::ctx::{Ctx, EResult, Frame, Unwind};
use crate::heap::Binding;
use crate::ir::{Code, Op};
use crate::ops;
use crate::path::Term;
use crate::value::{Key, Value};
use std::sync::Arc;
use vmcs_syntax::{BinOp, Span};

/// Builtins that render a whole value as text: their resource arguments are checked against
/// `--max-value-size` first (a value can share its parts, so its text can be far larger
/// than the memory it takes).
const RENDERERS: [&str; 4] = ["to_string", "json_encode", "format", "digest"];

impl Ctx<'_> {
    /// Evaluate an expression.
    pub fn eval(&mut self, c: &Code) -> EResult<Value> {
        if crate::stack::exhausted() {
            return Err(self.err(
                c.span,
                "evaluation nested too deeply: the compiler's stack is exhausted",
            ));
        }
        match &c.op {
            Op::Const(v) => Ok(v.clone()),
            Op::Var { name, subs } => self.read_var(name, subs, c.span),
            Op::Assign { name, subs, value } => self.eval_assign(name, subs, value, c.span),
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
                if RENDERERS.contains(&def.name) {
                    for v in vals.iter().filter(|v| v.is_resource()) {
                        let max = self.st.opts.max_value_size;
                        if crate::tree::approx_size(v, max).is_none() {
                            return Err(self.too_large(c.span, "the text of this value"));
                        }
                    }
                }
                let v = (def.call)(&vals).map_err(|e| self.builtin_err(c.span, e))?;
                self.check_size(&v, c.span)?;
                Ok(v)
            }
            Op::Ctx { f, name, args } => {
                let v = crate::ctxfns::call(self, *f, name, args, c.span)?;
                self.check_size(&v, c.span)?;
                Ok(v)
            }
            Op::User { name, args } => self.call_user(name, args, c.span),
            Op::Unary { op, e } => {
                let v = self.eval(e)?;
                ops::unary(*op, &v).map_err(|e| self.builtin_err(c.span, e))
            }
            Op::Binary { op, l, r } => {
                let a = self.eval(l)?;
                let b = self.eval(r)?;
                if let (BinOp::Add, Value::Str(x), Value::Str(y)) = (op, &a, &b) {
                    if x.len() + y.len() > self.st.opts.max_value_size {
                        return Err(self.too_large(c.span, "a string"));
                    }
                }
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
            } => self.foreach(key, val, iter, body, c.span),
        }
    }

    /// `foreach (key; val; iter) body`. Over a local variable the loop follows the live
    /// resource (appended list elements are visited; a dict that changes shape is an error)
    /// and `val` refers to each element; over any other value it walks a snapshot.
    fn foreach(
        &mut self,
        key: &Arc<str>,
        val: &Arc<str>,
        iter: &Code,
        body: &Code,
        span: Span,
    ) -> EResult<Value> {
        let place = match &iter.op {
            Op::Var { name, subs } if self.is_local_place(name) => {
                self.place(name, subs, iter.span, true)?
            }
            _ => crate::locals::Place::Value(self.eval(iter)?),
        };
        let pin = match place {
            crate::locals::Place::View(b) => b,
            crate::locals::Place::Value(v) => {
                if !v.is_resource() {
                    return Err(self.err(
                        iter.span,
                        format!(
                            "foreach statement requires a resource; {} found",
                            v.type_name()
                        ),
                    ));
                }
                self.heap.alloc(v)
            }
        };
        // panc sets both variables to undef before the first element (also for an empty
        // resource), so their old types do not matter.
        self.set_local(key, Value::Undef);
        self.set_local(val, Value::Undef);
        self.pins.push(pin);
        let pin_at = self.pins.len() - 1;
        let r = self.foreach_pinned(pin_at, key, val, body, span);
        if let Some(b) = self.pins.pop() {
            self.heap.release(b);
        }
        r
    }

    fn foreach_pinned(
        &mut self,
        pin_at: usize,
        key: &Arc<str>,
        val: &Arc<str>,
        body: &Code,
        span: Span,
    ) -> EResult<Value> {
        let mut last = Value::Undef;
        let mut n = 0u64;
        let keys: Option<Vec<Key>> = match self.value_of(&self.pins[pin_at]) {
            Some(Value::Dict(d)) => Some(d.keys().cloned().collect()),
            _ => None,
        };
        match keys {
            None => {
                let mut i = 0usize;
                let element = |cx: &Self, i: usize| match cx.value_of(&cx.pins[pin_at]) {
                    Some(Value::List(l)) => l.get(i).map(Value::is_resource),
                    _ => None,
                };
                while let Some(elem_is_resource) = element(self, i) {
                    n += 1;
                    self.check_iterations(n, span)?;
                    self.set_local(key, Value::Long(i as i64));
                    let term = Term::Index(i as u32);
                    self.bind_element(val, pin_at, term, elem_is_resource);
                    last = self.eval(body)?;
                    i += 1;
                }
            }
            Some(keys) => {
                let count = keys.len();
                for k in keys {
                    let elem_is_resource = match self.value_of(&self.pins[pin_at]) {
                        Some(Value::Dict(d)) if d.len() == count => match d.get(&k) {
                            Some(e) => e.is_resource(),
                            None => return Err(self.changed(span)),
                        },
                        _ => return Err(self.changed(span)),
                    };
                    n += 1;
                    self.check_iterations(n, span)?;
                    self.set_local(key, Value::Str(k.0.clone()));
                    self.bind_element(val, pin_at, Term::Key(k.0.clone()), elem_is_resource);
                    last = self.eval(body)?;
                }
                if !matches!(self.value_of(&self.pins[pin_at]), Some(Value::Dict(d)) if d.len() == count)
                {
                    return Err(self.changed(span));
                }
            }
        }
        Ok(last)
    }

    fn changed(&self, span: Span) -> Unwind {
        self.err(span, "resource changed structurally during iteration")
    }

    /// Bind `var` to the element `term` of the pinned resource: a reference for a
    /// resource, a copy for a property.
    fn bind_element(&mut self, var: &Arc<str>, pin_at: usize, term: Term, is_resource: bool) {
        // The elements of a shared (panc: protected) part of SELF are copies.
        let protected = self.pins[pin_at].is_self()
            && self.value_of(&self.pins[pin_at]).is_some_and(|c| {
                c.is_shared() || crate::tree::child(c, &term).is_some_and(Value::is_shared)
            });
        if is_resource && !protected {
            let b = self.heap.view(&self.pins[pin_at], &[term]);
            self.rebind(var, b);
        } else {
            let v = self
                .value_of(&self.pins[pin_at])
                .and_then(|c| crate::tree::child(c, &term))
                .cloned()
                .unwrap_or_default();
            self.set_local(var, v);
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

    /// A string or resource made by an expression must stay under `--max-value-size`.
    fn check_size(&self, v: &Value, span: Span) -> EResult<()> {
        let max = self.st.opts.max_value_size;
        let size = match v {
            Value::Str(s) => s.len(),
            Value::List(l) => l.len().saturating_mul(16),
            Value::Dict(d) => d.len().saturating_mul(16),
            _ => 0,
        };
        if size > max {
            return Err(self.too_large(span, &format!("a {}", v.type_name())));
        }
        Ok(())
    }

    fn too_large(&self, span: Span, what: &str) -> Unwind {
        let max = self.st.opts.max_value_size;
        let mut e = self.err(
            span,
            format!("value too large: {what} of more than {max} bytes"),
        );
        if let Unwind::Error(err) = &mut e {
            err.hint = Some("raise --max-value-size if such a value is really needed".into());
        }
        e
    }

    pub(crate) fn check_iterations(&self, n: u64, span: Span) -> EResult<()> {
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

    fn call_user(&mut self, name: &Arc<str>, args: &[Code], span: Span) -> EResult<Value> {
        if self.st.compile_time {
            return Err(self.err(span, "user functions are not available at compile time"));
        }
        let Some(f) = self.st.functions.get(name).cloned() else {
            return Err(self.err(span, format!("function '{name}' is not defined")));
        };
        let mut argv: Vec<Binding> = Vec::with_capacity(args.len());
        for a in args {
            let place = match &a.op {
                Op::Var { name, subs } if self.is_local_place(name) => {
                    self.place(name, subs, a.span, true)
                }
                _ => self.eval(a).map(crate::locals::Place::Value),
            };
            match place {
                Ok(crate::locals::Place::View(b)) => argv.push(b),
                Ok(crate::locals::Place::Value(v)) => argv.push(self.heap.alloc(v)),
                Err(e) => {
                    for b in argv {
                        self.heap.release(b);
                    }
                    return Err(e);
                }
            }
        }
        while argv
            .last()
            .is_some_and(|b| matches!(self.value_of(b), Some(Value::Null)))
        {
            let b = argv.pop().unwrap();
            self.heap.release(b);
        }
        if self.st.stack.len() >= self.st.opts.max_recursion {
            for b in argv {
                self.heap.release(b);
            }
            return Err(self.err(
                span,
                format!("call depth limit ({}) exceeded", self.st.opts.max_recursion),
            ));
        }
        let call_loc = self.loc(span);
        self.frames.push(Frame {
            locals: std::mem::take(&mut self.locals),
            args: self.args.replace((name.clone(), argv)),
            src: std::mem::replace(&mut self.src, f.src.clone()),
        });
        self.st.stack.push(call_loc);
        let r = self.eval(&f.body);
        self.st.stack.pop();
        let frame = self.frames.pop().expect("pushed above");
        for (_, b) in std::mem::replace(&mut self.locals, frame.locals) {
            self.heap.release(b);
        }
        if let Some((_, argv)) = std::mem::replace(&mut self.args, frame.args) {
            for b in argv {
                self.heap.release(b);
            }
        }
        self.src = frame.src;
        match r {
            Ok(v) => Ok(v),
            Err(Unwind::Return(v)) => Ok(v),
            Err(e) => Err(e),
        }
    }
}
