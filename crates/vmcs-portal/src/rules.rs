//! The rule and suggestion repository editor (administrators): the knowledge-center
//! templates of the stdlib (`vmcs/knowledge/...`: the rules, the suggestions, their tables)
//! are listed, read, edited, compile-checked and saved as a site override. Overrides live in
//! the state directory (`STATE/portal/rules/`, one `.pan` per template, written by rename);
//! the binary's stdlib is never written. Portal compiles then use an overlay directory: a
//! copy of the stdlib with the overrides on top (`STATE/portal/stdlib-site/HASH`, built once
//! per set of overrides), so every later compile of every user sees the site's rules.

use crate::auth::Caller;
use crate::compile::compile_untrusted;
use crate::error::{ApiError, ApiResult};
use crate::state::App;
use axum::extract::{Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The part of the stdlib the editor manages.
pub const KNOWLEDGE: &str = "vmcs/knowledge";
/// Largest override accepted (bytes).
const MAX_TEXT: usize = 256 * 1024;

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/admin/rules", get(list))
        .route(
            "/api/v1/admin/rules/template",
            get(read).put(save).delete(reset),
        )
        .route("/api/v1/admin/rules/check", post(check))
}

fn overrides_dir(state: &Path) -> PathBuf {
    state.join("portal/rules")
}

/// The knowledge templates of the stdlib at `stdlib` (`vmcs/knowledge/rules/hardware`, ...).
pub fn templates(stdlib: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![stdlib.join(KNOWLEDGE)];
    while let Some(d) = todo.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "pan") {
                if let Ok(rel) = p.strip_prefix(stdlib) {
                    let s = rel.with_extension("").to_string_lossy().into_owned();
                    out.push(s);
                }
            }
        }
    }
    out.sort();
    out
}

/// `path` if it names one of the knowledge templates (the only names accepted: no path
/// from a request ever reaches the file system otherwise).
fn known(app: &App, path: &str) -> ApiResult<String> {
    templates(&app.0.stdlib)
        .into_iter()
        .find(|t| t == path)
        .ok_or(ApiError::NotFound)
}

fn override_file(state: &Path, path: &str) -> PathBuf {
    overrides_dir(state).join(format!("{path}.pan"))
}

/// The site's overrides: (template, text).
pub fn overrides(state: &Path, stdlib: &Path) -> Vec<(String, String)> {
    templates(stdlib)
        .into_iter()
        .filter_map(|t| {
            std::fs::read_to_string(override_file(state, &t))
                .ok()
                .map(|s| (t, s))
        })
        .collect()
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let t = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_tree(&e.path(), &t)?;
        } else {
            std::fs::copy(e.path(), &t)?;
        }
    }
    Ok(())
}

/// The stdlib with `over` on top, under `base/HASH` (built once, by rename).
fn overlay(stdlib: &Path, base: &Path, over: &[(String, String)]) -> std::io::Result<PathBuf> {
    let mut h = Sha256::new();
    h.update(stdlib.to_string_lossy().as_bytes());
    for (p, t) in over {
        h.update([0]);
        h.update(p.as_bytes());
        h.update([0]);
        h.update(t.as_bytes());
    }
    let dir = base.join(&hex::encode(h.finalize())[..16]);
    if dir.join("vmcs/vm.pan").is_file() {
        return Ok(dir);
    }
    std::fs::create_dir_all(base)?;
    let tmp = tempfile::Builder::new()
        .prefix(".build-")
        .tempdir_in(base)?;
    copy_tree(stdlib, tmp.path())?;
    for (p, t) in over {
        std::fs::write(tmp.path().join(format!("{p}.pan")), t)?;
    }
    let tmp = tmp.keep();
    if std::fs::rename(&tmp, &dir).is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    Ok(dir)
}

fn cache() -> &'static Mutex<HashMap<PathBuf, PathBuf>> {
    static C: OnceLock<Mutex<HashMap<PathBuf, PathBuf>>> = OnceLock::new();
    C.get_or_init(Default::default)
}

/// The include directory portal compiles use instead of the stdlib: the stdlib itself
/// without overrides, else the overlay with them.
pub fn stdlib_for_compiles(app: &App) -> PathBuf {
    let state = &app.0.state_dir;
    if let Some(p) = cache().lock().unwrap_or_else(|p| p.into_inner()).get(state) {
        return p.clone();
    }
    let over = overrides(state, &app.0.stdlib);
    let dir = if over.is_empty() {
        app.0.stdlib.clone()
    } else {
        overlay(&app.0.stdlib, &state.join("portal/stdlib-site"), &over).unwrap_or_else(|e| {
            eprintln!("vmcs serve: the site's rules cannot be used: {e}");
            app.0.stdlib.clone()
        })
    };
    cache()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(state.clone(), dir.clone());
    dir
}

fn forget(app: &App) {
    cache()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .remove(&app.0.state_dir);
}

async fn list(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    let state = app.0.state_dir.clone();
    let list: Vec<Value> = templates(&app.0.stdlib)
        .into_iter()
        .map(|t| json!({"path": t, "overridden": override_file(&state, &t).is_file()}))
        .collect();
    Ok(Json(json!({ "rules": list })))
}

#[derive(Deserialize)]
struct PathQ {
    path: String,
}

async fn read(
    State(app): State<App>,
    caller: Caller,
    Query(q): Query<PathQ>,
) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    let path = known(&app, &q.path)?;
    let stock = std::fs::read_to_string(app.0.stdlib.join(format!("{path}.pan")))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let site = std::fs::read_to_string(override_file(&app.0.state_dir, &path)).ok();
    Ok(Json(json!({
        "path": path, "overridden": site.is_some(),
        "text": site.clone().unwrap_or_else(|| stock.clone()), "stock": stock,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditReq {
    path: String,
    text: String,
}

/// The reference VM every edit is compiled with: the stock web preset must still pass.
const REFERENCE: &str = "object template rulecheck;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/web';\n'/system/hostname' = 'rulecheck';\n";

/// Compile-check `text` as template `path`: it must parse, declare that template name, and
/// the reference VM must compile with it in place of the current one.
async fn check_text(app: &App, path: &str, text: &str) -> ApiResult<Value> {
    if text.len() > MAX_TEXT {
        return Err(ApiError::BadRequest("the template is too long".into()));
    }
    let parsed = vmcs_syntax::parse(text);
    if !parsed.errors.is_empty() {
        let errs: Vec<String> = parsed.errors.iter().map(|e| e.message.clone()).collect();
        return Ok(json!({"ok": false, "error": "the template does not parse", "detail": errs}));
    }
    match &parsed.template {
        Some(t) if t.name == path => {}
        _ => {
            return Ok(json!({"ok": false,
                "error": format!("the template must declare `template {path};`")}))
        }
    }
    let mut over = overrides(&app.0.state_dir, &app.0.stdlib);
    over.retain(|(p, _)| p != path);
    over.push((path.to_string(), text.to_string()));
    let (stdlib, state) = (app.0.stdlib.clone(), app.0.state_dir.clone());
    app.compile_slot(move || {
        let dir = overlay(&stdlib, &state.join("portal/stdlib-site"), &over)
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok(
            match compile_untrusted(&dir, &state.join("portal/tmp"), &[], REFERENCE) {
                Ok(_) => json!({"ok": true}),
                Err(ApiError::Compile { message, detail }) => json!({"ok": false,
                "error": format!("the stock web preset no longer compiles: {message}"),
                "detail": detail}),
                Err(e) => return Err(e),
            },
        )
    })
    .await
}

async fn check(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<EditReq>,
) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    let path = known(&app, &req.path)?;
    Ok(Json(check_text(&app, &path, &req.text).await?))
}

/// Save an override after its check passed (422 with the check's answer otherwise).
async fn save(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<EditReq>,
) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    let path = known(&app, &req.path)?;
    let r = check_text(&app, &path, &req.text).await?;
    if r["ok"] != true {
        return Err(ApiError::Compile {
            message: r["error"].as_str().unwrap_or("refused").to_string(),
            detail: r["detail"].clone(),
        });
    }
    let f = override_file(&app.0.state_dir, &path);
    let write = || -> std::io::Result<()> {
        let parent = f.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let tmp = parent.join(format!(".{}.tmp", std::process::id()));
        std::fs::write(&tmp, &req.text)?;
        std::fs::rename(&tmp, &f)
    };
    write().map_err(|e| ApiError::Internal(e.to_string()))?;
    forget(&app);
    Ok(Json(json!({ "ok": true, "path": path })))
}

/// Drop an override: the stock template applies again.
async fn reset(
    State(app): State<App>,
    caller: Caller,
    Query(q): Query<PathQ>,
) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    let path = known(&app, &q.path)?;
    match std::fs::remove_file(override_file(&app.0.state_dir, &path)) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(ApiError::Internal(e.to_string())),
    }
    forget(&app);
    Ok(Json(json!({ "ok": true, "path": path })))
}
