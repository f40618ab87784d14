//! The console in the page: `GET /api/v1/vms/NAME/console` upgrades to a websocket bridged
//! to the VM's serial console, the stream `vmcs console` uses (`Driver::console`: libvirt's
//! console stream, or the QEMU driver's serial socket). Binary and text frames from the
//! browser go to the guest; what the guest writes comes back as binary frames.
//!
//! Only the VM's owner gets it (404 to anyone else, administrators included: a console is a
//! login on the guest). A session caller must send the page's CSRF token as `?csrf=`, and an
//! `Origin` header, when the browser sends one, must name this server: another site cannot
//! open a console with the user's cookie.

use crate::auth::{same, Caller, Via};
use crate::error::{ApiError, ApiResult};
use crate::state::App;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use std::io::{Read, Write};

pub fn router() -> Router<App> {
    Router::new().route("/api/v1/vms/{name}/console", get(console))
}

/// Largest frame accepted from the browser (keystrokes and pastes).
const MAX_FRAME: usize = 64 * 1024;

#[derive(Deserialize)]
struct ConsoleQ {
    #[serde(default)]
    csrf: Option<String>,
}

/// Whether `Origin` (if any) is this server: `scheme://HOST` with `HOST` the request's Host.
pub fn origin_ok(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        // Not a browser (scripts with a bearer token, tests): nothing to check.
        return true;
    };
    let (Ok(origin), Some(host)) = (
        origin.to_str(),
        headers.get(header::HOST).and_then(|h| h.to_str().ok()),
    ) else {
        return false;
    };
    let bare = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    bare == Some(host)
}

async fn console(
    State(app): State<App>,
    caller: Caller,
    Path(name): Path<String>,
    Query(q): Query<ConsoleQ>,
    headers: HeaderMap,
    ws: WebSocketUpgrade,
) -> ApiResult<Response> {
    if let Via::Session { csrf, .. } = &caller.via {
        if !q.csrf.as_deref().is_some_and(|t| same(t, csrf)) {
            return Err(ApiError::Forbidden("missing or wrong csrf token".into()));
        }
    }
    if !origin_ok(&headers) {
        return Err(ApiError::Forbidden("cross-origin console refused".into()));
    }
    crate::ops::vm_name(&name)?;
    let (n, u) = (name.clone(), caller.user.clone());
    app.db(move |s| {
        s.instance(&n)?
            .filter(|i| i.owner == u)
            .ok_or(ApiError::NotFound)
    })
    .await?;
    // Open the console before upgrading, so a VM that is not running answers 409.
    let n = name.clone();
    let con = crate::ops::with_store(&app, move |s, dir| {
        let ops = vmcs_virt::ops::Ops::new(s, dir);
        let (row, m) = ops.load(&n)?;
        let d = ops.driver(&row.backend, &row.host)?;
        Ok(d.console(&m)?)
    })
    .await?;
    Ok(ws
        .max_message_size(MAX_FRAME)
        .on_upgrade(move |socket| bridge(socket, con)))
}

/// Copy between the websocket and the console until either side ends.
async fn bridge(mut socket: WebSocket, con: Box<dyn vmcs_virt::ConsoleStream>) {
    let Ok(mut reader) = con.try_clone_box() else {
        let _ = socket.send(Message::Close(None)).await;
        return;
    };
    let Ok(closer) = con.try_clone_box() else {
        return;
    };
    let (out_tx, mut out_rx) = tokio::sync::mpsc::channel::<Vec<u8>>(64);
    let (in_tx, in_rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if out_tx.blocking_send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    let mut writer = con;
    std::thread::spawn(move || {
        while let Ok(bytes) = in_rx.recv() {
            if writer
                .write_all(&bytes)
                .and_then(|_| writer.flush())
                .is_err()
            {
                break;
            }
        }
    });
    loop {
        tokio::select! {
            from_guest = out_rx.recv() => match from_guest {
                Some(bytes) => {
                    if socket.send(Message::Binary(bytes.into())).await.is_err() {
                        break;
                    }
                }
                None => {
                    let _ = socket.send(Message::Close(None)).await;
                    break;
                }
            },
            from_browser = socket.recv() => match from_browser {
                Some(Ok(Message::Binary(b))) => {
                    if in_tx.send(b.to_vec()).is_err() {
                        break;
                    }
                }
                Some(Ok(Message::Text(t))) => {
                    if in_tx.send(t.as_str().as_bytes().to_vec()).is_err() {
                        break;
                    }
                }
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
            },
        }
    }
    drop(in_tx);
    closer.close();
}
