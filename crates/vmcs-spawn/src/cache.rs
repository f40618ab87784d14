//! The state database (SQLite in the state directory): cached layers, VMs, users' profiles.

use crate::error::SpawnError;
use crate::plan::Record;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// An open state database.
pub struct Cache {
    conn: Connection,
    path: PathBuf,
}

/// One row of `layers`.
#[derive(Debug, Clone, Serialize)]
pub struct LayerRow {
    pub key: String,
    pub kind: String,
    pub parent: Option<String>,
    pub path: String,
    pub created: i64,
    pub size: i64,
    pub last_used: i64,
}

/// One row of `vms`.
#[derive(Debug, Clone, Serialize)]
pub struct VmRow {
    pub name: String,
    pub profile_hash: String,
    pub layer: String,
    pub overlay: String,
    pub backend: String,
    pub state: String,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Bytes used by a file or tree (allocated blocks, so sparse images count what they hold).
pub fn disk_usage(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let Ok(m) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    if m.is_dir() {
        std::fs::read_dir(path)
            .map(|rd| rd.flatten().map(|e| disk_usage(&e.path())).sum())
            .unwrap_or(0)
    } else {
        m.blocks() * 512
    }
}

impl Cache {
    /// Open (and create) `STATE/vmcs.db`.
    pub fn open(state_dir: &Path) -> Result<Cache, SpawnError> {
        let path = state_dir.join("vmcs.db");
        let db = |e: &dyn std::fmt::Display| SpawnError::Db {
            path: path.clone(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(state_dir).map_err(|e| db(&e))?;
        let conn = Connection::open(&path).map_err(|e| db(&e))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(|e| db(&e))?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL;
             CREATE TABLE IF NOT EXISTS layers (key TEXT PRIMARY KEY, kind TEXT NOT NULL, parent TEXT, path TEXT NOT NULL,
                 created INTEGER NOT NULL, size INTEGER NOT NULL, last_used INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS vms (name TEXT PRIMARY KEY, profile_hash TEXT NOT NULL, layer TEXT NOT NULL,
                 overlay TEXT NOT NULL, backend TEXT NOT NULL, state TEXT NOT NULL, created INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS profiles (user TEXT NOT NULL, name TEXT NOT NULL, xml TEXT NOT NULL,
                 updated INTEGER NOT NULL, PRIMARY KEY (user, name));",
        )
        .map_err(|e| db(&e))?;
        Ok(Cache { conn, path })
    }

    fn err(&self, e: rusqlite::Error) -> SpawnError {
        SpawnError::Db {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Whether a layer is cached (its row exists and its directory is still there).
    pub fn has_layer(&self, key: &str) -> Result<bool, SpawnError> {
        let path: Option<String> = self
            .conn
            .query_row("SELECT path FROM layers WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(path.is_some_and(|p| Path::new(&p).exists()))
    }

    pub fn touch_layer(&self, key: &str) -> Result<(), SpawnError> {
        self.conn
            .execute(
                "UPDATE layers SET last_used = ?1 WHERE key = ?2",
                params![now(), key],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub fn vm_exists(&self, name: &str) -> Result<bool, SpawnError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM vms WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
    }

    /// Store a plan record; `source` is the profile text for `Record::Profile`.
    pub fn store(&self, r: &Record, source: &str) -> Result<(), SpawnError> {
        let t = now();
        let res = match r {
            Record::Layer { key, kind, parent, path } => self.conn.execute(
                "INSERT OR REPLACE INTO layers (key, kind, parent, path, created, size, last_used) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)",
                params![key, kind, parent, path.display().to_string(), t, disk_usage(path) as i64],
            ),
            Record::Vm { name, profile_hash, layer, overlay, backend, state } => self.conn.execute(
                "INSERT OR REPLACE INTO vms (name, profile_hash, layer, overlay, backend, state, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![name, profile_hash, layer, overlay.display().to_string(), backend, state, t],
            ),
            Record::Profile { user, name } => self.conn.execute("INSERT OR REPLACE INTO profiles (user, name, xml, updated) VALUES (?1, ?2, ?3, ?4)", params![user, name, source, t]),
        };
        res.map(|_| ()).map_err(|e| self.err(e))
    }

    /// Delete the row a record stored.
    pub fn unstore(&self, r: &Record) -> Result<(), SpawnError> {
        let res = match r {
            Record::Layer { key, .. } => self
                .conn
                .execute("DELETE FROM layers WHERE key = ?1", [key]),
            Record::Vm { name, .. } => self.conn.execute("DELETE FROM vms WHERE name = ?1", [name]),
            Record::Profile { user, name } => self.conn.execute(
                "DELETE FROM profiles WHERE user = ?1 AND name = ?2",
                [user, name],
            ),
        };
        res.map(|_| ()).map_err(|e| self.err(e))
    }

    pub fn layers(&self) -> Result<Vec<LayerRow>, SpawnError> {
        let mut st = self.conn.prepare("SELECT key, kind, parent, path, created, size, last_used FROM layers ORDER BY created").map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(LayerRow {
                    key: r.get(0)?,
                    kind: r.get(1)?,
                    parent: r.get(2)?,
                    path: r.get(3)?,
                    created: r.get(4)?,
                    size: r.get(5)?,
                    last_used: r.get(6)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    pub fn vms(&self) -> Result<Vec<VmRow>, SpawnError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT name, profile_hash, layer, overlay, backend, state FROM vms ORDER BY name",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(VmRow {
                    name: r.get(0)?,
                    profile_hash: r.get(1)?,
                    layer: r.get(2)?,
                    overlay: r.get(3)?,
                    backend: r.get(4)?,
                    state: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// A user's stored profiles: (name, profile text), to rebuild them on the next login.
    pub fn profiles(&self, user: &str) -> Result<Vec<(String, String)>, SpawnError> {
        let mut st = self
            .conn
            .prepare("SELECT name, xml FROM profiles WHERE user = ?1 ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([user], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Remove layers no VM (or child layer) uses and not used for `older_than` seconds.
    /// Returns the removed rows.
    pub fn gc(&self, older_than: i64) -> Result<Vec<LayerRow>, SpawnError> {
        let mut removed = Vec::new();
        loop {
            let vms = self.vms()?;
            let layers = self.layers()?;
            let cutoff = now() - older_than;
            let victim = layers.iter().find(|l| {
                l.last_used <= cutoff
                    && !vms.iter().any(|v| v.layer == l.key)
                    && !layers.iter().any(|c| c.parent.as_deref() == Some(&l.key))
            });
            let Some(v) = victim.cloned() else { break };
            let _ = std::fs::remove_dir_all(&v.path);
            self.conn
                .execute("DELETE FROM layers WHERE key = ?1", [&v.key])
                .map_err(|e| self.err(e))?;
            removed.push(v);
        }
        Ok(removed)
    }
}
