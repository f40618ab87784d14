//! The JSON API under `/api/v1` (the pages are its clients): profiles with their versions,
//! diffs and restores; the caller's own templates; VMs and their lifecycle; API tokens; and
//! the administrator's users and hosts. Every owner-scoped route loads the object and
//! answers 404 unless the caller owns it.

use crate::auth::{create_token, hash_password, valid_user_name, Caller};
use crate::compile::safe_name;
use crate::compiles::compile_for;
use crate::error::{ApiError, ApiResult};
use crate::state::App;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/profiles", get(list_profiles).post(save_profile))
        .route(
            "/api/v1/profiles/{id}",
            get(get_profile).put(update_profile).delete(delete_profile),
        )
        .route("/api/v1/profiles/{id}/versions", get(versions))
        .route("/api/v1/profiles/{id}/versions/{v}", get(version))
        .route("/api/v1/profiles/{id}/diff", get(diff))
        .route("/api/v1/profiles/{id}/restore/{v}", post(restore))
        .route("/api/v1/compile", post(compile_only))
        .route("/api/v1/fix", post(fix_once))
        .route("/api/v1/templates", get(list_templates).post(save_template))
        .route(
            "/api/v1/templates/{id}",
            get(get_template).delete(delete_template),
        )
        .route("/api/v1/vms", get(list_vms))
        .route("/api/v1/respawn", get(respawn_status))
        .route("/api/v1/vms/{name}", get(get_vm))
        .route("/api/v1/vms/{name}/metrics", get(vm_metrics))
        .route("/api/v1/tokens", get(list_tokens).post(new_token))
        .route("/api/v1/tokens/{name}", axum::routing::delete(revoke_token))
        .route("/api/v1/admin/users", get(admin_users).post(admin_add_user))
        .route("/api/v1/admin/users/{name}", post(admin_change_user))
        .route("/api/v1/admin/vms", get(admin_vms))
        .route("/api/v1/admin/hosts", get(admin_hosts))
}

/// Longest profile or template name.
const MAX_NAME: usize = 64;

fn check_profile_name(name: &str) -> ApiResult<()> {
    if name.is_empty() || name.len() > MAX_NAME || name.chars().any(|c| c.is_control()) {
        return Err(ApiError::BadRequest(
            "a profile name is 1 to 64 characters without control characters".into(),
        ));
    }
    Ok(())
}

/// A profile the caller owns, or 404.
async fn owned_profile(app: &App, caller: &Caller, id: i64) -> ApiResult<vmcs_store::ProfileRow> {
    let user = caller.user.clone();
    app.db(move |s| {
        s.profile_by_id(id)?
            .filter(|p| p.owner == user)
            .ok_or(ApiError::NotFound)
    })
    .await
}

async fn list_profiles(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    let u = caller.user.clone();
    let rows = app.db(move |s| Ok(s.profiles(Some(&u))?)).await?;
    Ok(Json(json!({ "profiles": rows })))
}

#[derive(Deserialize)]
struct SaveReq {
    name: String,
    pan: String,
    #[serde(default)]
    comment: Option<String>,
}

async fn store_version(
    app: &App,
    caller: &Caller,
    name: String,
    pan: String,
    comment: Option<String>,
) -> ApiResult<Value> {
    check_profile_name(&name)?;
    if comment.as_ref().is_some_and(|c| c.len() > 1024) {
        return Err(ApiError::BadRequest("comment too long".into()));
    }
    let compiled = compile_for(app, &caller.user, pan.clone()).await?;
    let owner = caller.user.clone();
    let (id, version) = app
        .db(move |s| {
            Ok(s.save_profile(&owner, &name, Some(&pan), &compiled.xml, comment.as_deref())?)
        })
        .await?;
    Ok(json!({ "id": id, "version": version }))
}

async fn save_profile(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<SaveReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let v = store_version(&app, &caller, req.name, req.pan, req.comment).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

#[derive(Deserialize)]
struct UpdateReq {
    pan: String,
    #[serde(default)]
    comment: Option<String>,
}

async fn update_profile(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
    Json(req): Json<UpdateReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let p = owned_profile(&app, &caller, id).await?;
    let v = store_version(&app, &caller, p.name, req.pan, req.comment).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

async fn get_profile(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    let p = owned_profile(&app, &caller, id).await?;
    let v = app.db(move |s| Ok(s.profile_version(id, None)?)).await?;
    Ok(Json(json!({ "profile": p, "latest": v })))
}

async fn delete_profile(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    owned_profile(&app, &caller, id).await?;
    app.db(move |s| Ok(s.delete_profile(id)?)).await?;
    Ok(Json(json!({ "ok": true })))
}

async fn versions(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    owned_profile(&app, &caller, id).await?;
    let vs = app.db(move |s| Ok(s.profile_versions(id)?)).await?;
    let list: Vec<Value> = vs
        .iter()
        .map(|v| json!({ "version": v.version, "created": v.created, "comment": v.comment }))
        .collect();
    Ok(Json(json!({ "versions": list })))
}

async fn version(
    State(app): State<App>,
    caller: Caller,
    Path((id, v)): Path<(i64, i64)>,
) -> ApiResult<Json<Value>> {
    owned_profile(&app, &caller, id).await?;
    let v = app.db(move |s| Ok(s.profile_version(id, Some(v))?)).await?;
    Ok(Json(json!({ "version": v })))
}

#[derive(Deserialize)]
struct DiffQ {
    from: i64,
    to: i64,
}

async fn diff(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(q): Query<DiffQ>,
) -> ApiResult<Json<Value>> {
    owned_profile(&app, &caller, id).await?;
    let (a, b) = app
        .db(move |s| {
            Ok((
                s.profile_version(id, Some(q.from))?,
                s.profile_version(id, Some(q.to))?,
            ))
        })
        .await?;
    let text = |a: &str, b: &str, what: &str| {
        similar::TextDiff::from_lines(a, b)
            .unified_diff()
            .context_radius(3)
            .header(&format!("{what} v{}", q.from), &format!("{what} v{}", q.to))
            .to_string()
    };
    Ok(Json(json!({
        "from": q.from, "to": q.to,
        "pan": text(a.pan.as_deref().unwrap_or(""), b.pan.as_deref().unwrap_or(""), "pan"),
        "xml": text(&a.xml, &b.xml, "xml"),
    })))
}

/// Restore an old version: saved again as the newest version.
async fn restore(
    State(app): State<App>,
    caller: Caller,
    Path((id, v)): Path<(i64, i64)>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let p = owned_profile(&app, &caller, id).await?;
    let old = app.db(move |s| Ok(s.profile_version(id, Some(v))?)).await?;
    let pan = old
        .pan
        .ok_or_else(|| ApiError::BadRequest("that version has no Pan".into()))?;
    let r = store_version(
        &app,
        &caller,
        p.name,
        pan,
        Some(format!("restored from v{v}")),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(r)))
}

#[derive(Deserialize)]
struct CompileReq {
    pan: String,
}

/// Compile without saving: the XML, or the diagnostic with its rule and fix.
async fn compile_only(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<CompileReq>,
) -> ApiResult<Json<Value>> {
    let c = compile_for(&app, &caller.user, req.pan).await?;
    Ok(Json(json!({ "object": c.object, "xml": c.xml })))
}

/// Apply the fix of the rule the template breaks (the engine of `vmcs fix`) and compile
/// again: `{"pan", "applied", "xml"}` or `{"pan", "applied", "error", "detail"}`.
async fn fix_once(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<CompileReq>,
) -> ApiResult<Json<Value>> {
    let detail = match compile_for(&app, &caller.user, req.pan.clone()).await {
        Ok(c) => {
            return Ok(Json(
                json!({ "pan": req.pan, "applied": null, "xml": c.xml }),
            ))
        }
        Err(ApiError::Compile { detail, .. }) => detail,
        Err(e) => return Err(e),
    };
    let fix = &detail["rule"]["fix"];
    let (Some(path), Some(value)) = (fix["path"].as_str(), fix["value"].as_str()) else {
        return Err(ApiError::BadRequest(
            "the template breaks no rule with a fix".into(),
        ));
    };
    let fix = vmcs_pan::knowledge::Fix {
        path: path.to_string(),
        value: value.to_string(),
    };
    let pan = vmcs_pan::knowledge::apply_fix(&req.pan, &fix).map_err(ApiError::BadRequest)?;
    let applied = json!({ "path": fix.path, "value": fix.value });
    Ok(Json(
        match compile_for(&app, &caller.user, pan.clone()).await {
            Ok(c) => json!({ "pan": pan, "applied": applied, "xml": c.xml }),
            Err(ApiError::Compile { message, detail }) => {
                json!({ "pan": pan, "applied": applied, "error": message, "detail": detail })
            }
            Err(e) => return Err(e),
        },
    ))
}

async fn list_templates(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    let u = caller.user.clone();
    let rows = app.db(move |s| Ok(s.templates(&u)?)).await?;
    Ok(Json(json!({ "templates": rows })))
}

#[derive(Deserialize)]
struct TemplateReq {
    name: String,
    text: String,
}

async fn save_template(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<TemplateReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    if !safe_name(&req.name) {
        return Err(ApiError::BadRequest(format!(
            "invalid template name `{}`",
            req.name
        )));
    }
    let u = caller.user.clone();
    let id = app
        .db(move |s| Ok(s.save_template(&u, &req.name, &req.text)?))
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

async fn owned_template(app: &App, caller: &Caller, id: i64) -> ApiResult<vmcs_store::TemplateRow> {
    let u = caller.user.clone();
    app.db(move |s| {
        s.template_by_id(id)?
            .filter(|t| t.owner == u)
            .ok_or(ApiError::NotFound)
    })
    .await
}

async fn get_template(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({ "template": owned_template(&app, &caller, id).await? }),
    ))
}

async fn delete_template(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    owned_template(&app, &caller, id).await?;
    app.db(move |s| Ok(s.delete_template(id)?)).await?;
    Ok(Json(json!({ "ok": true })))
}

async fn list_vms(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    let u = caller.user.clone();
    let rows = app.db(move |s| Ok(s.instances(Some(&u))?)).await?;
    Ok(Json(
        json!({ "vms": rows.iter().map(vm_json).collect::<Vec<_>>() }),
    ))
}

fn vm_json(r: &vmcs_store::InstanceRow) -> Value {
    json!({
        "name": r.name, "owner": r.owner, "host": r.host, "backend": r.backend,
        "state": r.state, "keep": r.keep, "profile_id": r.profile_id,
        "profile_version": r.profile_version, "network": r.network,
        "created": r.created, "started": r.started,
    })
}

async fn owned_vm(app: &App, caller: &Caller, name: String) -> ApiResult<vmcs_store::InstanceRow> {
    let u = caller.user.clone();
    app.db(move |s| {
        s.instance(&name)?
            .filter(|i| i.owner == u)
            .ok_or(ApiError::NotFound)
    })
    .await
}

async fn get_vm(
    State(app): State<App>,
    caller: Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<Value>> {
    let r = owned_vm(&app, &caller, name).await?;
    Ok(Json(json!({ "vm": vm_json(&r) })))
}

async fn vm_metrics(
    State(app): State<App>,
    caller: Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<Value>> {
    owned_vm(&app, &caller, name.clone()).await?;
    let since = vmcs_store::now() - 3600;
    let rows = app.db(move |s| Ok(s.metrics(&name, since)?)).await?;
    Ok(Json(json!({ "metrics": rows })))
}

async fn list_tokens(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    let u = caller.user.clone();
    Ok(Json(
        json!({ "tokens": app.db(move |s| Ok(s.tokens(&u)?)).await? }),
    ))
}

#[derive(Deserialize)]
struct TokenReq {
    name: String,
}

async fn new_token(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<TokenReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    check_profile_name(&req.name)?;
    let u = caller.user.clone();
    let t = app.db(move |s| Ok(create_token(s, &u, &req.name)?)).await?;
    Ok((StatusCode::CREATED, Json(json!({ "token": t }))))
}

async fn revoke_token(
    State(app): State<App>,
    caller: Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<Value>> {
    let u = caller.user.clone();
    app.db(move |s| Ok(s.revoke_token(&u, &name)?)).await?;
    Ok(Json(json!({ "ok": true })))
}

async fn admin_users(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    Ok(Json(json!({ "users": app.db(|s| Ok(s.users()?)).await? })))
}

#[derive(Deserialize)]
struct AddUserReq {
    name: String,
    password: String,
    #[serde(default)]
    admin: bool,
}

async fn admin_add_user(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<AddUserReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    caller.need_admin()?;
    if !valid_user_name(&req.name) || req.password.len() < 8 || req.password.len() > 1024 {
        return Err(ApiError::BadRequest(
            "a user name is lowercase letters, digits, - and _; a password 8 to 1024 bytes".into(),
        ));
    }
    let hash = tokio::task::spawn_blocking(move || hash_password(&req.password))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(ApiError::Internal)?;
    app.db(move |s| Ok(s.add_user(&req.name, &hash, req.admin)?))
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "ok": true }))))
}

#[derive(Deserialize)]
struct ChangeUserReq {
    #[serde(default)]
    disabled: Option<bool>,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    admin: Option<bool>,
}

async fn admin_change_user(
    State(app): State<App>,
    caller: Caller,
    Path(name): Path<String>,
    Json(req): Json<ChangeUserReq>,
) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    let hash = match req.password {
        Some(p) if p.len() >= 8 && p.len() <= 1024 => Some(
            tokio::task::spawn_blocking(move || hash_password(&p))
                .await
                .map_err(|e| ApiError::Internal(e.to_string()))?
                .map_err(ApiError::Internal)?,
        ),
        Some(_) => return Err(ApiError::BadRequest("a password is 8 to 1024 bytes".into())),
        None => None,
    };
    app.db(move |s| {
        if s.user(&name)?.is_none() {
            return Err(ApiError::NotFound);
        }
        if let Some(d) = req.disabled {
            s.set_user_disabled(&name, d)?;
        }
        if let Some(a) = req.admin {
            s.set_user_admin(&name, a)?;
        }
        if let Some(h) = hash {
            s.set_user_hash(&name, &h)?;
        }
        Ok(())
    })
    .await?;
    Ok(Json(json!({ "ok": true })))
}

async fn admin_vms(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    let rows = app.db(|s| Ok(s.instances(None)?)).await?;
    Ok(Json(
        json!({ "vms": rows.iter().map(vm_json).collect::<Vec<_>>() }),
    ))
}

async fn admin_hosts(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    let rows = app.db(|s| Ok(s.hosts()?)).await?;
    Ok(Json(json!({ "hosts": rows })))
}

/// Bring back `user`'s VMs marked keep, in the background: `Ops::start` starts a stopped VM,
/// restores a saved one and boots one the hypervisor lost from its stored machine spec.
/// Progress is in `GET /api/v1/respawn`. Returns the VMs it works on.
pub async fn respawn_kept(app: &App, user: &str) -> Vec<String> {
    let u = user.to_string();
    let kept: Vec<String> = app
        .db(move |s| {
            Ok(s.instances(Some(&u))?
                .into_iter()
                .filter(|i| i.keep && i.state != "building")
                .map(|i| i.name)
                .collect())
        })
        .await
        .unwrap_or_default();
    if kept.is_empty() {
        return kept;
    }
    let set = |app: &App, user: &str, vm: &str, what: String| {
        let mut m = app.0.respawn.lock().unwrap_or_else(|p| p.into_inner());
        let list = m.entry(user.to_string()).or_default();
        match list.iter_mut().find(|(n, _)| n == vm) {
            Some(e) => e.1 = what,
            None => list.push((vm.to_string(), what)),
        }
    };
    for vm in &kept {
        set(app, user, vm, "waiting".into());
    }
    let (app2, user, names) = (app.clone(), user.to_string(), kept.clone());
    tokio::task::spawn_blocking(move || {
        for vm in &names {
            set(&app2, &user, vm, "checking".into());
            let dir = app2.0.state_dir.clone();
            let r = app2.db_blocking(|s| {
                let ops = vmcs_virt::ops::Ops::new(s, &dir);
                Ok(ops.start(vm).map_err(|e| e.to_string()))
            });
            let what = match r {
                Ok(Ok(done)) => done.to_string(),
                Ok(Err(e)) => format!("failed: {e}"),
                Err(e) => format!("failed: {e}"),
            };
            set(&app2, &user, vm, what);
        }
    });
    kept
}

async fn respawn_status(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    let list = app
        .0
        .respawn
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&caller.user)
        .cloned()
        .unwrap_or_default();
    let list: Vec<Value> = list
        .into_iter()
        .map(|(vm, state)| json!({ "vm": vm, "state": state }))
        .collect();
    Ok(Json(json!({ "respawn": list })))
}
