//! Hosts for administrators: the monitor's overview (each host's capacity, free memory,
//! VMs and whether it answers, asked in parallel with a time limit; load over the last hour
//! summed from the collector's per-VM history) and the manager's verbs, the same as
//! `vmcs host add|drain|undrain|remove` (`vmcs_virt::hosts`). A drain migrates VMs, so it
//! runs as a job whose events say where each VM went.

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::ops::with_store;
use crate::state::App;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/hosts", get(list).post(add))
        .route("/api/v1/hosts/{name}", axum::routing::delete(remove))
        .route("/api/v1/hosts/{name}/metrics", get(metrics))
        .route("/api/v1/hosts/{name}/drain", post(drain))
        .route("/api/v1/hosts/{name}/undrain", post(undrain))
}

fn host_name(name: &str) -> ApiResult<()> {
    vmcs_model::checked::check_vm_name(name).map_err(|_| ApiError::NotFound)
}

fn bad(e: vmcs_virt::VirtError) -> ApiError {
    ApiError::BadRequest(e.to_string())
}

/// Every host with its capacity and the VMs vmcs has on it (`state` per VM).
async fn list(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    let (survey, vms) = with_store(&app, |s, dir| {
        let survey = vmcs_virt::hosts::survey_all(s, &dir.join("logs/lifecycle.log"))?;
        Ok((survey, s.instances(None)?))
    })
    .await?;
    let hosts: Vec<Value> = survey
        .iter()
        .map(|h| {
            let on: Vec<&vmcs_store::InstanceRow> =
                vms.iter().filter(|v| v.host == h.name).collect();
            let mut v = serde_json::to_value(h).unwrap_or(Value::Null);
            v["vms"] = json!(on.len());
            v["vms_running"] = json!(on.iter().filter(|v| v.state == "running").count());
            v
        })
        .collect();
    Ok(Json(json!({ "hosts": hosts })))
}

/// A host's load over the last hour: per sample time, the sum over its VMs.
async fn metrics(
    State(app): State<App>,
    caller: Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    host_name(&name)?;
    let since = vmcs_store::now() - 3600;
    let rows = app
        .db(move |s| {
            vmcs_virt::hosts::get(s, &name).map_err(|_| ApiError::NotFound)?;
            let mut out = Vec::new();
            for i in s.instances(None)?.into_iter().filter(|i| i.host == name) {
                out.extend(s.metrics(&i.name, since)?);
            }
            Ok(out)
        })
        .await?;
    let mut by_ts: BTreeMap<i64, [f64; 6]> = BTreeMap::new();
    for m in rows {
        // Samples of one round differ by a second or two: bucket them by 10 s.
        let e = by_ts.entry(m.ts - m.ts % 10).or_default();
        e[0] += m.cpu_pct;
        e[1] += m.mem_kib as f64;
        e[2] += m.disk_rd_bps;
        e[3] += m.disk_wr_bps;
        e[4] += m.net_rx_bps;
        e[5] += m.net_tx_bps;
    }
    let list: Vec<Value> = by_ts
        .into_iter()
        .map(|(ts, v)| {
            json!({"ts": ts, "cpu_pct": v[0], "mem_kib": v[1], "disk_rd_bps": v[2],
                   "disk_wr_bps": v[3], "net_rx_bps": v[4], "net_tx_bps": v[5]})
        })
        .collect();
    Ok(Json(json!({ "metrics": list })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AddReq {
    name: String,
    uri: String,
    #[serde(default)]
    ssh: Option<String>,
}

async fn add(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<AddReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    caller.need_admin()?;
    app.db(move |s| {
        if s.host(&req.name)?.is_some() || req.name == vmcs_virt::hosts::LOCAL {
            return Err(ApiError::Conflict(format!(
                "a host named `{}` exists",
                req.name
            )));
        }
        vmcs_virt::hosts::add(s, &req.name, &req.uri, req.ssh.as_deref()).map_err(bad)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(json!({ "ok": true }))))
}

async fn remove(
    State(app): State<App>,
    caller: Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    host_name(&name)?;
    app.db(move |s| {
        s.host(&name)?.ok_or(ApiError::NotFound)?;
        vmcs_virt::hosts::remove(s, &name).map_err(|e| ApiError::Conflict(e.to_string()))
    })
    .await?;
    Ok(Json(json!({ "ok": true })))
}

async fn undrain(
    State(app): State<App>,
    caller: Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<Value>> {
    caller.need_admin()?;
    host_name(&name)?;
    app.db(move |s| {
        s.host(&name)?.ok_or(ApiError::NotFound)?;
        vmcs_virt::hosts::undrain(s, &name).map_err(bad)
    })
    .await?;
    Ok(Json(json!({ "ok": true })))
}

/// Drain as a job (202 with `{"job", "events"}`): one `moved` or `failed` event per VM.
async fn drain(
    State(app): State<App>,
    caller: Caller,
    Path(name): Path<String>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    caller.need_admin()?;
    host_name(&name)?;
    let n = name.clone();
    app.db(move |s| {
        vmcs_virt::hosts::get(s, &n).map_err(|_| ApiError::NotFound)?;
        Ok(())
    })
    .await?;
    let job = app.0.jobs.create(&caller.user, "drain");
    job.push(json!({"stage": "drain", "detail": format!("draining {name}")}));
    let (app2, j) = (app.clone(), job.clone());
    tokio::spawn(async move {
        let r = with_store(&app2, move |s, dir| {
            vmcs_virt::hosts::drain(s, dir, &name).map_err(|e| ApiError::Conflict(e.to_string()))
        })
        .await;
        match r {
            Ok(list) => {
                let mut ok = true;
                for (vm, r) in list {
                    match r {
                        Ok(what) => {
                            j.push(json!({"stage": "moved", "detail": format!("{vm}: {what}")}))
                        }
                        Err(e) => {
                            ok = false;
                            j.push(json!({"stage": "failed", "detail": format!("{vm}: {e}")}))
                        }
                    }
                }
                j.finish(json!({ "ok": ok }));
            }
            Err(e) => j.finish(json!({ "ok": false, "error": e.to_string() })),
        }
    });
    Ok(job.accepted())
}
