//! Pan types: lowering type specs, applying defaults from bound types, and validating a
//! finished profile against every `bind`/`valid` (including `with` clauses and links).

use crate::diag::{Error, Loc, Related, SourceFile};
use crate::error::ErrorClass;
use crate::eval::{Ctx, SelfSlot, Unwind};
use crate::ir::{self, Code};
use crate::loader::CompiledTemplate;
use crate::object::State;
use crate::path::{parse_path, Path, PathKind, Term};
use crate::tree;
use crate::value::{Key, Value};
use std::sync::Arc;
use vmcs_syntax::{BaseType, ClauseKind, FieldSpec, FullTypeSpec, Span};

/// A bound type, recorded by a `bind` or `valid` statement.
#[derive(Debug, Clone)]
pub struct BindRec {
    pub path: Path,
    pub spec: Arc<TypeDef>,
    pub loc: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    Boolean,
    Long,
    Double,
    String,
    Number,
    Property,
    Element,
    Resource,
    List,
    Dict,
    Undef,
}

impl Builtin {
    fn from_name(n: &str) -> Option<Builtin> {
        Some(match n {
            "boolean" => Builtin::Boolean,
            "long" => Builtin::Long,
            "double" => Builtin::Double,
            "string" => Builtin::String,
            "number" => Builtin::Number,
            "property" => Builtin::Property,
            "element" => Builtin::Element,
            "resource" => Builtin::Resource,
            "list" => Builtin::List,
            "nlist" | "dict" => Builtin::Dict,
            "undef" => Builtin::Undef,
            _ => return None,
        })
    }
    fn name(self) -> &'static str {
        match self {
            Builtin::Boolean => "boolean",
            Builtin::Long => "long",
            Builtin::Double => "double",
            Builtin::String => "string",
            Builtin::Number => "number",
            Builtin::Property => "property",
            Builtin::Element => "element",
            Builtin::Resource => "resource",
            Builtin::List => "list",
            Builtin::Dict => "nlist",
            Builtin::Undef => "undef",
        }
    }
    fn accepts(self, v: &Value) -> bool {
        match self {
            Builtin::Boolean => matches!(v, Value::Bool(_)),
            Builtin::Long => matches!(v, Value::Long(_)),
            Builtin::Double => matches!(v, Value::Double(_)),
            Builtin::String => matches!(v, Value::Str(_)),
            Builtin::Number => matches!(v, Value::Long(_) | Value::Double(_)),
            Builtin::Property => v.is_property(),
            Builtin::Element => true,
            Builtin::Resource => v.is_resource(),
            Builtin::List => matches!(v, Value::List(_)),
            Builtin::Dict => matches!(v, Value::Dict(_)),
            Builtin::Undef => v.is_undef(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: Arc<str>,
    pub required: bool,
    pub ty: Arc<TypeDef>,
}

#[derive(Debug, Clone)]
pub enum Base {
    Builtin(Builtin, Option<Range>),
    Named(Arc<str>, Option<Range>),
    Choice(Vec<String>),
    Record {
        extensible: bool,
        fields: Vec<Field>,
        includes: Vec<Arc<str>>,
        range: Option<Range>,
    },
}

/// A type: base, then clauses applied innermost first (`long[]{}` is a dict of lists).
#[derive(Debug, Clone)]
pub struct TypeDef {
    pub base: Base,
    pub clauses: Vec<(ClauseKind, Option<Range>)>,
    pub default: Option<Value>,
    pub with: Option<Code>,
    pub src: Arc<SourceFile>,
    pub span: Span,
}

fn range(r: &Option<vmcs_syntax::Range>) -> Option<Range> {
    r.map(|r| Range {
        min: r.min,
        max: r.max,
    })
}

/// Lower a full type spec.
pub fn lower_full(
    src: &Arc<SourceFile>,
    spec: &FullTypeSpec,
    _name: Option<&str>,
) -> Result<TypeDef, Error> {
    let at = |span: Span| Loc {
        file: src.clone(),
        span,
    };
    let base = match &spec.spec.base {
        BaseType::Named { name, range: r, .. } => match Builtin::from_name(&name.name) {
            Some(b) => Base::Builtin(b, range(r)),
            None => Base::Named(Arc::from(name.name.as_str()), range(r)),
        },
        BaseType::Choice { choices, .. } => Base::Choice(choices.clone()),
        BaseType::Record {
            extensible,
            fields,
            range: r,
            ..
        } => {
            let mut fs = Vec::new();
            let mut includes = Vec::new();
            for f in fields {
                match f {
                    FieldSpec::Field {
                        name,
                        required,
                        spec,
                        ..
                    } => fs.push(Field {
                        name: Arc::from(name.text.as_str()),
                        required: *required,
                        ty: Arc::new(lower_full(src, spec, None)?),
                    }),
                    FieldSpec::Include { name, .. } => includes.push(Arc::from(name.name.as_str())),
                }
            }
            Base::Record {
                extensible: *extensible,
                fields: fs,
                includes,
                range: range(r),
            }
        }
    };
    let default = match &spec.default {
        None => None,
        Some(e) => {
            let code =
                ir::lower(e).map_err(|le| Error::new(le.class, le.message).at(at(le.span)))?;
            let mut st = State::compile_time();
            let mut ctx = Ctx::new(&mut st, src.clone(), SelfSlot::None);
            match ctx.eval(&code) {
                Ok(v) => Some(v),
                Err(Unwind::Error(e)) => {
                    return Err(Error::new(
                        ErrorClass::Syntax,
                        format!(
                            "default value must be a compile-time constant: {}",
                            e.message
                        ),
                    )
                    .at(at(e.span())))
                }
                Err(Unwind::Return(v)) => Some(v),
            }
        }
    };
    let with = match &spec.with {
        None => None,
        Some(e) => {
            Some(ir::lower(e).map_err(|le| Error::new(le.class, le.message).at(at(le.span)))?)
        }
    };
    Ok(TypeDef {
        base,
        clauses: spec
            .spec
            .clauses
            .iter()
            .map(|c| (c.kind, range(&c.range)))
            .collect(),
        default,
        with,
        src: src.clone(),
        span: spec.span,
    })
}

trait ErrSpan {
    fn span(&self) -> Span;
}
impl ErrSpan for Error {
    fn span(&self) -> Span {
        self.loc.as_ref().map(|l| l.span).unwrap_or_default()
    }
}

/// `valid 'path' = DML;` is `bind 'path' = element with DML;`.
pub fn valid_type(code: Code) -> TypeDef {
    let src = Arc::new(SourceFile::new(Default::default(), Arc::from("")));
    let span = code.span;
    TypeDef {
        base: Base::Builtin(Builtin::Element, None),
        clauses: Vec::new(),
        default: None,
        with: Some(code),
        src,
        span,
    }
}

/// Resolve a bind/valid path: `${VAR}` substitution from globals, then the prefix.
pub fn bind_path(
    st: &State,
    tpl: &CompiledTemplate,
    text: &str,
    prefix: Option<&Path>,
    span: Span,
) -> Result<Path, Error> {
    let loc = Loc {
        file: tpl.src.clone(),
        span,
    };
    let mut s = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("${") {
        s.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find('}') else {
            return Err(Error::new(
                ErrorClass::Syntax,
                format!("unterminated variable reference in path '{text}'"),
            )
            .at(loc));
        };
        let var = &after[..j];
        match st.globals.get(var).map(|g| &g.value) {
            Some(Value::Str(v)) => s.push_str(v),
            Some(Value::Long(n)) => s.push_str(&n.to_string()),
            Some(other) => {
                return Err(Error::new(
                    ErrorClass::Evaluation,
                    format!(
                        "variable '{var}' in path must be a string or long; {} found",
                        other.type_name()
                    ),
                )
                .at(loc))
            }
            None => {
                return Err(Error::new(
                    ErrorClass::Evaluation,
                    format!("variable named '{var}' is undefined"),
                )
                .at(loc))
            }
        }
        rest = &after[j + 1..];
    }
    s.push_str(rest);
    let p = parse_path(&s).map_err(|m| Error::new(ErrorClass::Syntax, m).at(loc.clone()))?;
    let _ = prefix;
    if p.kind != PathKind::Absolute {
        return Err(Error::new(
            ErrorClass::Syntax,
            format!("only absolute paths can be used with bind statements ({s})"),
        )
        .at(loc));
    }
    Ok(p)
}

/// Check a type when its `type`/`bind` statement runs: referenced types must exist, record
/// includes must be records, ranges must not be inverted.
pub fn check_definition(st: &State, ty: &TypeDef, self_name: Option<&str>) -> Result<(), String> {
    fn range_ok(r: &Option<Range>) -> Result<(), String> {
        if let Some(Range {
            min: Some(a),
            max: Some(b),
        }) = r
        {
            if a > b {
                return Err(format!(
                    "minimum range value ({a}) must be less than or equal to maximum value ({b})"
                ));
            }
        }
        Ok(())
    }
    for (_, r) in &ty.clauses {
        range_ok(r)?;
    }
    match &ty.base {
        Base::Builtin(_, r) => range_ok(r),
        Base::Named(n, r) => {
            if Some(&**n) != self_name && !st.types.contains_key(n) {
                return Err(format!("referenced type '{n}' is not defined"));
            }
            range_ok(r)
        }
        Base::Choice(_) => Ok(()),
        Base::Record {
            fields,
            includes,
            range: r,
            ..
        } => {
            range_ok(r)?;
            for inc in includes {
                match st.types.get(inc) {
                    None => return Err(format!("referenced type '{inc}' is not defined")),
                    Some(t) if !matches!(t.base, Base::Record { .. }) || !t.clauses.is_empty() => {
                        return Err(format!(
                            "record definition includes non-record type: '{inc}'"
                        ));
                    }
                    _ => {}
                }
            }
            for f in fields {
                check_definition(st, &f.ty, self_name)?;
            }
            Ok(())
        }
    }
}

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
                check_range(r, d.len() as i64, "nlist size", path)?;
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
            let mut ext = *extensible;
            for inc in includes {
                if let Some(t) = lookup(st, inc) {
                    if let Base::Record {
                        extensible: true, ..
                    } = t.base
                    {
                        ext = true;
                    }
                }
            }
            check_range(r, d.len() as i64, "nlist size", path)?;
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
                format!("{what} ({n}) is outside of allowed range {}", show_range(r)),
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
    let bad = match v {
        Value::Long(n) => *n < lo || rg.max.map(|m| *n > m).unwrap_or(false),
        Value::Double(x) => *x < lo as f64 || rg.max.map(|m| *x > m as f64).unwrap_or(false),
        Value::Str(s) => {
            let n = s.encode_utf16().count() as i64;
            n < lo || rg.max.map(|m| n > m).unwrap_or(false)
        }
        Value::List(l) => {
            (l.len() as i64) < lo || rg.max.map(|m| l.len() as i64 > m).unwrap_or(false)
        }
        Value::Dict(d) => {
            (d.len() as i64) < lo || rg.max.map(|m| d.len() as i64 > m).unwrap_or(false)
        }
        _ => false,
    };
    if bad {
        let shown = crate::render_value(v);
        return Err(invalid(
            format!("{shown} is outside of the allowed range {}", show_range(rg)),
            path,
        ));
    }
    Ok(())
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

#[allow(dead_code)]
fn unused(_: PathKind) {}
