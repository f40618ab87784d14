//! The designer's routes: the page (`/designer`, `assets/designer.js`), the two directions
//! between drawing and Pan (`POST /api/v1/designer/pan`, `POST /api/v1/designer/drawing`),
//! the caller's saved designs (`/api/v1/designs`, owner-checked like profiles: another
//! user's id is a 404) and a design's deployment plan (`POST /api/v1/designs/ID/plan`: the
//! address table `vmcs up` would bring up, which members it would build and which it would
//! start). Network templates compile under the same confinement as profiles. Deploying a
//! design is `crate::deploynet`.

use crate::auth::Caller;
use crate::designer::{complete, from_net, to_pan, Drawing, Layout};
use crate::error::{ApiError, ApiResult};
use crate::state::App;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use vmcs_model::network::NetProfile;

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/designer/pan", post(drawing_to_pan))
        .route("/api/v1/designer/drawing", post(pan_to_drawing))
        .route("/api/v1/designs", get(list).post(save))
        .route("/api/v1/designs/{id}", get(get_one).delete(delete))
        .route("/api/v1/designs/{id}/plan", post(plan))
        .route("/designer", get(page))
        .route("/assets/designer.js", get(js))
}

async fn page(State(app): State<App>, headers: axum::http::HeaderMap) -> axum::response::Response {
    use axum::response::IntoResponse;
    let Some(c) = crate::pages::who(&app, &headers).await else {
        return axum::response::Redirect::to("/login").into_response();
    };
    crate::pages::render(
        "designer.html",
        minijinja::context! { user => c.user, admin => c.admin, csrf => c.csrf() },
    )
}

async fn js() -> impl axum::response::IntoResponse {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/javascript; charset=utf-8",
        )],
        include_str!("../assets/designer.js"),
    )
}

/// Compile a network template for `owner` (confined) into its typed profile.
pub async fn compile_net(app: &App, owner: &str, pan: String) -> ApiResult<NetProfile> {
    let root = crate::compiles::build_for(app, owner, pan).await?;
    let json = vmcs_pan::output::json::to_json_string(&root.1);
    NetProfile::from_json_str(&json).map_err(|e| ApiError::Compile {
        message: format!("not a network template: {e}"),
        detail: json!({}),
    })
}

fn bad(m: String) -> ApiError {
    ApiError::BadRequest(m)
}

#[derive(Deserialize)]
struct DrawingReq {
    drawing: Drawing,
}

/// The drawing, completed (addresses assigned), and its Pan, checked by compiling it.
async fn drawing_to_pan(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<DrawingReq>,
) -> ApiResult<Json<Value>> {
    let d = complete(&req.drawing).map_err(bad)?;
    let pan = to_pan(&d);
    compile_net(&app, &caller.user, pan.clone()).await?;
    Ok(Json(json!({ "drawing": d, "pan": pan })))
}

#[derive(Deserialize)]
struct PanReq {
    pan: String,
    /// The current drawing, whose positions are kept for nodes that stay.
    #[serde(default)]
    drawing: Option<Drawing>,
}

async fn pan_to_drawing(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<PanReq>,
) -> ApiResult<Json<Value>> {
    let net = compile_net(&app, &caller.user, req.pan).await?;
    let layout = req.drawing.as_ref().map(Layout::of).unwrap_or_default();
    Ok(Json(json!({ "drawing": from_net(&net, &layout) })))
}

async fn list(State(app): State<App>, caller: Caller) -> ApiResult<Json<Value>> {
    let u = caller.user.clone();
    let rows = app.db(move |s| Ok(s.designs(&u)?)).await?;
    let list: Vec<Value> = rows
        .iter()
        .map(|r| json!({ "id": r.id, "name": r.name, "updated": r.updated }))
        .collect();
    Ok(Json(json!({ "designs": list })))
}

#[derive(Deserialize)]
struct SaveReq {
    #[serde(default)]
    drawing: Option<Drawing>,
    /// Or the Pan text (then `layout` may place its nodes).
    #[serde(default)]
    pan: Option<String>,
    #[serde(default)]
    layout: Option<Layout>,
}

/// Save a design from its drawing or its Pan: the Pan is what is stored (after a compile
/// check), the layout beside it. Saving under an existing name replaces that design.
async fn save(
    State(app): State<App>,
    caller: Caller,
    Json(req): Json<SaveReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let (pan, layout) = match (req.drawing, req.pan) {
        (Some(d), None) => {
            let d = complete(&d).map_err(bad)?;
            (to_pan(&d), Layout::of(&d))
        }
        (None, Some(p)) => (p, req.layout.unwrap_or_default()),
        _ => return Err(bad("send either `drawing` or `pan`".into())),
    };
    if pan.len() > 256 * 1024 {
        return Err(bad("the template is too long".into()));
    }
    let net = compile_net(&app, &caller.user, pan.clone()).await?;
    let drawing = from_net(&net, &layout);
    let layout = serde_json::to_string(&Layout::of(&drawing))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let (u, name) = (caller.user.clone(), net.name.to_string());
    let id = app
        .db(move |s| Ok(s.save_design(&u, &name, &pan, &layout)?))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id, "drawing": drawing })),
    ))
}

pub async fn owned(app: &App, caller: &Caller, id: i64) -> ApiResult<vmcs_store::DesignRow> {
    let u = caller.user.clone();
    app.db(move |s| {
        s.design_by_id(id)?
            .filter(|d| d.owner == u)
            .ok_or(ApiError::NotFound)
    })
    .await
}

async fn get_one(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    let row = owned(&app, &caller, id).await?;
    let layout: Layout = serde_json::from_str(&row.layout).unwrap_or_default();
    let net = compile_net(&app, &caller.user, row.pan.clone()).await?;
    Ok(Json(json!({
        "design": { "id": row.id, "name": row.name, "pan": row.pan, "updated": row.updated },
        "drawing": from_net(&net, &layout),
    })))
}

async fn delete(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    owned(&app, &caller, id).await?;
    app.db(move |s| Ok(s.delete_design(id)?)).await?;
    Ok(Json(json!({ "ok": true })))
}

/// The deployment plan of a design: per member, its switch, bridge and address, and what
/// `vmcs up` would do with it (`build` a new VM from the caller's profile of that object,
/// `start` the caller's existing VM), or why it cannot (a name another user's VM holds, no
/// profile for the object).
async fn plan(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Value>> {
    Ok(Json(plan_of(&app, &caller, id).await?.1))
}

/// The design `id` of the caller, compiled, and its deployment plan (see [`plan`]).
pub async fn plan_of(app: &App, caller: &Caller, id: i64) -> ApiResult<(NetProfile, Value)> {
    let row = owned(app, caller, id).await?;
    let net = compile_net(app, &caller.user, row.pan.clone()).await?;
    let u = caller.user.clone();
    let members: Vec<(String, String, String, String, String)> = net
        .switches
        .values()
        .flat_map(|s| {
            s.members.iter().map(move |m| {
                (
                    m.name.to_string(),
                    m.object.to_string(),
                    s.name.to_string(),
                    s.bridge.to_string(),
                    m.address.to_string(),
                )
            })
        })
        .collect();
    let names: Vec<(String, String)> = members.iter().map(|m| (m.0.clone(), m.1.clone())).collect();
    let facts = app
        .db(move |s| {
            let profiles = s.profiles(Some(&u))?;
            let mut out = Vec::new();
            for (vm, object) in &names {
                let inst = s.instance(vm)?;
                let profile = profiles
                    .iter()
                    .find(|p| p.name == *object || p.name == *vm)
                    .map(|p| p.id);
                out.push((inst.map(|i| (i.owner == u, i.state)), profile));
            }
            Ok(out)
        })
        .await?;
    let mut ready = true;
    let rows: Vec<Value> = members
        .iter()
        .zip(facts)
        .map(|((vm, object, sw, bridge, addr), (inst, profile))| {
            let (action, problem) = match (&inst, profile) {
                (Some((true, _)), _) => ("start", None),
                (Some((false, _)), _) => ("none", Some("the name is taken by another user's VM")),
                (None, Some(_)) => ("build", None),
                (None, None) => ("none", Some("no saved profile of this name or object")),
            };
            if problem.is_some() {
                ready = false;
            }
            json!({
                "vm": vm, "object": object, "switch": sw, "bridge": bridge, "address": addr,
                "state": inst.as_ref().map(|i| i.1.clone()), "profile_id": profile,
                "action": action, "problem": problem,
            })
        })
        .collect();
    let plan = json!({ "network": net.name, "ready": ready, "members": rows });
    Ok((net, plan))
}
