//! Builtins that need the evaluation context or unevaluated arguments: resources
//! (`list`, `dict`, `append`, `merge`, `delete`, `first`/`next`, ...), paths and
//! templates (`value`, `exists`, `create`, `file_contents`, ...), the `is_*` family,
//! `error`, `return`, `debug`, `traceback`, `deprecated`, `is_valid`.

use crate::ctx::{Ctx, EResult, Unwind};
use crate::error::ErrorClass;
use crate::ir::{Code, CtxFn, Op};
use crate::locals::{subscript, Place};
use crate::output::dep::DepKind;
use crate::path::{normalize_key, parse_path, PathKind, Term};
use crate::template::valid_template_name;
use crate::tree;
use crate::value::{Dict, Key, Value};
use std::sync::Arc;
use vmcs_syntax::Span;

pub fn call(cx: &mut Ctx, f: CtxFn, name: &str, args: &[Code], span: Span) -> EResult<Value> {
    use CtxFn::*;
    match f {
        Debug if cx.st.opts.debug && !cx.st.compile_time => {
            let msg = message(cx, args, span)?;
            eprintln!("[{}] debug: {msg}", cx.st.object);
            Ok(Value::string(msg))
        }
        Debug | Traceback => Ok(Value::Undef),
        Deprecated => {
            let level = cx.eval(&args[0])?;
            let msg = cx.eval(&args[1])?;
            let (Value::Long(level), Value::Str(msg)) = (level, msg) else {
                return Err(cx.err(span, "deprecated() requires a long and a string"));
            };
            match cx.st.opts.warnings {
                crate::state::Warnings::Off => {}
                _ if level > 0 || cx.st.compile_time => {}
                crate::state::Warnings::On => {
                    eprintln!("[{}] warning: deprecated: {msg}", cx.st.object)
                }
                crate::state::Warnings::Fatal => {
                    return Err(cx.err(span, format!("deprecated: {msg} (--warnings fatal)")));
                }
            }
            Ok(Value::Bool(true))
        }
        Return => {
            let v = cx.eval(&args[0])?;
            Err(Unwind::Return(v))
        }
        ErrorFn => {
            let mut vals = Vec::with_capacity(args.len());
            for a in args {
                vals.push(cx.eval(a)?);
            }
            let Value::Str(first) = &vals[0] else {
                return Err(cx.err(span, "the first argument for error() needs to be a string"));
            };
            let msg = if vals.len() == 1 {
                first.to_string()
            } else {
                let format = crate::builtins::lookup("format").expect("format is a builtin");
                match (format.call)(&vals) {
                    Ok(Value::Str(s)) => s.to_string(),
                    Ok(other) => crate::render_value(&other),
                    Err(e) => return Err(cx.builtin_err(span, e)),
                }
            };
            let obj = cx.st.object.clone();
            Err(cx.err(span, format!("[{obj}] user-initiated error: {msg}")))
        }
        ListFn => {
            let mut out = Vec::with_capacity(args.len());
            for a in args {
                out.push(cx.eval(a)?);
            }
            Ok(Value::list(out))
        }
        DictFn => {
            if !args.len().is_multiple_of(2) {
                return Err(cx.err(
                    span,
                    format!("{name}() requires an even number of arguments"),
                ));
            }
            let mut d = Dict::new();
            for pair in args.chunks(2) {
                let k = cx.eval(&pair[0])?;
                let v = cx.eval(&pair[1])?;
                let Value::Str(k) = k else {
                    return Err(cx.err(
                        span,
                        format!("{name}() keys must be strings; {} found", k.type_name()),
                    ));
                };
                if k.bytes().all(|b| b.is_ascii_digit()) && !k.is_empty() {
                    return Err(cx.err(
                        span,
                        format!("invalid dict key '{k}': a key cannot be a number"),
                    ));
                }
                let k = normalize_key(&k).map_err(|m| cx.err(span, m))?;
                if v.is_null() {
                    d.remove(&Key(k));
                } else {
                    d.insert(Key(k), v);
                }
            }
            Ok(Value::dict(d))
        }
        Append | Prepend => append(cx, f == Append, name, args, span),
        Merge => {
            let mut vals = Vec::with_capacity(args.len());
            for a in args {
                vals.push(cx.eval(a)?);
            }
            merge(cx, &vals, span)
        }
        Splice => Err(cx.err(span, "splice() on lists is handled by the string builtins")),
        CloneFn => cx.eval(&args[0]),
        Delete => {
            let Op::Var { name, subs } = &args[0].op else {
                unreachable!("checked when lowered")
            };
            if subs.is_empty() {
                cx.remove_local(name);
                return Ok(Value::Undef);
            }
            cx.assign_var(name, subs, Value::Null, span)?;
            Ok(Value::Undef)
        }
        First | Next => iterate(cx, f == First, args, span),
        KeyFn => {
            let d = cx.eval(&args[0])?;
            let i = cx.eval(&args[1])?;
            match (&d, &i) {
                (Value::Dict(d), Value::Long(n)) => match d.keys().nth((*n).max(0) as usize) {
                    Some(k) if *n >= 0 => Ok(Value::Str(k.0.clone())),
                    _ => Err(cx.err(span, format!("key(): index {n} is out of range"))),
                },
                _ => Err(cx.err(span, "key() requires a dict and a long")),
            }
        }
        ValueFn => {
            cx.compile_time_guard(span, "value()")?;
            let p = string_arg(cx, &args[0], name, span)?;
            let found = if args.len() == 2 {
                path_value(cx, &p, span)
                    .ok()
                    .flatten()
                    .filter(|v| !v.is_undef())
            } else {
                path_value(cx, &p, span)?
            };
            match found {
                Some(v) => Ok(v),
                None if args.len() == 2 => cx.eval(&args[1]),
                None => Err(cx.err(
                    span,
                    format!("value(): path '{p}' does not have an associated value"),
                )),
            }
        }
        PathExists => {
            cx.compile_time_guard(span, "path_exists()")?;
            let v = cx.eval(&args[0])?;
            let Value::Str(p) = v else {
                return Err(cx.err(span, "{0}() requires exactly one string argument"));
            };
            Ok(Value::Bool(matches!(
                lookup_path(cx, &p, span),
                Ok(Some(_))
            )))
        }
        Exists | IsDefined => {
            if let Op::Var { name: vn, subs } = &args[0].op {
                let v = match cx.lookup_var(vn, span) {
                    Ok(Some(v)) => Some(v),
                    Ok(None) => None,
                    Err(e) if cx.st.compile_time => return Err(e),
                    Err(_) => None,
                };
                let mut v = v;
                for s in subs {
                    let k = cx.eval(s)?;
                    v = match v {
                        Some(ref cur) => subscript(cur, &k).ok().flatten().cloned(),
                        None => None,
                    };
                }
                return Ok(Value::Bool(match (f, v) {
                    (Exists, Some(_)) => true,
                    (IsDefined, Some(v)) => !v.is_undef() && !v.is_null(),
                    _ => false,
                }));
            }
            let v = cx.eval(&args[0])?;
            if f == IsDefined {
                return Ok(Value::Bool(!v.is_undef() && !v.is_null()));
            }
            let Value::Str(s) = v else {
                return Err(cx.err(span, "exists() requires a variable reference or a string"));
            };
            cx.compile_time_guard(span, "exists()")?;
            if s.contains(':') || s.starts_with('/') {
                return Ok(Value::Bool(lookup_path(cx, &s, span)?.is_some()));
            }
            Ok(Value::Bool(template_exists(cx, &s, span)?))
        }
        IfExists => {
            let v = cx.eval(&args[0])?;
            let Value::Str(s) = v else {
                return Err(cx.err(span, "if_exists() requires a string argument"));
            };
            cx.compile_time_guard(span, "if_exists()")?;
            Ok(if template_exists(cx, &s, span)? {
                Value::Str(s)
            } else {
                Value::Undef
            })
        }
        IsBoolean | IsLong | IsDouble | IsString | IsList | IsDict | IsNull | IsNumber
        | IsProperty | IsResource => {
            if let Op::Var { name: vn, subs } = &args[0].op {
                if subs.is_empty()
                    && !cx.st.compile_time
                    && matches!(cx.lookup_var(vn, span), Ok(None))
                {
                    return Ok(Value::Bool(false));
                }
            }
            let v = cx.eval(&args[0])?;
            Ok(Value::Bool(match f {
                IsBoolean => matches!(v, Value::Bool(_)),
                IsLong => matches!(v, Value::Long(_)),
                IsDouble => matches!(v, Value::Double(_)),
                IsString => matches!(v, Value::Str(_)),
                IsList => matches!(v, Value::List(_)),
                IsDict => matches!(v, Value::Dict(_)),
                IsNull => v.is_null(),
                IsNumber => matches!(v, Value::Long(_) | Value::Double(_)),
                IsProperty => v.is_property(),
                _ => v.is_resource(),
            }))
        }
        IsValid => {
            cx.compile_time_guard(span, "is_valid()")?;
            // The type is named by an identifier (checked when the call was built).
            let tn = match &args[0].op {
                Op::Var { name: tn, subs } if subs.is_empty() => tn.clone(),
                _ => {
                    return Err(cx.err(span, "is_valid() requires the first argument to be a type"))
                }
            };
            let v = cx.eval(&args[1])?;
            let Some(ty) = crate::validate::named(cx.st, &tn) else {
                return Err(cx.err(span, format!("is_valid(): type '{tn}' is not defined")));
            };
            Ok(Value::Bool(crate::validate::is_valid(cx.st, &ty, &v)))
        }
        Create => create(cx, args, span),
        FileContents | FileExists => {
            cx.compile_time_guard(span, name)?;
            let n = string_arg(cx, &args[0], name, span)?;
            if n.starts_with('/') {
                return Err(cx.err(span, format!("{name}() requires a relative file name")));
            }
            if n.split('/').any(|t| t == ".." || t == ".") {
                return Err(cx.err(span, format!("invalid template name ({n})")));
            }
            let env = cx
                .st
                .env
                .clone()
                .ok_or_else(|| cx.err(span, "no include path"))?;
            let found = env.find_file(cx.st, &n);
            if f == FileExists {
                return Ok(Value::Bool(found.is_some()));
            }
            let compression = match args.get(1) {
                Some(a) => Some(string_arg(cx, a, name, span)?),
                None => None,
            };
            let Some(file) = found else {
                return Err(cx.err(
                    span,
                    format!("file_contents(): file '{n}' could not be found"),
                ));
            };
            read_file(cx, &file, compression.as_deref(), span)
        }
    }
}

fn string_arg(cx: &mut Ctx, a: &Code, name: &str, span: Span) -> EResult<Arc<str>> {
    match cx.eval(a)? {
        Value::Str(s) => Ok(s),
        other => Err(cx.err(
            span,
            format!(
                "{name}() requires a string argument; {} found",
                other.type_name()
            ),
        )),
    }
}

/// `append`/`prepend`: with one argument on SELF, with two on a list that a variable
/// refers to (changed in place, so other references to it see the new element) or on a
/// list value.
fn append(cx: &mut Ctx, back: bool, name: &str, args: &[Code], span: Span) -> EResult<Value> {
    let add = |l: &mut crate::value::List, v: Value| {
        if back {
            l.push(v);
        } else {
            l.insert(0, v);
        }
    };
    if args.len() == 1 {
        let v = cx.eval(&args[0])?;
        if v.is_null() {
            return Err(cx.err(span, format!("{name}() cannot add null to a list")));
        }
        let mut target = cx.read_self(span)?;
        if target.is_undef() {
            target = Value::empty_list();
        }
        let Some(l) = target.list_mut() else {
            return Err(not_a_list(cx, name, &target, span));
        };
        add(l, v);
        cx.set_self(target.clone(), span)?;
        return Ok(target);
    }
    if let Op::Var { name: var, subs } = &args[0].op {
        if !cx.is_local_place(var) {
            cx.compile_time_guard(span, "a variable that is not local")?;
            if cx.st.globals.contains_key(&**var) {
                return Err(cx.err(
                    span,
                    format!("global variable '{var}' cannot be modified from DML block"),
                ));
            }
        }
        let mut keys = Vec::with_capacity(subs.len());
        for s in subs {
            keys.push(cx.eval(s)?);
        }
        let v = cx.eval(&args[1])?;
        if v.is_null() {
            return Err(cx.err(span, format!("{name}() cannot add null to a list")));
        }
        return cx.modify_list(var, &keys, !back, |l| add(l, v), span);
    }
    let mut target = cx.eval(&args[0])?;
    let v = cx.eval(&args[1])?;
    if v.is_null() {
        return Err(cx.err(span, format!("{name}() cannot add null to a list")));
    }
    let Some(l) = target.list_mut() else {
        return Err(not_a_list(cx, name, &target, span));
    };
    add(l, v);
    Ok(target)
}

fn not_a_list(cx: &Ctx, name: &str, target: &Value, span: Span) -> Unwind {
    cx.err(
        span,
        format!(
            "{name}() requires a list as its first argument; {} found",
            target.type_name()
        ),
    )
}

fn merge(cx: &Ctx, vals: &[Value], span: Span) -> EResult<Value> {
    if vals.is_empty() {
        return Err(cx.err(span, "merge() requires at least one argument"));
    }
    match &vals[0] {
        Value::List(_) => {
            let mut out = Vec::new();
            for v in vals {
                let Value::List(l) = v else {
                    return Err(cx.err(span, "merge() arguments must all be lists or all be dicts"));
                };
                out.extend(l.iter().cloned());
            }
            Ok(Value::list(out))
        }
        Value::Dict(_) => {
            let mut out = Dict::new();
            for v in vals {
                let Value::Dict(d) = v else {
                    return Err(cx.err(span, "merge() arguments must all be lists or all be dicts"));
                };
                for (k, x) in d.iter() {
                    if out.contains_key(k) {
                        return Err(cx.err(span, format!("merge(): duplicate key '{k}'")));
                    }
                    out.insert(k.clone(), x.clone());
                }
            }
            Ok(Value::dict(out))
        }
        other => Err(cx.err(
            span,
            format!(
                "merge() requires lists or dicts; {} found",
                other.type_name()
            ),
        )),
    }
}

/// `first(res, k, v)` / `next(res, k, v)`: step an iterator over `res` and set the key and
/// value targets (`v` refers to the element when `res` is a local resource).
fn iterate(cx: &mut Ctx, first: bool, args: &[Code], span: Span) -> EResult<Value> {
    let place = match &args[0].op {
        Op::Var { name, subs } if cx.is_local_place(name) => {
            cx.place(name, subs, args[0].span, true)?
        }
        _ => Place::Value(cx.eval(&args[0])?),
    };
    let r = iterate_place(cx, first, &place, args, span);
    if let Place::View(b) = place {
        cx.heap.release(b);
    }
    r
}

fn iterate_place(
    cx: &mut Ctx,
    first: bool,
    place: &Place,
    args: &[Code],
    span: Span,
) -> EResult<Value> {
    let var_name = |c: &Code| match &c.op {
        Op::Var { name, .. } => Some(name.clone()),
        _ => None,
    };
    let iter_id = var_name(&args[1])
        .or_else(|| var_name(&args[2]))
        .unwrap_or_else(|| Arc::from(""));
    let cur_pos = cx
        .iterators
        .iter()
        .find(|(n, _)| *n == iter_id)
        .map(|(_, p)| p.clone());
    if !first && cur_pos.is_none() {
        return Err(cx.err(span, "no valid iterator found for resource"));
    }
    let res = match place {
        Place::View(b) => cx.value_of(b).cloned().unwrap_or_default(),
        Place::Value(v) => v.clone(),
    };
    if first {
        // panc sets both targets to undef before it looks at the resource.
        set_target(cx, &args[1], Value::Undef, None)?;
        set_target(cx, &args[2], Value::Undef, None)?;
    }
    let cur_key = if first { None } else { cur_pos };
    let next: Option<(Value, Term, Value)> = match &res {
        Value::List(l) => {
            let i = match &cur_key {
                None => 0,
                Some(Value::Long(n)) => (*n + 1).max(0) as usize,
                _ => l.len(),
            };
            l.get(i)
                .map(|v| (Value::Long(i as i64), Term::Index(i as u32), v.clone()))
        }
        Value::Dict(d) => {
            let item = match &cur_key {
                None => d.iter().next(),
                Some(Value::Str(k)) => d
                    .range::<crate::value::Key, _>((
                        std::ops::Bound::Excluded(Key(k.clone())),
                        std::ops::Bound::Unbounded,
                    ))
                    .next(),
                _ => None,
            };
            item.map(|(k, v)| (Value::Str(k.0.clone()), Term::Key(k.0.clone()), v.clone()))
        }
        other => {
            return Err(cx.err(
                span,
                format!(
                    "first()/next() require a resource; {} found",
                    other.type_name()
                ),
            ));
        }
    };
    drop(res);
    match next {
        Some((k, term, v)) => {
            cx.iterators.retain(|(n, _)| *n != iter_id);
            cx.iterators.push((iter_id, k.clone()));
            set_target(cx, &args[1], k, None)?;
            let view = match place {
                Place::View(b) if v.is_resource() => Some((b, term)),
                _ => None,
            };
            set_target(cx, &args[2], v, view)?;
            Ok(Value::Bool(true))
        }
        None => {
            if first {
                cx.iterators.retain(|(n, _)| *n != iter_id);
            }
            Ok(Value::Bool(false))
        }
    }
}

/// Set a key or value target of `first`/`next`: a variable (made to refer to the element
/// when `view` gives one), a subscripted variable (a copy), or `undef` (ignored).
fn set_target(
    cx: &mut Ctx,
    target: &Code,
    v: Value,
    view: Option<(&crate::heap::Binding, Term)>,
) -> EResult<()> {
    let Op::Var { name, subs } = &target.op else {
        return Ok(());
    };
    if !subs.is_empty() {
        return cx.assign_var(name, subs, v, target.span);
    }
    match view {
        Some((b, term)) => {
            let nb = cx.heap.view(b, &[term]);
            cx.rebind(name, nb);
        }
        None => cx.set_local(name, v),
    }
    Ok(())
}

/// Like [`path_value`], but an external path into an object template that does not exist
/// is simply absent (panc's look-up-only access, as `exists()` makes it).
fn lookup_path(cx: &mut Ctx, p: &str, span: Span) -> EResult<Option<Value>> {
    if let Ok(path) = parse_path(p) {
        if let PathKind::External(obj) = &path.kind {
            if **obj != *cx.st.object
                && valid_template_name(obj)
                && !template_exists(cx, obj, span)?
            {
                return Ok(None);
            }
        }
    }
    path_value(cx, p, span)
}

/// Look up a path string: absolute in this object, or external in another.
pub fn path_value(cx: &mut Ctx, p: &str, span: Span) -> EResult<Option<Value>> {
    let path = parse_path(p).map_err(|m| cx.err(span, m))?;
    match &path.kind {
        PathKind::Absolute => Ok(tree::get(&cx.st.root, &path.terms).cloned()),
        PathKind::Relative
            if cx.st.kind_stack.last() == Some(&vmcs_syntax::TemplateKind::Structure) =>
        {
            Ok(tree::get(&cx.st.root, &path.terms).cloned())
        }
        PathKind::Relative => Err(cx.err(span, format!("relative path '{p}' cannot be used here"))),
        PathKind::External(obj) => {
            if **obj == *cx.st.object {
                return Ok(tree::get(&cx.st.root, &path.terms).cloned());
            }
            let env = cx
                .st
                .env
                .clone()
                .ok_or_else(|| cx.err(span, "external paths are not available here"))?;
            let root = env
                .object_profile(cx.st, obj)
                .map_err(|e| Unwind::from(e.at(cx.loc(span))))?;
            if !cx.st.read_objects.contains(obj) {
                cx.st.read_objects.push(obj.clone());
            }
            Ok(tree::get(&root, &path.terms).cloned())
        }
    }
}

fn template_exists(cx: &mut Ctx, name: &str, span: Span) -> EResult<bool> {
    if !valid_template_name(name) {
        return Err(cx.err(span, format!("invalid template name: '{name}'")));
    }
    let env = cx
        .st
        .env
        .clone()
        .ok_or_else(|| cx.err(span, "no include path"))?;
    Ok(env.template_exists(cx.st, name))
}

/// `create(template, key, value, ...)`: run a structure template into a fresh dict.
fn create(cx: &mut Ctx, args: &[Code], span: Span) -> EResult<Value> {
    cx.compile_time_guard(span, "create()")?;
    let name = string_arg(cx, &args[0], "create", span)?;
    if !(args.len() - 1).is_multiple_of(2) {
        return Err(cx.err(
            span,
            "create() requires a template name followed by key/value pairs",
        ));
    }
    let mut extra = Vec::new();
    for pair in args[1..].chunks(2) {
        let k = string_arg(cx, &pair[0], "create", span)?;
        let k = normalize_key(&k).map_err(|m| cx.err(span, m))?;
        let v = cx.eval(&pair[1])?;
        extra.push((k, v));
    }
    let env = cx
        .st
        .env
        .clone()
        .ok_or_else(|| cx.err(span, "no include path"))?;
    let tpl = env.load_template(cx.st, &name).map_err(|e| {
        if matches!(e.class, ErrorClass::Parse | ErrorClass::Syntax) && e.loc.is_some() {
            Unwind::from(
                crate::diag::Error::new(ErrorClass::Evaluation, e.panc_form()).at(cx.loc(span)),
            )
        } else {
            Unwind::from(e.at(cx.loc(span)))
        }
    })?;
    if tpl.kind != vmcs_syntax::TemplateKind::Structure {
        return Err(cx.err(
            span,
            format!(
                "create() requires a structure template; '{name}' is a {} template",
                tpl.kind.upper_name()
            ),
        ));
    }
    if cx.st.stack.len() + 1 >= cx.st.opts.max_recursion {
        return Err(cx.err(
            span,
            format!("call depth limit ({}) exceeded", cx.st.opts.max_recursion),
        ));
    }
    // The structure template runs with its own root; everything else is shared.
    let saved_root = std::mem::replace(&mut cx.st.root, Value::empty_dict());
    let saved_finals = std::mem::take(&mut cx.st.finals);
    let saved_assigned = std::mem::take(&mut cx.st.assigned_at);
    cx.st.stack.push(cx.loc(span));
    let r = cx.st.run_template(&tpl);
    cx.st.stack.pop();
    let mut built = std::mem::replace(&mut cx.st.root, saved_root);
    cx.st.finals = saved_finals;
    cx.st.assigned_at = saved_assigned;
    r.map_err(Unwind::from)?;
    if let Some(d) = built.dict_mut() {
        for (k, v) in extra {
            if v.is_null() {
                d.remove(&Key(k));
            } else {
                d.insert(Key(k), v);
            }
        }
    }
    Ok(built)
}

fn read_file(
    cx: &mut Ctx,
    file: &std::path::Path,
    compression: Option<&str>,
    span: Span,
) -> EResult<Value> {
    let bytes = std::fs::read(file).map_err(|e| {
        cx.err_class(
            ErrorClass::System,
            span,
            format!("cannot read {}: {e}", file.display()),
        )
    })?;
    let bytes = match compression {
        None => bytes,
        Some("gzip") | Some("gz") => {
            use std::io::Read;
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .map_err(|e| {
                    cx.err_class(
                        ErrorClass::System,
                        span,
                        format!("cannot decompress {}: {e}", file.display()),
                    )
                })?;
            out
        }
        Some(other) => return Err(cx.err(span, format!("invalid compression name ({other})"))),
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Value::string(s)),
        Err(e) => Ok(Value::string(
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
        )),
    }
}

#[allow(dead_code)]
fn dep_kind_text() -> DepKind {
    DepKind::Text
}

/// The message of `debug(fmt, args...)`: formatted like `format()` when there are arguments.
fn message(cx: &mut Ctx, args: &[Code], span: Span) -> EResult<String> {
    let mut vals = Vec::with_capacity(args.len());
    for a in args {
        vals.push(cx.eval(a)?);
    }
    if vals.len() == 1 {
        return Ok(match &vals[0] {
            Value::Str(s) => s.to_string(),
            other => crate::render_value(other),
        });
    }
    let format = crate::builtins::lookup("format").expect("format is a builtin");
    match (format.call)(&vals) {
        Ok(Value::Str(s)) => Ok(s.to_string()),
        Ok(other) => Ok(crate::render_value(&other)),
        Err(e) => Err(cx.builtin_err(span, e)),
    }
}
