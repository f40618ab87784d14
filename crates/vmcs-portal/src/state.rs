//! The one state struct: a small pool of store connections (SQLite in WAL mode, so readers
//! never wait for the writer), the state directory, the stdlib directory and the compile
//! slots. Store work runs on tokio's blocking threads.

use crate::error::{ApiError, ApiResult};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use vmcs_store::Store;

/// The largest request body accepted (bytes).
pub const MAX_BODY: usize = 512 * 1024;

/// Shared by every request.
#[derive(Clone)]
pub struct App(pub Arc<Inner>);

pub struct Inner {
    pool: Vec<Mutex<Store>>,
    next: AtomicUsize,
    pub state_dir: PathBuf,
    pub stdlib: PathBuf,
    pub secure_cookies: bool,
    /// At most this many untrusted compiles at once.
    pub compiles: Arc<tokio::sync::Semaphore>,
    /// Respawn at login: per user, each kept VM and how far it got.
    pub respawn: Mutex<std::collections::HashMap<String, Vec<(String, String)>>>,
    /// Spawns and other long work started from the portal.
    pub jobs: crate::jobs::Jobs,
}

impl App {
    pub fn open(state_dir: &Path, secure_cookies: bool) -> miette::Result<App> {
        let n = 4;
        let mut pool = Vec::with_capacity(n);
        for _ in 0..n {
            pool.push(Mutex::new(Store::open(state_dir)?));
        }
        let stdlib = vmcs_stdlib::dir().map_err(|e| miette::miette!("stdlib: {e}"))?;
        Ok(App(Arc::new(Inner {
            pool,
            next: AtomicUsize::new(0),
            state_dir: state_dir.to_path_buf(),
            stdlib,
            secure_cookies,
            compiles: Arc::new(tokio::sync::Semaphore::new(2)),
            respawn: Mutex::new(std::collections::HashMap::new()),
            jobs: crate::jobs::Jobs::open(state_dir)?,
        })))
    }

    /// Run `f` with a store connection, on this thread.
    pub fn db_blocking<T>(
        &self,
        f: impl FnOnce(&Store) -> vmcs_store::Result<T>,
    ) -> vmcs_store::Result<T> {
        let n = self.0.pool.len();
        let start = self.0.next.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            if let Ok(g) = self.0.pool[(start + i) % n].try_lock() {
                return f(&g);
            }
        }
        let g = self.0.pool[start % n]
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        f(&g)
    }

    /// Run `f` with a store connection on a blocking thread.
    pub async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut out = None;
            let r = app.db_blocking(|s| {
                out = Some(f(s));
                Ok(())
            });
            match (r, out) {
                (_, Some(v)) => v,
                (Err(e), None) => Err(e.into()),
                (Ok(()), None) => Err(ApiError::Internal("no result".into())),
            }
        })
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
    }

    /// Run `f` on a blocking thread while holding one of the compile permits (at most
    /// [`App::compiles`] untrusted compiles at once).
    pub async fn compile_slot<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let permit = self
            .0
            .compiles
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            let r = f();
            drop(permit);
            r
        })
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
    }
}

/// The metrics collector of `vmcs monitor` (`vmcs_virt::monitor::collect`), inside `serve`:
/// one sample every 10 s, an hour of history kept; restarted after an error.
pub fn spawn_collector(app: App) {
    static STOP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    std::thread::spawn(move || loop {
        let r = vmcs_virt::monitor::collect(
            &app.0.state_dir,
            std::time::Duration::from_secs(10),
            std::time::Duration::from_secs(3600),
            &STOP,
        );
        if let Err(e) = r {
            eprintln!("vmcs serve: monitor: {e}");
        }
        std::thread::sleep(std::time::Duration::from_secs(10));
    });
}
