//! The configure form's fields, read from the stdlib's Pan types (`vmcs/schema` and what it
//! includes) with the parser, not written by hand: every field of `vmcs_vm_profile`'s parts
//! (hardware, system, network, storage, software), nested records flattened into paths,
//! with its kind, range, default, allowed values (`vmcs_one_of(SELF, list(...))`,
//! `SELF == '...'`, `choice(...)`), pattern (`match(SELF, '...')`) and documentation. A field
//! added to the schema shows up in the form with no change here.

use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use vmcs_syntax::{BaseType, ExprKind, FieldSpec, FullTypeSpec, Literal, StmtKind};

/// The template that declares the profile type, and the type.
const ROOT_TEMPLATE: &str = "vmcs/schema";
const ROOT_TYPE: &str = "vmcs_vm_profile";
/// The parts of a profile the form shows, in this order (others follow).
const PARTS: &[&str] = &["hardware", "system", "network", "storage", "software"];
/// Paths the user never sets (the resolver writes them).
const HIDDEN: &[&str] = &["/software/resolved", "/vm"];
/// Bounds on what is read: templates, nesting of records.
const MAX_FILES: usize = 64;
const MAX_DEPTH: usize = 6;

/// One input of the form.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Field {
    /// The profile path (`/hardware/vcpus`).
    pub path: String,
    /// `long`, `double`, `boolean`, `string`, `choice`, `list` (of scalars) or `json`
    /// (lists and dicts of records, dicts of scalars: entered as a JSON value).
    pub kind: String,
    /// For `list`: the kind of the items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The Pan type as written (`long(1..256)`, `vmcs_arch`).
    pub pan_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
}

/// One part of the profile (a tab of the form).
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub name: String,
    pub doc: Option<String>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Schema {
    pub sections: Vec<Section>,
}

impl Schema {
    pub fn field(&self, path: &str) -> Option<&Field> {
        self.sections
            .iter()
            .flat_map(|s| &s.fields)
            .find(|f| f.path == path)
    }

    /// The field `path` falls in (itself, or the `json` field holding it).
    pub fn field_for(&self, path: &str) -> Option<&Field> {
        self.sections
            .iter()
            .flat_map(|s| &s.fields)
            .filter(|f| path == f.path || path.starts_with(&format!("{}/", f.path)))
            .max_by_key(|f| f.path.len())
    }
}

/// A named type: its spec and its documentation.
struct Named {
    spec: FullTypeSpec,
    doc: Option<String>,
}

/// The schema of the stdlib in `stdlib` (read once per directory).
pub fn load(stdlib: &Path) -> Result<Arc<Schema>, String> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<Schema>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(s) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(stdlib) {
        return Ok(s.clone());
    }
    let s = Arc::new(read(stdlib)?);
    cache
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(stdlib.to_path_buf(), s.clone());
    Ok(s)
}

/// Parse `vmcs/schema` and the templates it includes (literal names only), collect the
/// types, and walk `vmcs_vm_profile`.
pub fn read(stdlib: &Path) -> Result<Schema, String> {
    let mut types: HashMap<String, Named> = HashMap::new();
    let mut todo = vec![ROOT_TEMPLATE.to_string()];
    let mut seen: Vec<String> = Vec::new();
    while let Some(name) = todo.pop() {
        if seen.contains(&name) || !vmcs_pan::template::valid_template_name(&name) {
            continue;
        }
        if seen.len() >= MAX_FILES {
            return Err("the schema includes too many templates".into());
        }
        seen.push(name.clone());
        let file = stdlib.join(format!("{name}.pan"));
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let parsed = vmcs_syntax::parse(&text);
        let Some(t) = parsed.template else {
            return Err(format!("the stdlib template `{name}` does not parse"));
        };
        for st in &t.statements {
            match &st.kind {
                StmtKind::Include(e) => {
                    if let ExprKind::Literal(Literal::Str(s)) = &e.kind {
                        todo.push(s.clone());
                    }
                }
                StmtKind::Type { name, spec } => {
                    let doc = t
                        .annotations
                        .iter()
                        .rfind(|a| a.span.end <= st.span.start)
                        .filter(|a| {
                            // Only the annotation right before the statement documents it.
                            let between = text.get(a.span.end as usize..st.span.start as usize);
                            between.is_some_and(|b| b.trim().is_empty())
                        })
                        .map(|a| a.body.trim().replace('\n', " "));
                    types.insert(
                        name.name.clone(),
                        Named {
                            spec: spec.clone(),
                            doc,
                        },
                    );
                }
                _ => {}
            }
        }
    }
    let root = types
        .get(ROOT_TYPE)
        .ok_or_else(|| format!("the stdlib has no type `{ROOT_TYPE}`"))?;
    let BaseType::Record { fields, .. } = &root.spec.spec.base else {
        return Err(format!("`{ROOT_TYPE}` is not a record"));
    };
    let mut sections = Vec::new();
    for f in fields {
        let FieldSpec::Field { name, spec, .. } = f else {
            continue;
        };
        let path = format!("/{}", name.text);
        if HIDDEN.contains(&path.as_str()) {
            continue;
        }
        let (rec, doc) = record_of(&types, spec, 0);
        let mut out = Vec::new();
        match rec {
            Some(rfields) => walk_record(&types, &path, &rfields, 1, &mut out),
            None => out.push(field(&types, &path, true, spec)),
        }
        sections.push(Section {
            name: name.text.clone(),
            doc,
            fields: out,
        });
    }
    sections.sort_by_key(|s| {
        PARTS
            .iter()
            .position(|p| *p == s.name)
            .unwrap_or(PARTS.len())
    });
    Ok(Schema { sections })
}

/// The record fields behind a spec (following named types), with the record's doc.
fn record_of(
    types: &HashMap<String, Named>,
    spec: &FullTypeSpec,
    depth: usize,
) -> (Option<Vec<FieldSpec>>, Option<String>) {
    if !spec.spec.clauses.is_empty() || depth > MAX_DEPTH {
        return (None, None);
    }
    match &spec.spec.base {
        BaseType::Record { fields, .. } => {
            let mut all = Vec::new();
            for f in fields {
                match f {
                    FieldSpec::Include { name, .. } => {
                        if let Some(n) = types.get(&name.name) {
                            if let (Some(inner), _) = record_of(types, &n.spec, depth + 1) {
                                all.extend(inner);
                            }
                        }
                    }
                    other => all.push(other.clone()),
                }
            }
            (Some(all), None)
        }
        BaseType::Named { name, .. } => match types.get(&name.name) {
            Some(n) => {
                let (r, _) = record_of(types, &n.spec, depth + 1);
                (r, n.doc.clone())
            }
            None => (None, None),
        },
        BaseType::Choice { .. } => (None, None),
    }
}

fn walk_record(
    types: &HashMap<String, Named>,
    prefix: &str,
    fields: &[FieldSpec],
    depth: usize,
    out: &mut Vec<Field>,
) {
    for f in fields {
        let FieldSpec::Field {
            name,
            required,
            spec,
            ..
        } = f
        else {
            continue;
        };
        let path = format!("{prefix}/{}", name.text);
        if HIDDEN.contains(&path.as_str()) {
            continue;
        }
        match record_of(types, spec, 0) {
            (Some(inner), _) if depth < MAX_DEPTH => {
                walk_record(types, &path, &inner, depth + 1, out)
            }
            _ => out.push(field(types, &path, *required, spec)),
        }
    }
}

/// What a chain of named types says about a scalar: builtin, range, default, constraints.
#[derive(Default)]
struct Facts {
    builtin: Option<String>,
    min: Option<i64>,
    max: Option<i64>,
    default: Option<serde_json::Value>,
    choices: Vec<String>,
    pattern: Option<String>,
    doc: Option<String>,
}

fn facts(types: &HashMap<String, Named>, spec: &FullTypeSpec, depth: usize, f: &mut Facts) {
    if f.default.is_none() {
        f.default = spec.default.as_deref().and_then(literal_value);
    }
    if let Some(w) = &spec.with {
        constraints(w, f, 0);
    }
    if depth > MAX_DEPTH {
        return;
    }
    match &spec.spec.base {
        BaseType::Choice { choices, .. } => {
            f.builtin = Some("string".into());
            if f.choices.is_empty() {
                f.choices = choices.clone();
            }
        }
        BaseType::Record { .. } => f.builtin = Some("record".into()),
        BaseType::Named { name, range, .. } => {
            if let Some(r) = range {
                f.min = f.min.or(r.min);
                f.max = f.max.or(r.max);
            }
            match types.get(&name.name) {
                Some(n) => {
                    if f.doc.is_none() {
                        f.doc = n.doc.clone();
                    }
                    if !n.spec.spec.clauses.is_empty() {
                        f.builtin = Some("collection".into());
                        return;
                    }
                    facts(types, &n.spec, depth + 1, f)
                }
                None => f.builtin = Some(name.name.clone()),
            }
        }
    }
}

/// Allowed values and patterns from a `with` expression (`&&` of known checks).
fn constraints(e: &vmcs_syntax::Expr, f: &mut Facts, depth: usize) {
    if depth > 8 {
        return;
    }
    let is_self = |e: &vmcs_syntax::Expr| matches!(&e.kind, ExprKind::Var(v) if v.name.name == "SELF" && v.subscripts.is_empty());
    match &e.kind {
        ExprKind::Binary {
            op: vmcs_syntax::BinOp::And,
            lhs,
            rhs,
        } => {
            constraints(lhs, f, depth + 1);
            constraints(rhs, f, depth + 1);
        }
        ExprKind::Binary {
            op: vmcs_syntax::BinOp::Eq,
            lhs,
            rhs,
        } if is_self(lhs) => {
            if let ExprKind::Literal(Literal::Str(s)) = &rhs.kind {
                f.choices = vec![s.clone()];
            }
        }
        ExprKind::Call { name, args } if args.len() == 2 && is_self(&args[0]) => {
            match (name.name.as_str(), &args[1].kind) {
                (
                    "vmcs_one_of",
                    ExprKind::Call {
                        name: l,
                        args: items,
                    },
                ) if l.name == "list" => {
                    let c: Vec<String> = items
                        .iter()
                        .filter_map(|i| match &i.kind {
                            ExprKind::Literal(Literal::Str(s)) => Some(s.clone()),
                            _ => None,
                        })
                        .collect();
                    if c.len() == items.len() && f.choices.is_empty() {
                        f.choices = c;
                    }
                }
                ("match", ExprKind::Literal(Literal::Str(s))) if f.pattern.is_none() => {
                    f.pattern = Some(s.clone());
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// A JSON value for a literal default (`1`, `'amd64'`, `true`, `list('a')`, `dict()`).
pub fn literal_value(e: &vmcs_syntax::Expr) -> Option<serde_json::Value> {
    use serde_json::Value as J;
    Some(match &e.kind {
        ExprKind::Literal(Literal::Long(n)) => J::from(*n),
        ExprKind::Literal(Literal::Double(d)) => J::from(*d),
        ExprKind::Literal(Literal::Str(s)) => J::from(s.clone()),
        ExprKind::Literal(Literal::Bool(b)) => J::from(*b),
        ExprKind::Unary {
            op: vmcs_syntax::UnaryOp::Neg,
            operand,
        } => match &operand.kind {
            ExprKind::Literal(Literal::Long(n)) => J::from(-*n),
            _ => return None,
        },
        ExprKind::Call { name, args } if name.name == "list" => {
            J::Array(args.iter().map(literal_value).collect::<Option<Vec<_>>>()?)
        }
        ExprKind::Call { name, args }
            if (name.name == "dict" || name.name == "nlist") && args.len() % 2 == 0 =>
        {
            let mut m = serde_json::Map::new();
            for kv in args.chunks(2) {
                let ExprKind::Literal(Literal::Str(k)) = &kv[0].kind else {
                    return None;
                };
                m.insert(k.clone(), literal_value(&kv[1])?);
            }
            J::Object(m)
        }
        _ => return None,
    })
}

fn scalar_kind(builtin: &str) -> Option<&'static str> {
    Some(match builtin {
        "long" => "long",
        "double" | "number" => "double",
        "boolean" => "boolean",
        "string" => "string",
        _ => return None,
    })
}

fn field(types: &HashMap<String, Named>, path: &str, required: bool, spec: &FullTypeSpec) -> Field {
    let mut f = Facts::default();
    let clauses = &spec.spec.clauses;
    let pan_type = type_text(spec);
    // The item type of a one-level list (`string[]`, `vmcs_ipv4[]`).
    let item_spec = FullTypeSpec {
        spec: vmcs_syntax::TypeSpec {
            base: spec.spec.base.clone(),
            clauses: Vec::new(),
            span: spec.spec.span,
        },
        default: None,
        with: None,
        span: spec.span,
    };
    let (kind, item) = if clauses.is_empty() {
        facts(types, spec, 0, &mut f);
        match f.builtin.as_deref().and_then(scalar_kind) {
            Some("string") if !f.choices.is_empty() => ("choice".to_string(), None),
            Some(k) => (k.to_string(), None),
            None => ("json".to_string(), None),
        }
    } else {
        let mut inner = Facts::default();
        facts(types, &item_spec, 0, &mut inner);
        f.default = spec.default.as_deref().and_then(literal_value);
        f.doc = inner.doc.clone();
        let single_list = clauses.len() == 1 && clauses[0].kind == vmcs_syntax::ClauseKind::List;
        match inner.builtin.as_deref().and_then(scalar_kind) {
            Some(k) if single_list => {
                f.pattern = inner.pattern;
                f.choices = inner.choices;
                ("list".to_string(), Some(k.to_string()))
            }
            _ => ("json".to_string(), None),
        }
    };
    Field {
        path: path.to_string(),
        kind,
        item,
        required,
        default: f.default,
        choices: f.choices,
        min: f.min,
        max: f.max,
        pattern: f.pattern,
        pan_type,
        doc: f.doc,
    }
}

/// The type as the schema writes it, without default and `with`.
fn type_text(spec: &FullTypeSpec) -> String {
    let mut s = match &spec.spec.base {
        BaseType::Named { name, range, .. } => match range {
            Some(r) => format!(
                "{}({}..{})",
                name.name,
                r.min.map(|v| v.to_string()).unwrap_or_default(),
                r.max.map(|v| v.to_string()).unwrap_or_default()
            ),
            None => name.name.clone(),
        },
        BaseType::Choice { choices, .. } => format!("choice({})", choices.join(", ")),
        BaseType::Record { .. } => "{ ... }".into(),
    };
    for c in &spec.spec.clauses {
        s.push_str(match c.kind {
            vmcs_syntax::ClauseKind::List => "[]",
            vmcs_syntax::ClauseKind::Dict => "{}",
            vmcs_syntax::ClauseKind::Link => "*",
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stdlib() -> PathBuf {
        vmcs_stdlib::dir().unwrap()
    }

    #[test]
    fn the_stdlib_schema_gives_typed_fields() {
        let s = read(&stdlib()).unwrap();
        let names: Vec<_> = s.sections.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(&names[..5], PARTS);
        let vcpus = s.field("/hardware/vcpus").unwrap();
        assert_eq!(
            (vcpus.kind.as_str(), vcpus.min, vcpus.max),
            ("long", Some(1), Some(256))
        );
        assert_eq!(vcpus.default, Some(serde_json::json!(1)));
        let arch = s.field("/hardware/arch").unwrap();
        assert_eq!(arch.kind, "choice");
        assert_eq!(arch.choices, ["i386", "amd64", "arm64"]);
        assert!(arch.doc.as_deref().unwrap().contains("architecture"));
        assert_eq!(
            s.field("/system/os/variant").unwrap().choices,
            ["-", "minbase", "buildd"]
        );
        assert_eq!(
            s.field("/system/os/distribution").unwrap().choices,
            ["debian"]
        );
        assert_eq!(s.field("/system/services").unwrap().kind, "list");
        assert_eq!(
            s.field("/network/dns/servers").unwrap().item.as_deref(),
            Some("string")
        );
        assert_eq!(s.field("/software/packages").unwrap().kind, "json");
        assert_eq!(
            s.field("/system/root/password_login").unwrap().kind,
            "boolean"
        );
        assert!(s.field("/software/resolved").is_none());
        assert_eq!(
            s.field_for("/network/interfaces/0/bridge").unwrap().path,
            "/network/interfaces"
        );
    }
}
