//! The operating pages: spawning a profile with its progress, the hosts overview and
//! manager, the rule editor; and their assets (`ops.js`, the vendored xterm.js with its
//! licence). Rendered like `pages.rs` (minijinja, autoescape on, `base.html`), each page a
//! client of the JSON API.

use crate::error::ApiError;
use crate::pages::{render, who};
use crate::state::App;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use minijinja::context;

pub fn router() -> Router<App> {
    Router::new()
        .route("/profiles/{id}/spawn", get(spawn_page))
        .route("/hosts", get(hosts_page))
        .route("/admin/rules", get(rules_page))
        .route("/assets/ops.js", get(ops_js))
        .route("/assets/vendor/xterm.js", get(xterm_js))
        .route("/assets/vendor/xterm.css", get(xterm_css))
        .route("/assets/vendor/xterm-LICENSE.txt", get(xterm_license))
}

async fn spawn_page(State(app): State<App>, headers: HeaderMap, Path(id): Path<i64>) -> Response {
    let Some(c) = who(&app, &headers).await else {
        return Redirect::to("/login").into_response();
    };
    let u = c.user.clone();
    let data = app
        .db(move |s| {
            let p = s
                .profile_by_id(id)?
                .filter(|p| p.owner == u)
                .ok_or(ApiError::NotFound)?;
            let v = s.profile_version(id, None)?;
            Ok((p, v.version, s.hosts()?))
        })
        .await;
    let (p, version, hosts) = match data {
        Ok(d) => d,
        Err(e) => return e.into_response(),
    };
    let mut names: Vec<String> = vec![vmcs_virt::hosts::LOCAL.to_string()];
    names.extend(
        hosts
            .into_iter()
            .map(|h| h.name)
            .filter(|n| n != vmcs_virt::hosts::LOCAL),
    );
    render(
        "spawn.html",
        context! { user => c.user, admin => c.admin, csrf => c.csrf(), profile => p,
        version => version, hosts => names },
    )
}

async fn admin_page(app: &App, headers: &HeaderMap) -> Result<crate::auth::Caller, Response> {
    let Some(c) = who(app, headers).await else {
        return Err(Redirect::to("/login").into_response());
    };
    if !c.admin {
        return Err(ApiError::Forbidden("administrators only".into()).into_response());
    }
    Ok(c)
}

async fn hosts_page(State(app): State<App>, headers: HeaderMap) -> Response {
    let c = match admin_page(&app, &headers).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    render(
        "hosts.html",
        context! { user => c.user, admin => c.admin, csrf => c.csrf() },
    )
}

async fn rules_page(State(app): State<App>, headers: HeaderMap) -> Response {
    let c = match admin_page(&app, &headers).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let state = app.0.state_dir.clone();
    let rules: Vec<_> = crate::rules::templates(&app.0.stdlib)
        .into_iter()
        .map(|t| {
            let over = crate::rules::overrides(&state, &app.0.stdlib)
                .iter()
                .any(|(p, _)| *p == t);
            context! { path => t, overridden => over }
        })
        .collect();
    render(
        "rules.html",
        context! { user => c.user, admin => c.admin, csrf => c.csrf(), rules },
    )
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn ops_js() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../assets/ops.js"),
    )
}

async fn xterm_js() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../assets/vendor/xterm/xterm.js"),
    )
}

async fn xterm_css() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../assets/vendor/xterm/xterm.css"),
    )
}

async fn xterm_license() -> Response {
    asset(
        "text/plain; charset=utf-8",
        include_str!("../assets/vendor/xterm/LICENSE"),
    )
}
