//! vmcs-store: the one SQLite database in the state directory (`STATE/vmcs.db`) that records
//! what vmcs made: hosts, image layers, instances, networks, profiles and their versions,
//! users and metrics. libvirt (or xl, or the QEMU process) is the truth for what runs; this
//! is the truth for what vmcs made, and `vmcs list` reconciles the two.
//!
//! WAL mode with a busy timeout, so the CLI and `vmcs serve` share it; schema changes are
//! numbered SQL files in `migrations/`, applied in order and recorded in `user_version`.
//!
//! **Architecture Invariant:** every write that must be atomic with a check (reserving an
//! instance name, the next profile version) runs in one `BEGIN IMMEDIATE` transaction.

mod designs;
mod hosts;
mod instances;
mod jobs;
mod layers;
mod metrics;
mod networks;
mod profiles;
mod users;

pub use designs::DesignRow;
pub use hosts::HostRow;
pub use instances::{InstanceRow, NewInstance};
pub use jobs::JobRow;
pub use layers::LayerRow;
pub use metrics::MetricRow;
pub use networks::NetworkRow;
pub use profiles::{ProfileRow, ProfileVersion};
pub use users::{SessionRow, TemplateRow, TokenRow, UserRow};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The schema migrations, in order. Never edit one that has shipped: add the next.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_portal.sql"),
    include_str!("../migrations/0003_designer.sql"),
    include_str!("../migrations/0004_jobs.sql"),
];

/// Why the store failed.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum StoreError {
    #[error("state database {path}: {message}")]
    #[diagnostic(code(vmcs::store::db))]
    Db { path: PathBuf, message: String },
    #[error("{what} `{name}` already exists")]
    #[diagnostic(code(vmcs::store::exists))]
    Exists { what: &'static str, name: String },
    #[error("no {what} `{name}`")]
    #[diagnostic(code(vmcs::store::missing))]
    Missing { what: &'static str, name: String },
    #[error("state database {path} has schema version {found}, newer than this vmcs ({known})")]
    #[diagnostic(
        code(vmcs::store::too_new),
        help("use the vmcs that wrote it, or a newer one")
    )]
    TooNew {
        path: PathBuf,
        found: usize,
        known: usize,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Seconds since the epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// An open state database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Open (creating it and the directory if needed) `STATE/vmcs.db` and bring its schema up
    /// to date.
    pub fn open(state_dir: &Path) -> Result<Store> {
        let path = state_dir.join("vmcs.db");
        let db = |e: &dyn std::fmt::Display| StoreError::Db {
            path: path.clone(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(state_dir).map_err(|e| db(&e))?;
        let conn = Connection::open(&path).map_err(|e| db(&e))?;
        Store::setup(conn, path)
    }

    /// A private in-memory store (tests).
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::Db {
            path: path.clone(),
            message: e.to_string(),
        })?;
        Store::setup(conn, path)
    }

    fn setup(conn: Connection, path: PathBuf) -> Result<Store> {
        let s = Store { conn, path };
        s.conn
            .busy_timeout(std::time::Duration::from_secs(30))
            .map_err(|e| s.err(e))?;
        s.conn
            .execute_batch(
                "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;",
            )
            .map_err(|e| s.err(e))?;
        s.migrate()?;
        Ok(s)
    }

    fn migrate(&self) -> Result<()> {
        let have: usize = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map_err(|e| self.err(e))? as usize;
        if have > MIGRATIONS.len() {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: have,
                known: MIGRATIONS.len(),
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(have) {
            let tx = format!(
                "BEGIN IMMEDIATE; {sql}\nPRAGMA user_version = {}; COMMIT;",
                i + 1
            );
            if let Err(e) = self.conn.execute_batch(&tx) {
                let _ = self.conn.execute_batch("ROLLBACK");
                // Another process may have applied it meanwhile.
                let now: i64 = self
                    .conn
                    .query_row("PRAGMA user_version", [], |r| r.get(0))
                    .map_err(|e| self.err(e))?;
                if now as usize <= i {
                    return Err(self.err(e));
                }
            }
        }
        Ok(())
    }

    /// The schema version.
    pub fn schema_version(&self) -> usize {
        MIGRATIONS.len()
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::Db {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Run `f` in one `BEGIN IMMEDIATE` transaction (committed when it returns Ok).
    pub fn transaction<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.err(e))?;
        match f(self) {
            Ok(v) => {
                self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_twice_and_keeps_its_version() {
        let d = tempfile::tempdir().unwrap();
        let a = Store::open(d.path()).unwrap();
        let b = Store::open(d.path()).unwrap();
        let v: i64 = b
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v as usize, MIGRATIONS.len());
        let mode: String = a
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn refuses_a_newer_schema() {
        let d = tempfile::tempdir().unwrap();
        let a = Store::open(d.path()).unwrap();
        a.conn.execute_batch("PRAGMA user_version = 99").unwrap();
        drop(a);
        let e = Store::open(d.path()).err().unwrap();
        assert!(matches!(e, StoreError::TooNew { found: 99, .. }), "{e}");
    }
}
