//! Accounts and authentication: argon2id password hashes, sessions (a random cookie value
//! whose SHA-256 is stored; `HttpOnly`, `SameSite=Strict`, `Secure` behind TLS; a new one at
//! every login, so a planted cookie is never promoted), a CSRF token per session checked on
//! every state-changing call, bearer API tokens (stored hashed, no CSRF), and failed logins
//! rate-limited per user and per address.

use crate::error::{ApiError, ApiResult};
use crate::state::App;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rand::RngCore;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;

/// The session cookie's name.
pub const COOKIE: &str = "vmcs_session";
/// Sessions last this long (seconds).
pub const SESSION_TTL: i64 = 12 * 3600;
/// Failed logins counted over this window (seconds)...
pub const WINDOW: i64 = 15 * 60;
/// ...at most this many per user name...
pub const MAX_PER_USER: i64 = 5;
/// ...and this many per client address.
pub const MAX_PER_ADDR: i64 = 20;

/// An argon2id hash (PHC string) of `password`.
pub fn hash_password(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Whether `password` matches the stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A random secret (32 bytes, hex).
pub fn secret() -> String {
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

/// SHA-256 of a secret, hex: what the store keeps.
pub fn digest(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// Compare two strings in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// User names: what vmcs accepts as an owner.
pub fn valid_user_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 32
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Make a new API token for `user`: returns the secret (shown once).
pub fn create_token(
    store: &vmcs_store::Store,
    user: &str,
    name: &str,
) -> vmcs_store::Result<String> {
    let token = format!("vmcs_{}", secret());
    store.add_token(user, name, &digest(&token))?;
    Ok(token)
}

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Via {
    Session { id_hash: String, csrf: String },
    Bearer,
}

/// The authenticated caller of a request. Extracting it checks the session or bearer token
/// and, for session callers of a state-changing method, the `X-CSRF-Token` header.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user: String,
    pub admin: bool,
    pub via: Via,
}

impl Caller {
    pub fn csrf(&self) -> &str {
        match &self.via {
            Via::Session { csrf, .. } => csrf,
            Via::Bearer => "",
        }
    }

    /// Refuse unless an administrator.
    pub fn need_admin(&self) -> ApiResult<()> {
        if self.admin {
            Ok(())
        } else {
            Err(ApiError::Forbidden("administrators only".into()))
        }
    }
}

/// The value of the session cookie in a request.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
}

impl FromRequestParts<App> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Caller, ApiError> {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| digest(t.trim()));
        let cookie = session_cookie(&parts.headers).map(|c| digest(&c));
        let state_changing = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        let sent_csrf = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let (row, via) = app
            .db(move |s| {
                let found = if let Some(h) = bearer {
                    s.token_user(&h)?.map(|u| (u, Via::Bearer))
                } else if let Some(h) = cookie {
                    s.session(&h)?.map(|row| {
                        (
                            row.user,
                            Via::Session {
                                id_hash: h,
                                csrf: row.csrf,
                            },
                        )
                    })
                } else {
                    None
                };
                let Some((user, via)) = found else {
                    return Ok(None);
                };
                Ok(s.user(&user)?.filter(|u| !u.disabled).map(|u| (u, via)))
            })
            .await?
            .ok_or(ApiError::Unauthorized)?;
        let user = row.name.clone();
        if let Via::Session { csrf, .. } = &via {
            if state_changing && !sent_csrf.as_deref().is_some_and(|t| same(t, csrf)) {
                return Err(ApiError::Forbidden("missing or wrong X-CSRF-Token".into()));
            }
        }
        Ok(Caller {
            user,
            admin: row.admin,
            via,
        })
    }
}

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/login", post(login))
        .route("/api/v1/logout", post(logout))
        .route("/api/v1/me", get(me))
}

#[derive(Deserialize)]
pub struct LoginReq {
    pub user: String,
    pub password: String,
}

fn cookie_header(app: &App, value: &str, max_age: i64) -> String {
    format!(
        "{COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{}",
        if app.0.secure_cookies { "; Secure" } else { "" }
    )
}

/// Where a request came from: the peer address, or the first hop named by a proxy on
/// loopback.
fn client_addr(peer: Option<SocketAddr>) -> String {
    peer.map(|p| p.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

async fn login(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Json(req): Json<LoginReq>,
) -> ApiResult<Response> {
    if req.user.len() > 64 || req.password.len() > 1024 {
        return Err(ApiError::Unauthorized);
    }
    let ukey = format!("user:{}", req.user);
    let akey = format!("addr:{}", client_addr(Some(peer)));
    let (uk, ak) = (ukey.clone(), akey.clone());
    let since = vmcs_store::now() - WINDOW;
    let limited = app
        .db(move |s| {
            Ok(s.login_attempts(&uk, since)? >= MAX_PER_USER
                || s.login_attempts(&ak, since)? >= MAX_PER_ADDR)
        })
        .await?;
    if limited {
        return Err(ApiError::TooMany);
    }
    let name = req.user.clone();
    let row = app.db(move |s| Ok(s.user(&name)?)).await?;
    // Verify even for unknown users, so timing does not tell which names exist.
    let (hash, ok_user) = match &row {
        Some(u) if !u.disabled => (u.hash.clone(), true),
        _ => (dummy_hash(), false),
    };
    let pw = req.password.clone();
    let verified = tokio::task::spawn_blocking(move || verify_password(&pw, &hash))
        .await
        .unwrap_or(false);
    if !(verified && ok_user) {
        app.db(move |s| {
            s.add_login_attempt(&ukey)?;
            s.add_login_attempt(&akey)?;
            Ok(())
        })
        .await?;
        return Err(ApiError::Unauthorized);
    }
    let row = row.ok_or(ApiError::Unauthorized)?;
    let sid = secret();
    let csrf = secret();
    let (h, c, u) = (digest(&sid), csrf.clone(), row.name.clone());
    app.db(move |s| {
        s.add_session(&h, &u, &c, SESSION_TTL)?;
        s.clear_login_attempts(&ukey)?;
        s.sweep_sessions(vmcs_store::now() - WINDOW)?;
        Ok(())
    })
    .await?;
    let respawn = crate::api::respawn_kept(&app, &row.name).await;
    let body = serde_json::json!({ "user": row.name, "admin": row.admin, "csrf": csrf, "respawn": respawn });
    Ok((
        [(header::SET_COOKIE, cookie_header(&app, &sid, SESSION_TTL))],
        Json(body),
    )
        .into_response())
}

/// An argon2id hash of a random password, verified against for unknown users so that
/// timing does not tell which names exist.
fn dummy_hash() -> String {
    static H: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    H.get_or_init(|| hash_password(&secret()).unwrap_or_default())
        .clone()
}

async fn logout(State(app): State<App>, caller: Caller) -> ApiResult<Response> {
    if let Via::Session { id_hash, .. } = caller.via {
        app.db(move |s| Ok(s.delete_session(&id_hash)?)).await?;
    }
    Ok((
        [(header::SET_COOKIE, cookie_header(&app, "", 0))],
        Json(serde_json::json!({ "ok": true })),
    )
        .into_response())
}

async fn me(caller: Caller) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "user": caller.user, "admin": caller.admin, "csrf": caller.csrf() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ() {
        let a = hash_password("pw").unwrap();
        let b = hash_password("pw").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b);
        assert!(verify_password("pw", &a));
        assert!(!verify_password("pw2", &a));
        assert!(!verify_password("pw", "garbage"));
    }

    #[test]
    fn user_names() {
        assert!(valid_user_name("alice-2"));
        for bad in ["", "Alice", "1a", "a b", "a/b", "../x", &"a".repeat(40)] {
            assert!(!valid_user_name(bad), "{bad}");
        }
    }
}
