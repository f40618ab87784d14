//! Package search for the configure page, from the resolver of `vmcs deps` (`vmcs-deps`):
//! `GET /api/v1/packages?q=TEXT` lists packages whose name contains `TEXT` (at most
//! [`MAX_RESULTS`], prefix matches first) and `GET /api/v1/packages/NAME/closure` resolves
//! `NAME` as `vmcs deps NAME` does (apt-get's choices, `--no-install-recommends`) and sums
//! the installed size of the closure. The indexes are the files in `STATE/packages/` when
//! there are any, else the apt lists of this machine (`/var/lib/apt/lists`, what `vmcs deps`
//! reads by default); they are loaded once. Queries and names are checked before use and
//! every resolution runs under a wall-clock limit.

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::state::App;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};
use vmcs_deps::Universe;

pub const MAX_RESULTS: usize = 50;
pub const MAX_QUERY: usize = 64;
pub const SEARCH_TIME: Duration = Duration::from_millis(500);
pub const CLOSURE_TIME: Duration = Duration::from_secs(10);

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/packages", get(search))
        .route("/api/v1/packages/{name}/closure", get(closure))
}

/// A Debian package name (or part of one): lower-case letters, digits, `+`, `-`, `.`.
pub fn valid_query(q: &str) -> bool {
    !q.is_empty()
        && q.len() <= MAX_QUERY
        && q.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"+-.".contains(&c))
}

/// The universe of `state_dir` (loaded on first use, then shared).
pub fn universe(state_dir: &std::path::Path) -> ApiResult<Arc<Universe>> {
    type Cache = Mutex<HashMap<PathBuf, Arc<Universe>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut g = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(u) = g.get(state_dir) {
        return Ok(u.clone());
    }
    let mut u = Universe::new(vmcs_deps::default_arch());
    let own = state_dir.join("packages");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&own)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let unavailable = |e: vmcs_deps::DepsError| ApiError::Conflict(format!("package indexes: {e}"));
    if files.is_empty() {
        u.load_apt_lists(std::path::Path::new("/var/lib/apt/lists"))
            .map_err(unavailable)?;
    } else {
        for f in &files {
            u.load_index(&f.to_string_lossy()).map_err(unavailable)?;
        }
    }
    let u = Arc::new(u);
    g.insert(state_dir.to_path_buf(), u.clone());
    Ok(u)
}

async fn universe_async(app: &App) -> ApiResult<Arc<Universe>> {
    let dir = app.0.state_dir.clone();
    tokio::task::spawn_blocking(move || universe(&dir))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
}

#[derive(Deserialize)]
struct SearchQ {
    #[serde(default)]
    q: String,
}

/// Names containing `q` that have a version to install, prefix matches first.
pub fn find(u: &Universe, q: &str) -> Vec<Value> {
    let start = Instant::now();
    let mut prefix = Vec::new();
    let mut inner = Vec::new();
    for id in 0..u.name_count() as u32 {
        if start.elapsed() > SEARCH_TIME || prefix.len() >= MAX_RESULTS {
            break;
        }
        let name = u.name(id);
        if !name.contains(q) {
            continue;
        }
        let Some(v) = u.candidate(id) else { continue };
        let row = (name.to_string(), v);
        if name.starts_with(q) {
            prefix.push(row);
        } else if inner.len() < MAX_RESULTS {
            inner.push(row);
        }
    }
    prefix.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then(a.0.cmp(&b.0)));
    inner.sort_by(|a, b| a.0.cmp(&b.0));
    prefix
        .into_iter()
        .chain(inner)
        .take(MAX_RESULTS)
        .map(|(name, v)| {
            let m = u.meta(v);
            json!({
                "name": name, "version": u.ver_str(v), "section": m.section,
                "installed_size_kib": m.installed_size_kib,
            })
        })
        .collect()
}

async fn search(
    State(app): State<App>,
    _caller: Caller,
    Query(q): Query<SearchQ>,
) -> ApiResult<Json<Value>> {
    let q = q.q.trim().to_string();
    if !valid_query(&q) {
        return Err(ApiError::BadRequest(format!(
            "a package search is 1 to {MAX_QUERY} of a-z, 0-9, +, - and ."
        )));
    }
    let u = universe_async(&app).await?;
    let list = tokio::task::spawn_blocking(move || find(&u, &q))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(json!({ "packages": list, "limit": MAX_RESULTS })))
}

/// The closure of `name` and its installed size.
pub fn closure_of(u: &Universe, name: &str) -> ApiResult<Value> {
    let r = u
        .resolve(&[vmcs_deps::Request::new(name)])
        .map_err(|e| ApiError::Conflict(e.to_string()))?;
    let mut total: u64 = 0;
    let mut list = Vec::new();
    for p in r.to_install() {
        let size = u
            .find(&p.name)
            .and_then(|id| u.versions_of(id).find(|&v| u.ver_str(v) == p.version))
            .map(|v| u.meta(v).installed_size_kib)
            .unwrap_or(0);
        total += u64::from(size);
        list.push(json!({
            "name": p.name, "version": p.version, "installed_size_kib": size,
            "requested": p.requested, "pulled_in_by": p.pulled_in_by,
        }));
    }
    Ok(json!({
        "package": name, "count": list.len(), "installed_size_kib": total, "packages": list,
    }))
}

async fn closure(
    State(app): State<App>,
    _caller: Caller,
    Path(name): Path<String>,
) -> ApiResult<Json<Value>> {
    if !valid_query(&name) {
        return Err(ApiError::BadRequest("not a package name".into()));
    }
    let u = universe_async(&app).await?;
    if u.find(&name).and_then(|id| u.candidate(id)).is_none() {
        return Err(ApiError::NotFound);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("vmcs-closure".into())
        .spawn(move || {
            let _ = tx.send(closure_of(&u, &name));
        })
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let r = tokio::task::spawn_blocking(move || rx.recv_timeout(CLOSURE_TIME))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    match r {
        Ok(v) => Ok(Json(v?)),
        Err(_) => Err(ApiError::Conflict(format!(
            "the resolution took longer than {} s",
            CLOSURE_TIME.as_secs()
        ))),
    }
}
