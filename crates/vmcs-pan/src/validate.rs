//! Applying and checking types on a built profile: defaults from bound types (panc's
//! second phase), validation of every `bind`/`valid` (records, ranges, links, `with`
//! clauses, knowledge-center rules), and `is_valid()`.

use crate::ctx::{Ctx, SelfSlot, Unwind};
use crate::diag::{Error, Related, SourceFile};
use crate::error::ErrorClass;
use crate::path::{parse_path, Term};
use crate::state::State;
use crate::tree;
use crate::typedef::{Base, BindRec, Builtin, Field, Range, TypeDef};
use crate::value::{Key, Value};
use std::sync::Arc;
use vmcs_syntax::{ClauseKind, Span};

/// Resolve a named type, following aliases.
fn lookup<'a>(st: &'a State, name: &str) -> Option<&'a Arc<TypeDef>> {
    st.types.get(name)
}

// ---------------------------------------------------------------- defaults

/// Insert defaults from every binding (panc's second phase).
pub fn apply_defaults(st: &mut State) -> Result<(), Error> {
    let binds = st.binds.clone();
    for b in &binds {
        let mut root = std::mem::take(&mut st.root);
        let r = default_at(st, &mut root, &b.path.terms, &b.spec, true);
        st.root = root;
        r?;
    }
    Ok(())
}

/// Apply `ty`'s defaults at `terms` inside `root`. `create` allows creating the bound path itself.
fn default_at(
    st: &State,
    root: &mut Value,
    terms: &[Term],
    ty: &TypeDef,
    create: bool,
) -> Result<(), Error> {
    let exists = tree::get(root, terms)
        .map(|v| !v.is_undef())
        .unwrap_or(false);
    if !exists {
        if let Some(d) = first_default(st, ty, 0) {
            let parent_ok =
                create || terms.len() <= 1 || tree::get(root, &terms[..terms.len() - 1]).is_some();
            if parent_ok {
                if let Ok(slot) = tree::get_mut_create(root, terms) {
                    *slot = d;
                }
            }
        }
    }
    let Some(v) = tree::get_mut_create(root, terms)
        .ok()
        .filter(|v| !v.is_undef())
    else {
        return Ok(());
    };
    let mut v2 = std::mem::take(v);
    let r = defaults_inside(st, &mut v2, ty, 0);
    *tree::get_mut_create(root, terms).unwrap() = v2;
    r
}

/// The default of a type (following named types), if any.
fn first_default(st: &State, ty: &TypeDef, depth: usize) -> Option<Value> {
    if depth > 50 {
        return None;
    }
    if let Some(d) = &ty.default {
        return Some(d.clone());
    }
    if !ty.clauses.is_empty() {
        return None;
    }
    match &ty.base {
        Base::Named(n, _) => lookup(st, n).and_then(|t| first_default(st, t, depth + 1)),
        _ => None,
    }
}

/// Fill defaults of record fields and elements below an existing value.
fn defaults_inside(st: &State, v: &mut Value, ty: &TypeDef, depth: usize) -> Result<(), Error> {
    if depth > 50 {
        return Ok(());
    }
    if let Some((kind, _)) = ty.clauses.last() {
        let inner = TypeDef {
            clauses: ty.clauses[..ty.clauses.len() - 1].to_vec(),
            default: None,
            with: None,
            ..ty.clone()
        };
        match (kind, v) {
            (ClauseKind::List, Value::List(l)) => {
                for e in Arc::make_mut(l).iter_mut() {
                    fill_elem(st, e, &inner, depth)?;
                }
            }
            (ClauseKind::Dict, Value::Dict(d)) => {
                for (_, e) in Arc::make_mut(d).iter_mut() {
                    fill_elem(st, e, &inner, depth)?;
                }
            }
            _ => {}
        }
        return Ok(());
    }
    match &ty.base {
        Base::Named(n, _) => {
            if let Some(t) = lookup(st, n).cloned() {
                defaults_inside(st, v, &t, depth + 1)?;
            }
        }
        Base::Record {
            fields, includes, ..
        } => {
            if let Value::Dict(d) = v {
                let all = record_fields(st, fields, includes);
                let d = Arc::make_mut(d);
                for f in all.iter() {
                    let key = Key(f.name.clone());
                    let present_undef = d.get(&key).map(|x| x.is_undef()).unwrap_or(false);
                    let missing = d.get(&key).map(|x| x.is_undef()).unwrap_or(true);
                    if missing && (f.required || present_undef) {
                        if let Some(def) = first_default(st, &f.ty, depth + 1) {
                            d.insert(key.clone(), def);
                        }
                    }
                    if let Some(e) = d.get_mut(&key) {
                        if !e.is_undef() {
                            defaults_inside(st, e, &f.ty, depth + 1)?;
                        }
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn fill_elem(st: &State, e: &mut Value, inner: &TypeDef, depth: usize) -> Result<(), Error> {
    if e.is_undef() {
        if let Some(d) = first_default(st, inner, depth + 1) {
            *e = d;
        }
    }
    if !e.is_undef() {
        defaults_inside(st, e, inner, depth + 1)?;
    }
    Ok(())
}

/// A record's fields with those of the records it includes (borrowed when it includes none).
fn record_fields<'a>(
    st: &State,
    fields: &'a [Field],
    includes: &[Arc<str>],
) -> std::borrow::Cow<'a, [Field]> {
    if includes.is_empty() {
        return std::borrow::Cow::Borrowed(fields);
    }
    let mut all = Vec::new();
    collect_fields(st, fields, includes, &mut all, 0);
    std::borrow::Cow::Owned(all)
}

fn collect_fields(
    st: &State,
    fields: &[Field],
    includes: &[Arc<str>],
    out: &mut Vec<Field>,
    depth: usize,
) {
    if depth > 50 {
        return;
    }
    for inc in includes {
        if let Some(t) = lookup(st, inc) {
            if let Base::Record {
                fields, includes, ..
            } = &t.base
            {
                collect_fields(st, fields, includes, out, depth + 1);
            }
        }
    }
    for f in fields {
        out.retain(|x| x.name != f.name);
        out.push(f.clone());
    }
}

// ---------------------------------------------------------------- validation

/// A validation failure before it gets its locations.
pub struct Invalid {
    pub class: ErrorClass,
    pub message: String,
    pub path: Vec<Term>,
}

fn invalid(message: impl Into<String>, path: &[Term]) -> Invalid {
    Invalid {
        class: ErrorClass::Validation,
        message: message.into(),
        path: path.to_vec(),
    }
}

/// Validate the whole profile: no undef left, then every binding.
pub fn validate(st: &mut State) -> Result<(), Error> {
    if let Some(p) = tree::find_undef(&st.root, &mut Vec::new()) {
        let e = Error::new(
            ErrorClass::Validation,
            format!("element at {} is undefined", tree::format_terms(&p)),
        );
        return Err(locate(st, e, &p, None));
    }
    let binds = st.binds.clone();
    let root = st.root.clone();
    for b in &binds {
        let r = match tree::get(&root, &b.path.terms) {
            None => Err(invalid("element does not exist", &b.path.terms)),
            Some(v) => check(st, &root, v, &b.spec, &mut b.path.terms.clone(), 0),
        };
        if let Err(inv) = r {
            if let Some(hit) = crate::knowledge::parse(&inv.message) {
                return Err(rule_error(st, hit, &inv.path, b));
            }
            let e = Error::new(
                inv.class,
                format!(
                    "{}\nelement path: '{}'",
                    inv.message,
                    tree::format_terms(&inv.path)
                ),
            );
            return Err(locate(st, e, &inv.path, Some(b)));
        }
    }
    Ok(())
}

/// A failed knowledge-center rule: points at the user's assignment of the rule's path.
fn rule_error(st: &State, hit: crate::knowledge::RuleHit, at: &[Term], b: &BindRec) -> Error {
    let path = hit
        .path
        .as_deref()
        .and_then(|p| parse_path(p).ok())
        .map(|p| p.terms)
        .unwrap_or_else(|| at.to_vec());
    let mut e = Error::new(
        ErrorClass::Validation,
        format!("rule {}: {}", hit.id, hit.text),
    );
    e.hint = hit.suggest.clone();
    e.rule = Some(hit);
    let mut e = locate(st, e, &path, None);
    e.related.push(Related {
        loc: b.loc.clone(),
        label: "rule checked here".into(),
    });
    e
}

/// Point a validation error at the assignment that set the value and the bind it broke.
fn locate(st: &State, mut e: Error, path: &[Term], bind: Option<&BindRec>) -> Error {
    let mut p = path.to_vec();
    loop {
        if let Some((_, l)) = st.assigned_at.iter().rev().find(|(t, _)| *t == p) {
            e.loc = Some(l.clone());
            break;
        }
        if p.pop().is_none() {
            break;
        }
    }
    if let Some(b) = bind {
        e.related.push(Related {
            loc: b.loc.clone(),
            label: format!("type bound to {} here", b.path),
        });
        if e.loc.is_none() {
            e.loc = Some(b.loc.clone());
        }
    }
    e
}

/// Check `v` (at `path`) against `ty`.
pub fn check(
    st: &mut State,
    root: &Value,
    v: &Value,
    ty: &TypeDef,
    path: &mut Vec<Term>,
    depth: usize,
) -> Result<(), Invalid> {
    if depth > 100 {
        return Err(invalid(
            "type definition is too deeply nested (recursive type?)",
            path,
        ));
    }
    if let Some(((kind, r), rest)) = ty.clauses.split_last() {
        let inner = TypeDef {
            clauses: rest.to_vec(),
            default: None,
            with: None,
            ..ty.clone()
        };
        match kind {
            ClauseKind::List => {
                let Value::List(l) = v else {
                    return Err(invalid(
                        format!(
                            "validation requires type of 'list' but element is of type '{}'",
                            v.type_name()
                        ),
                        path,
                    ));
                };
                check_range(r, l.len() as i64, "list size", path)?;
                for (i, e) in l.iter().enumerate() {
                    path.push(Term::Index(i as u32));
                    let res = check(st, root, e, &inner, path, depth + 1);
                    path.pop();
                    res?;
                }
            }
            ClauseKind::Dict => {
                let Value::Dict(d) = v else {
                    return Err(invalid(
                        format!(
                            "validation requires type of 'nlist' but element is of type '{}'",
                            v.type_name()
                        ),
                        path,
                    ));
                };
                check_range(r, d.len() as i64, "hash size", path)?;
                for (k, e) in d.iter() {
                    path.push(Term::Key(k.0.clone()));
                    let res = check(st, root, e, &inner, path, depth + 1);
                    path.pop();
                    res?;
                }
            }
            ClauseKind::Link => {
                let Value::Str(s) = v else {
                    return Err(invalid(
                        format!("link element must be a string; {} found", v.type_name()),
                        path,
                    ));
                };
                let target = parse_path(s).map_err(|m| Invalid {
                    class: ErrorClass::Evaluation,
                    message: m,
                    path: path.to_vec(),
                })?;
                let Some(t) = tree::get(root, &target.terms).filter(|_| target.is_absolute())
                else {
                    return Err(invalid(
                        format!("error evaluating path '{s}': path '{s}' does not have an associated value"),
                        path,
                    ));
                };
                let t = t.clone();
                let mut tp = target.terms.clone();
                check(st, root, &t, &inner, &mut tp, depth + 1)?;
            }
        }
        return run_with(st, v, ty, path);
    }
    match &ty.base {
        Base::Builtin(b, r) => {
            if !b.accepts(v) {
                return Err(invalid(
                    format!(
                        "validation requires type of '{}' but element is of type '{}'",
                        b.name(),
                        v.type_name()
                    ),
                    path,
                ));
            }
            check_value_range(r, v, path)?;
        }
        Base::Named(n, r) => {
            let Some(t) = lookup(st, n).cloned() else {
                return Err(invalid(format!("type '{n}' is not defined"), path));
            };
            check(st, root, v, &t, path, depth + 1)?;
            check_value_range(r, v, path)?;
        }
        Base::Choice(cs) => {
            let ok = matches!(v, Value::Str(s) if cs.iter().any(|c| c == &**s));
            if !ok {
                let shown = match v {
                    Value::Str(s) => s.to_string(),
                    other => crate::render_value(other),
                };
                return Err(invalid(
                    format!("value ({shown}) is not a possible choice value"),
                    path,
                ));
            }
        }
        Base::Record {
            extensible,
            fields,
            includes,
            range: r,
        } => {
            let Value::Dict(d) = v else {
                return Err(invalid(
                    format!(
                        "validation requires type of 'nlist' but element is of type '{}'",
                        v.type_name()
                    ),
                    path,
                ));
            };
            let all = record_fields(st, fields, includes);
            // Only the record's own `extensible` counts, not that of the records it includes.
            let ext = *extensible;
            check_range(r, d.len() as i64, "hash size", path)?;
            for f in all.iter() {
                match d.get(&Key(f.name.clone())) {
                    None => {
                        if f.required {
                            return Err(invalid(
                                format!("cannot find required field: {}", f.name),
                                path,
                            ));
                        }
                    }
                    Some(e) => {
                        path.push(Term::Key(f.name.clone()));
                        let res = check(st, root, e, &f.ty, path, depth + 1);
                        path.pop();
                        res?;
                    }
                }
            }
            if !ext {
                let extra: Vec<&str> = d
                    .keys()
                    .map(|k| k.as_str())
                    .filter(|k| !all.iter().any(|f| &*f.name == *k))
                    .collect();
                if !extra.is_empty() {
                    let mut m = String::from("record definition contains unexpected field(s): ");
                    for k in extra {
                        m.push_str(k);
                        m.push(' ');
                    }
                    return Err(invalid(m, path));
                }
            }
        }
    }
    run_with(st, v, ty, path)
}

fn check_range(r: &Option<Range>, n: i64, what: &str, path: &[Term]) -> Result<(), Invalid> {
    if let Some(r) = r {
        let lo = r.min.unwrap_or(0);
        if n < lo || r.max.map(|m| n > m).unwrap_or(false) {
            return Err(invalid(
                format!(
                    "{what} ({}) is outside range {}",
                    crate::path::group_digits(n),
                    show_range(r)
                ),
                path,
            ));
        }
    }
    Ok(())
}

fn show_range(r: &Range) -> String {
    format!(
        "{}..{}",
        r.min.unwrap_or(0),
        r.max.map(|m| m.to_string()).unwrap_or_default()
    )
}

fn check_value_range(r: &Option<Range>, v: &Value, path: &[Term]) -> Result<(), Invalid> {
    let Some(rg) = r else { return Ok(()) };
    if let Value::Bool(_) = v {
        return Err(invalid(
            "range checking cannot be applied to element of type boolean",
            path,
        ));
    }
    let lo = rg.min.unwrap_or(0);
    let outside = |n: i64| n < lo || rg.max.is_some_and(|m| n > m);
    // panc's messages (the size or value as Java's `{0,number}` shows it).
    let failed = match v {
        Value::Long(n) => outside(*n)
            .then(|| format!("value ({}) is outside range", crate::path::group_digits(*n))),
        Value::Double(x) => (*x < lo as f64 || rg.max.is_some_and(|m| *x > m as f64))
            .then(|| format!("value ({}) is outside range", java_number(*x))),
        Value::Str(s) => {
            let n = s.encode_utf16().count() as i64;
            outside(n).then(|| {
                format!(
                    "string size ({}) is outside range",
                    crate::path::group_digits(n)
                )
            })
        }
        Value::List(l) => outside(l.len() as i64).then(|| {
            format!(
                "list size ({}) is outside range",
                crate::path::group_digits(l.len() as i64)
            )
        }),
        Value::Dict(d) => outside(d.len() as i64).then(|| {
            format!(
                "hash size ({}) is outside range",
                crate::path::group_digits(d.len() as i64)
            )
        }),
        _ => None,
    };
    if let Some(m) = failed {
        return Err(invalid(format!("{m} {}", show_range(rg)), path));
    }
    Ok(())
}

/// A double as Java's default `NumberFormat` shows it: grouped, at most three decimals.
fn java_number(x: f64) -> String {
    if x.is_nan() {
        return "\u{FFFD}".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "\u{221E}" } else { "-\u{221E}" }.into();
    }
    let fixed = format!("{:.3}", x.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if x < 0.0 && (int != "0" || !frac.is_empty()) {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Run a `with` clause with SELF bound to the value.
fn run_with(st: &mut State, v: &Value, ty: &TypeDef, path: &[Term]) -> Result<(), Invalid> {
    let Some(code) = &ty.with else { return Ok(()) };
    let src = ty.src.clone();
    let mut ctx = Ctx::new(st, src, SelfSlot::ReadOnly(v.clone()));
    match ctx.eval(code) {
        Ok(Value::Bool(true)) => Ok(()),
        Ok(Value::Bool(false)) => Err(invalid("user-defined validation failed", path)),
        Ok(other) => Err(invalid(
            format!(
                "validation function must return a boolean; {} found",
                other.type_name()
            ),
            path,
        )),
        Err(Unwind::Return(Value::Bool(true))) => Ok(()),
        Err(Unwind::Return(_)) => Err(invalid("user-defined validation failed", path)),
        Err(Unwind::Error(e)) => Err(invalid(e.message.clone(), path)),
    }
}

/// `is_valid(type, value)`.
pub fn is_valid(st: &mut State, ty: &TypeDef, v: &Value) -> bool {
    let root = st.root.clone();
    check(st, &root, v, ty, &mut Vec::new(), 0).is_ok()
}

/// A type given by name for `is_valid`.
pub fn named(st: &State, name: &str) -> Option<Arc<TypeDef>> {
    if let Some(t) = st.types.get(name) {
        return Some(t.clone());
    }
    let b = Builtin::from_name(name)?;
    let src = Arc::new(SourceFile::new(Default::default(), Arc::from("")));
    Some(Arc::new(TypeDef {
        base: Base::Builtin(b, None),
        clauses: Vec::new(),
        default: None,
        with: None,
        src,
        span: Span::default(),
    }))
}
