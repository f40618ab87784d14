//! The configure form (the definition component): the schema as JSON (`GET /api/v1/schema`,
//! from [`crate::schema`]), the presets of the suggestion repository
//! (`GET /api/v1/configure/presets`), the user-level template a form generates, compiled
//! (`POST /api/v1/configure/preview`), and the knowledge center's fix of the rule it breaks
//! applied to the form's values (`POST /api/v1/configure/fix`). Form values reach Pan only
//! as literals: strings through [`crate::panstr::quote`], numbers and booleans re-printed
//! from their parsed value, and only at paths the schema has.

use crate::auth::Caller;
use crate::compiles::compile_for;
use crate::error::{ApiError, ApiResult};
use crate::panstr::quote;
use crate::schema::{Field, Schema};
use crate::state::App;
use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/schema", get(schema))
        .route("/api/v1/configure/presets", get(presets))
        .route("/api/v1/configure/preview", post(preview))
        .route("/api/v1/configure/fix", post(fix))
        .route("/configure", get(page))
        .route("/assets/configure.js", get(js))
}

async fn page(State(app): State<App>, headers: axum::http::HeaderMap) -> axum::response::Response {
    use axum::response::IntoResponse;
    let Some(c) = crate::pages::who(&app, &headers).await else {
        return axum::response::Redirect::to("/login").into_response();
    };
    crate::pages::render(
        "configure.html",
        minijinja::context! { user => c.user, admin => c.admin, csrf => c.csrf() },
    )
}

async fn js() -> impl axum::response::IntoResponse {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/javascript; charset=utf-8",
        )],
        include_str!("../assets/configure.js"),
    )
}

/// Most values a form may set.
const MAX_VALUES: usize = 200;
/// Longest JSON value of one field (bytes, as re-serialised).
const MAX_VALUE_BYTES: usize = 64 * 1024;

pub fn schema_of(app: &App) -> ApiResult<Arc<Schema>> {
    crate::schema::load(&app.0.stdlib).map_err(ApiError::Internal)
}

async fn schema(State(app): State<App>, _caller: Caller) -> ApiResult<Json<Value>> {
    Ok(Json(json!({ "schema": &*schema_of(&app)? })))
}

/// A preset of the suggestion repository (`VMCS_SUGGESTIONS`, as `vmcs new` reads it).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Preset {
    pub name: String,
    pub description: String,
    /// The template the generated profile includes.
    pub template: String,
    /// The values it starts the form with (profile path to value).
    pub values: BTreeMap<String, Value>,
    /// Whether it adds an interface on the default bridge.
    pub nic: bool,
}

/// The presets and default bridge, read by compiling a probe of the stdlib (cached).
pub fn presets_of(app: &App) -> ApiResult<Arc<(Vec<Preset>, String)>> {
    use std::sync::{Mutex, OnceLock};
    type Cache = Mutex<Option<(std::path::PathBuf, Arc<(Vec<Preset>, String)>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(None));
    let mut g = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((dir, p)) = &*g {
        if *dir == app.0.stdlib {
            return Ok(p.clone());
        }
    }
    let tmp = app.0.state_dir.join("portal/tmp");
    std::fs::create_dir_all(&tmp).map_err(|e| ApiError::Internal(e.to_string()))?;
    let scratch = tempfile::Builder::new()
        .prefix("presets-")
        .tempdir_in(&tmp)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let file = scratch.path().join("vmcs_suggestions.pan");
    std::fs::write(
        &file,
        "object template vmcs_suggestions;\ninclude 'vmcs/knowledge/suggestions';\n'/suggestions' = VMCS_SUGGESTIONS;\n",
    )
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    let c = vmcs_pan::Compiler::new(vmcs_pan::CompileOptions {
        include_dirs: vec![scratch.path().to_path_buf(), app.0.stdlib.clone()],
        nthread: 1,
        ..Default::default()
    })
    .map_err(|e| ApiError::Internal(e.message.clone()))?;
    let built = match c.compile_files(&[file]).into_iter().next() {
        Some((_, Ok(b))) => b,
        Some((_, Err(e))) => return Err(ApiError::Internal(format!("suggestions: {}", e.message))),
        None => return Err(ApiError::Internal("suggestions: nothing built".into())),
    };
    let v: Value = serde_json::from_str(&vmcs_pan::output::json::to_json_string(&built.root))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let s = &v["suggestions"];
    let bridge = s["bridge"].as_str().unwrap_or("xenbr0").to_string();
    let mut out = Vec::new();
    for (name, p) in s["presets"].as_object().into_iter().flatten() {
        let mut values = BTreeMap::new();
        for (k, path) in [
            ("vcpus", "/hardware/vcpus"),
            ("memory", "/hardware/memory"),
            ("maxmem", "/hardware/maxmem"),
        ] {
            if let Some(n) = p[k].as_i64() {
                values.insert(path.to_string(), json!(n));
            }
        }
        let pkgs: Map<String, Value> = p["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(|n| (n.to_string(), json!({ "name": n })))
            .collect();
        if !pkgs.is_empty() {
            values.insert("/software/packages".into(), Value::Object(pkgs));
        }
        out.push(Preset {
            name: name.clone(),
            description: p["description"].as_str().unwrap_or("").to_string(),
            template: p["template"]
                .as_str()
                .unwrap_or("vmcs/presets/small")
                .to_string(),
            values,
            nic: p["nic"].as_bool().unwrap_or(true),
        });
    }
    let r = Arc::new((out, bridge));
    *g = Some((app.0.stdlib.clone(), r.clone()));
    Ok(r)
}

async fn presets(State(app): State<App>, _caller: Caller) -> ApiResult<Json<Value>> {
    let a = app.clone();
    let p = tokio::task::spawn_blocking(move || presets_of(&a))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;
    Ok(Json(json!({ "presets": p.0, "bridge": p.1 })))
}

/// What the form sends: the VM name, a preset (or none) and the values set (path to value).
#[derive(Debug, Deserialize)]
pub struct Form {
    pub name: String,
    #[serde(default)]
    pub preset: Option<String>,
    #[serde(default)]
    pub values: BTreeMap<String, Value>,
}

fn bad(m: impl Into<String>) -> ApiError {
    ApiError::BadRequest(m.into())
}

/// A Pan literal of kind `kind` for `v`, or why not.
fn scalar(kind: &str, v: &Value) -> Result<String, String> {
    match (kind, v) {
        ("long", Value::Number(n)) if n.is_i64() => Ok(n.to_string()),
        ("long", Value::String(s)) => s
            .trim()
            .parse::<i64>()
            .map(|n| n.to_string())
            .map_err(|_| format!("`{s}` is not a whole number")),
        ("double", Value::Number(n)) => n
            .as_f64()
            .filter(|f| f.is_finite())
            .map(|f| format!("{f:?}"))
            .ok_or_else(|| "not a number".into()),
        ("double", Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(|f| format!("{f:?}"))
            .ok_or_else(|| format!("`{s}` is not a number")),
        ("boolean", Value::Bool(b)) => Ok(b.to_string()),
        ("string" | "choice", Value::String(s)) => Ok(quote(s)),
        _ => Err(format!("expected a {kind}")),
    }
}

/// Any JSON value as a Pan literal: strings quoted, numbers re-printed, no null.
fn json_literal(v: &Value, depth: usize) -> Result<String, String> {
    if depth > 16 {
        return Err("nested too deeply".into());
    }
    Ok(match v {
        Value::Null => return Err("null is not a value".into()),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_i64() => n.to_string(),
        Value::Number(n) => match n.as_f64().filter(|f| f.is_finite()) {
            Some(f) => format!("{f:?}"),
            None => return Err("not a number".into()),
        },
        Value::String(s) => quote(s),
        Value::Array(a) => {
            let items: Result<Vec<_>, _> = a.iter().map(|x| json_literal(x, depth + 1)).collect();
            format!("list({})", items?.join(", "))
        }
        Value::Object(o) => {
            let mut parts = Vec::new();
            for (k, x) in o {
                parts.push(format!("{}, {}", quote(k), json_literal(x, depth + 1)?));
            }
            format!("dict({})", parts.join(", "))
        }
    })
}

/// The Pan literal for one field's value.
fn literal(f: &Field, v: &Value) -> Result<String, String> {
    if serde_json::to_string(v)
        .map(|s| s.len())
        .unwrap_or(usize::MAX)
        > MAX_VALUE_BYTES
    {
        return Err("value too long".into());
    }
    match f.kind.as_str() {
        "list" => {
            let item = f.item.as_deref().unwrap_or("string");
            let Value::Array(a) = v else {
                return Err("expected a list".into());
            };
            let items: Result<Vec<_>, _> = a.iter().map(|x| scalar(item, x)).collect();
            Ok(format!("list({})", items?.join(", ")))
        }
        "json" => json_literal(v, 0),
        k => scalar(k, v),
    }
}

/// The user-level template for a form, or a 400 naming the field at fault.
pub fn generate(
    schema: &Schema,
    presets: &(Vec<Preset>, String),
    form: &Form,
) -> ApiResult<String> {
    let name = vmcs_model::VmName::new(form.name.clone()).map_err(|e| bad(format!("name: {e}")))?;
    if form.values.len() > MAX_VALUES {
        return Err(bad("too many values"));
    }
    let preset = match form.preset.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => Some(
            presets
                .0
                .iter()
                .find(|x| x.name == p)
                .ok_or_else(|| bad(format!("unknown preset {}", quote(p))))?,
        ),
        None => None,
    };
    let mut t = String::new();
    let _ = writeln!(t, "# {}: configured in the vmcs portal", name.as_str());
    let _ = writeln!(t, "object template {};\n", name.as_str());
    let _ = writeln!(t, "include 'vmcs/vm';");
    if let Some(p) = preset {
        // The preset's template name comes from the stdlib's suggestion repository.
        let _ = writeln!(t, "include {};", quote(&p.template));
    }
    t.push('\n');
    for (path, v) in &form.values {
        let f = schema
            .field(path)
            .ok_or_else(|| bad(format!("no field {} in the schema", quote(path))))?;
        let lit = literal(f, v).map_err(|e| bad(format!("{path}: {e}")))?;
        let _ = writeln!(t, "{} = {lit};", quote(path));
    }
    if let Some(p) = preset {
        if p.nic && !form.values.contains_key("/network/interfaces") {
            let _ = writeln!(
                t,
                "'/network/interfaces' = append(vmcs_nic({}));",
                quote(&presets.1)
            );
        }
    }
    Ok(t)
}

/// Generate and compile: `{pan, ok, xml, profile}` or `{pan, ok: false, error, detail,
/// field}` with `field` the form field the conflict belongs to.
async fn run_preview(app: &App, caller: &Caller, form: &Form) -> ApiResult<Value> {
    let a = app.clone();
    let (schema, presets) =
        tokio::task::spawn_blocking(move || Ok::<_, ApiError>((schema_of(&a)?, presets_of(&a)?)))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))??;
    let pan = generate(&schema, &presets, form)?;
    Ok(match compile_for(app, &caller.user, pan.clone()).await {
        Ok(c) => {
            let profile =
                vmcs_deps::panxml::pan_xml_to_json(&c.xml, "profile.xml").unwrap_or(Value::Null);
            json!({ "pan": pan, "ok": true, "xml": c.xml, "profile": profile })
        }
        Err(ApiError::Compile { message, detail }) => {
            let rule = &detail["rule"];
            let at = rule["path"]
                .as_str()
                .or(rule["fix"]["path"].as_str())
                .or(detail["host_access"][0]["path"].as_str());
            let field = at.and_then(|p| schema.field_for(p)).map(|f| f.path.clone());
            json!({ "pan": pan, "ok": false, "error": message, "detail": detail, "field": field })
        }
        Err(e) => return Err(e),
    })
}

async fn preview(
    State(app): State<App>,
    caller: Caller,
    Json(form): Json<Form>,
) -> ApiResult<Json<Value>> {
    Ok(Json(run_preview(&app, &caller, &form).await?))
}

/// Parse a fix's value (Pan source written by a rule: a literal, `list(...)`, `dict(...)`)
/// into JSON, without evaluating anything.
pub fn fix_value(src: &str) -> Option<Value> {
    let text = format!("object template v;\n'/v' = {src};\n");
    let parsed = vmcs_syntax::parse(&text);
    if !parsed.errors.is_empty() {
        return None;
    }
    let t = parsed.template?;
    if t.statements.len() != 1 {
        return None;
    }
    match &t.statements[0].kind {
        vmcs_syntax::StmtKind::Assign { value, .. } => crate::schema::literal_value(value),
        _ => None,
    }
}

/// Set `value` at `path` in the form: the field itself, or a part of a `json` field.
pub fn set_in_form(
    schema: &Schema,
    form: &mut Form,
    path: &str,
    value: Value,
) -> Result<String, String> {
    let f = schema
        .field_for(path)
        .ok_or_else(|| format!("the fix sets `{path}`, which the form has no field for"))?;
    if f.path == path {
        form.values.insert(f.path.clone(), value);
        return Ok(f.path.clone());
    }
    let rest = &path[f.path.len() + 1..];
    let cur = form
        .values
        .get(&f.path)
        .cloned()
        .or_else(|| f.default.clone())
        .unwrap_or_else(|| json!({}));
    let mut root = cur;
    let mut at = &mut root;
    let parts: Vec<&str> = rest.split('/').collect();
    for (i, p) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        at = match at {
            Value::Array(a) => {
                let n: usize = p
                    .parse()
                    .map_err(|_| format!("`{p}` is not a list index"))?;
                if n > a.len() || n > 64 {
                    return Err(format!("no element {n} in `{}`", f.path));
                }
                if n == a.len() {
                    a.push(json!({}));
                }
                &mut a[n]
            }
            Value::Object(o) => o.entry(p.to_string()).or_insert_with(|| json!({})),
            _ => return Err(format!("cannot set `{path}` in the form")),
        };
        if last {
            *at = value.clone();
        }
    }
    form.values.insert(f.path.clone(), root);
    Ok(f.path.clone())
}

/// Compile the form; if it breaks a rule with a fix, set the fix's value in the form (the
/// rule's own fix, as `vmcs fix` and `POST /api/v1/fix` apply it) and preview again:
/// `{applied: {path, value, field}, values, preview}`.
async fn fix(
    State(app): State<App>,
    caller: Caller,
    Json(mut form): Json<Form>,
) -> ApiResult<Json<Value>> {
    let first = run_preview(&app, &caller, &form).await?;
    if first["ok"] == true {
        return Ok(Json(
            json!({ "applied": null, "values": form.values, "preview": first }),
        ));
    }
    let fixv = &first["detail"]["rule"]["fix"];
    let (Some(path), Some(src)) = (fixv["path"].as_str(), fixv["value"].as_str()) else {
        return Err(bad("the configuration breaks no rule with a fix"));
    };
    let value =
        fix_value(src).ok_or_else(|| bad(format!("the fix value `{src}` is not a plain value")))?;
    let a = app.clone();
    let schema = tokio::task::spawn_blocking(move || schema_of(&a))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;
    let field = set_in_form(&schema, &mut form, path, value.clone()).map_err(bad)?;
    let again = run_preview(&app, &caller, &form).await?;
    Ok(Json(json!({
        "applied": { "path": path, "value": value, "field": field },
        "values": form.values,
        "preview": again,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fix_values_parse_without_evaluation() {
        assert_eq!(fix_value("512"), Some(json!(512)));
        assert_eq!(fix_value("'xenbr0'"), Some(json!("xenbr0")));
        assert_eq!(fix_value("dict('name', 'x')"), Some(json!({"name": "x"})));
        assert_eq!(fix_value("vmcs_nic('x')"), None);
        assert_eq!(fix_value("1; '/system/root' = 'x'"), None);
    }

    #[test]
    fn hostile_values_stay_literals() {
        let schema = crate::schema::read(&vmcs_stdlib::dir().unwrap()).unwrap();
        let presets = (Vec::new(), "xenbr0".to_string());
        let mut values = BTreeMap::new();
        values.insert(
            "/system/locale".to_string(),
            json!("x'; '/system/root/password_login' = true; '"),
        );
        values.insert("/hardware/vcpus".to_string(), json!("2; include 'x'"));
        let form = Form {
            name: "vm1".into(),
            preset: None,
            values,
        };
        assert!(
            generate(&schema, &presets, &form).is_err(),
            "a long field takes digits only"
        );
        let mut values = BTreeMap::new();
        values.insert("/system/locale".to_string(), json!("x\"; '/a' = 1; \""));
        let form = Form {
            name: "vm1".into(),
            preset: None,
            values,
        };
        let pan = generate(&schema, &presets, &form).unwrap();
        assert!(pan.contains(r#"'/system/locale'"#) || pan.contains(r#""/system/locale""#));
        assert!(pan.contains(r#""x\"; '/a' = 1; \"""#), "{pan}");
        let form = Form {
            name: "../etc".into(),
            preset: None,
            values: BTreeMap::new(),
        };
        assert!(generate(&schema, &presets, &form).is_err());
        let mut values = BTreeMap::new();
        values.insert("/system/x' = 1; '".to_string(), json!("y"));
        let form = Form {
            name: "vm1".into(),
            preset: None,
            values,
        };
        assert!(
            generate(&schema, &presets, &form).is_err(),
            "paths come from the schema only"
        );
    }
}
