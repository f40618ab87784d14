//! The HTML pages: server-rendered with minijinja (autoescape on for every `.html`
//! template, so hostile names show as text) and one script, `app.js`, that calls the JSON
//! API with the page's CSRF token. Assets are embedded in the binary.

use crate::auth::{session_cookie, Caller};
use crate::error::ApiError;
use crate::state::App;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use minijinja::{context, Environment};
use std::sync::OnceLock;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("profile.html", include_str!("../templates/profile.html")),
    ("admin.html", include_str!("../templates/admin.html")),
    ("vm.html", include_str!("../templates/vm.html")),
    (
        "configure.html",
        include_str!("../templates/configure.html"),
    ),
    ("designer.html", include_str!("../templates/designer.html")),
    ("spawn.html", include_str!("../templates/spawn.html")),
    ("hosts.html", include_str!("../templates/hosts.html")),
    ("rules.html", include_str!("../templates/rules.html")),
];

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut e = Environment::new();
        e.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        for (name, src) in TEMPLATES {
            // The templates are ours and compiled in: a broken one fails every test.
            if let Err(err) = e.add_template(name, src) {
                eprintln!("template {name}: {err}");
            }
        }
        e
    })
}

pub(crate) fn render(name: &str, ctx: minijinja::Value) -> Response {
    match env().get_template(name).and_then(|t| t.render(ctx)) {
        Ok(html) => Html(html).into_response(),
        Err(e) => ApiError::Internal(format!("page {name}: {e}")).into_response(),
    }
}

pub fn router() -> Router<App> {
    Router::new()
        .route("/", get(home))
        .route("/login", get(login))
        .route("/profiles/{id}", get(profile))
        .route("/admin", get(admin))
        .route("/vms/{name}", get(vm))
        .route("/assets/app.js", get(app_js))
        .route("/assets/style.css", get(style))
}

/// A page for a logged-in user, or a redirect to the login page.
pub(crate) async fn who(app: &App, headers: &HeaderMap) -> Option<Caller> {
    let cookie = session_cookie(headers)?;
    let h = crate::auth::digest(&cookie);
    let (row, u) = app
        .db(move |s| {
            let Some(row) = s.session(&h)? else {
                return Ok(None);
            };
            Ok(s.user(&row.user)?.map(|u| (row, u)))
        })
        .await
        .ok()??;
    if u.disabled {
        return None;
    }
    Some(Caller {
        user: u.name,
        admin: u.admin,
        via: crate::auth::Via::Session {
            id_hash: String::new(),
            csrf: row.csrf,
        },
    })
}

async fn login() -> Response {
    render("login.html", context! {})
}

async fn home(State(app): State<App>, headers: HeaderMap) -> Response {
    let Some(c) = who(&app, &headers).await else {
        return Redirect::to("/login").into_response();
    };
    let u = c.user.clone();
    let data = app
        .db(move |s| {
            Ok((
                s.profiles(Some(&u))?,
                s.instances(Some(&u))?,
                s.templates(&u)?,
            ))
        })
        .await;
    let Ok((profiles, vms, templates)) = data else {
        return ApiError::Internal("store".into()).into_response();
    };
    let vms: Vec<_> = vms
        .iter()
        .map(|v| context! { name => v.name, state => v.state, host => v.host, keep => v.keep })
        .collect();
    render(
        "home.html",
        context! { user => c.user, admin => c.admin, csrf => c.csrf(), profiles, vms, templates },
    )
}

async fn profile(State(app): State<App>, headers: HeaderMap, Path(id): Path<i64>) -> Response {
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
            let vs = s.profile_versions(id)?;
            Ok((p, vs))
        })
        .await;
    let (p, vs) = match data {
        Ok(d) => d,
        Err(e) => return e.into_response(),
    };
    let latest = vs.first().cloned();
    render(
        "profile.html",
        context! { user => c.user, admin => c.admin, csrf => c.csrf(), profile => p,
        latest => latest, versions => vs },
    )
}

async fn admin(State(app): State<App>, headers: HeaderMap) -> Response {
    let Some(c) = who(&app, &headers).await else {
        return Redirect::to("/login").into_response();
    };
    if !c.admin {
        return ApiError::Forbidden("administrators only".into()).into_response();
    }
    let data = app
        .db(|s| Ok((s.users()?, s.instances(None)?, s.hosts()?)))
        .await;
    let Ok((users, vms, hosts)) = data else {
        return ApiError::Internal("store".into()).into_response();
    };
    let vms: Vec<_> = vms
        .iter()
        .map(|v| context! { name => v.name, owner => v.owner, state => v.state, host => v.host })
        .collect();
    render(
        "admin.html",
        context! { user => c.user, admin => c.admin, csrf => c.csrf(), users, vms, hosts },
    )
}

async fn vm(State(app): State<App>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    let Some(c) = who(&app, &headers).await else {
        return Redirect::to("/login").into_response();
    };
    let (u, admin) = (c.user.clone(), c.admin);
    let row = app
        .db(move |s| {
            s.instance(&name)?
                .filter(|i| admin || i.owner == u)
                .ok_or(ApiError::NotFound)
        })
        .await;
    let v = match row {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    render(
        "vm.html",
        context! { user => c.user, admin => c.admin, csrf => c.csrf(),
        vm => context! { name => v.name, state => v.state, host => v.host,
                         backend => v.backend, keep => v.keep, owner => v.owner },
        mine => v.owner == c.user },
    )
}

async fn app_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../assets/app.js"),
    )
        .into_response()
}

async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../assets/style.css"),
    )
        .into_response()
}
