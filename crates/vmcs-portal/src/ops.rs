//! Operating VMs from the portal: spawning a saved profile as a job whose stages stream to
//! the page (`vmcs_virt::deploy`, the code of `vmcs spawn`), and the lifecycle verbs of the
//! VM page. A user acts on their own VMs (404 for anyone else's); administrators on all.
//! Lifecycle and spawn work runs on blocking threads with a store connection of its own, so
//! a slow hypervisor never holds the portal's pooled connections.

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::state::App;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::{Arc, OnceLock};
use vmcs_store::Store;
use vmcs_virt::deploy::{self, DeployOptions, Stage};

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/profiles/{id}/spawn", post(spawn))
        .route("/api/v1/vms/{name}/{action}", post(vm_action))
}

/// At most this many spawns build at once (the rest wait, their job says so).
const SPAWNS: usize = 2;

fn spawn_slots() -> Arc<tokio::sync::Semaphore> {
    static S: OnceLock<Arc<tokio::sync::Semaphore>> = OnceLock::new();
    S.get_or_init(|| Arc::new(tokio::sync::Semaphore::new(SPAWNS)))
        .clone()
}

/// A VM name from a URL, checked with the model's rule (anything else cannot exist: 404).
pub fn vm_name(name: &str) -> ApiResult<()> {
    vmcs_model::checked::check_vm_name(name).map_err(|_| ApiError::NotFound)
}

/// The VM `name` if the caller owns it or is an administrator, else 404.
pub async fn vm_for(app: &App, caller: &Caller, name: &str) -> ApiResult<vmcs_store::InstanceRow> {
    vm_name(name)?;
    let (n, u, admin) = (name.to_string(), caller.user.clone(), caller.admin);
    app.db(move |s| {
        s.instance(&n)?
            .filter(|i| admin || i.owner == u)
            .ok_or(ApiError::NotFound)
    })
    .await
}

/// Run `f` with a store connection of its own on a blocking thread.
pub async fn with_store<T: Send + 'static>(
    app: &App,
    f: impl FnOnce(&Store, &std::path::Path) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let dir = app.0.state_dir.clone();
    tokio::task::spawn_blocking(move || {
        let store = Store::open(&dir).map_err(|e| ApiError::Internal(e.to_string()))?;
        f(&store, &dir)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpawnReq {
    /// A libvirt host name, `auto` (placement), or absent (this machine's default driver).
    #[serde(default)]
    host: Option<String>,
    /// Plan only: the stages stream, nothing is built or recorded.
    #[serde(default)]
    dry_run: bool,
    /// Define without starting.
    #[serde(default)]
    no_start: bool,
}

/// `POST /api/v1/profiles/ID/spawn`: spawn the latest version of a saved profile as a job
/// (202 with `{"job", "events"}`); the job's events are the stages of the spawn.
async fn spawn(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
    Json(req): Json<SpawnReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    if let Some(h) = &req.host {
        if h != "auto" && vmcs_model::checked::check_vm_name(h).is_err() {
            return Err(ApiError::BadRequest(format!("`{h}` is not a host name")));
        }
    }
    let user = caller.user.clone();
    let (version, xml) = app
        .db(move |s| {
            s.profile_by_id(id)?
                .filter(|p| p.owner == user)
                .ok_or(ApiError::NotFound)?;
            let v = s.profile_version(id, None)?;
            Ok((v.version, v.xml))
        })
        .await?;
    let profile = vmcs_model::VmProfile::from_text(&xml, Some("xml"))
        .map_err(|e| ApiError::BadRequest(format!("the saved profile is not a VM: {e}")))?;
    if let Some(h) = req.host.as_deref().filter(|h| *h != "auto") {
        let h = h.to_string();
        app.db(move |s| {
            vmcs_virt::hosts::get(s, &h).map_err(|e| ApiError::BadRequest(e.to_string()))
        })
        .await?;
    }
    let job = app.0.jobs.create(&caller.user, "spawn");
    let mut o = vmcs_image::SpawnOptions::new(&app.0.state_dir);
    o.dry_run = req.dry_run;
    o.trusted = false;
    o.progress = false;
    o.owner = Some(caller.user.clone());
    o.profile = Some((id, version));
    let mut d = DeployOptions::new(o);
    d.host = req.host.clone();
    d.start = !req.no_start;
    let j = job.clone();
    d.progress = Some(Arc::new(move |s: Stage| {
        j.push(serde_json::to_value(&s).unwrap_or(Value::Null))
    }));
    job.push(json!({"stage": "queued", "detail": format!("{} v{version}", profile.vm.name), "done": 0, "total": 0}));
    let (app2, job2) = (app.clone(), job.clone());
    tokio::spawn(async move {
        let permit = spawn_slots().acquire_owned().await;
        let r = with_store(&app2, move |store, _| {
            let _permit = permit;
            if d.spawn.dry_run {
                deploy::plan(&profile, &d)
                    .map(|p| json!({"ok": true, "dry_run": true, "steps": p.steps().count()}))
                    .map_err(|e| ApiError::Conflict(e.to_string()))
            } else {
                deploy::deploy(store, &profile, &d)
                    .map(|r| {
                        let ok = r.vms.iter().all(|v| v.error.is_none());
                        json!({"ok": ok, "vms": r.vms, "steps": r.report.steps,
                               "reused_layers": r.report.reused_layers})
                    })
                    .map_err(|e| ApiError::Conflict(e.to_string()))
            }
        })
        .await;
        job2.finish_with(r);
    });
    Ok(job.accepted())
}

/// The lifecycle verbs the VM page offers.
pub const ACTIONS: &[&str] = &[
    "start", "stop", "reboot", "suspend", "resume", "save", "restore", "destroy", "keep", "unkeep",
];

/// `POST /api/v1/vms/NAME/ACTION`: start, stop, reboot, suspend, resume, save (hibernate),
/// restore, destroy, keep, unkeep. Answers the VM's state afterwards.
async fn vm_action(
    State(app): State<App>,
    caller: Caller,
    Path((name, action)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    vm_for(&app, &caller, &name).await?;
    if !ACTIONS.contains(&action.as_str()) {
        return Err(ApiError::NotFound);
    }
    let (n, a) = (name.clone(), action.clone());
    let state = with_store(&app, move |s, dir| {
        let ops = vmcs_virt::ops::Ops::new(s, dir);
        match a.as_str() {
            "start" => ops.start(&n).map(|_| ())?,
            "stop" => ops.stop(&n, std::time::Duration::from_secs(60), true)?,
            "reboot" => ops.reboot(&n)?,
            "suspend" => ops.suspend(&n)?,
            "resume" => ops.resume(&n)?,
            "save" => ops.save(&n)?,
            "restore" => ops.restore(&n)?,
            "destroy" => ops.destroy(&n)?,
            "keep" => s.set_instance_keep(&n, true)?,
            "unkeep" => s.set_instance_keep(&n, false)?,
            _ => return Err(ApiError::NotFound),
        }
        Ok(s.instance(&n)?.map(|i| i.state).unwrap_or_default())
    })
    .await?;
    Ok(Json(
        json!({ "ok": true, "action": action, "state": state }),
    ))
}
