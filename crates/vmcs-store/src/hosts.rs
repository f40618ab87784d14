//! Hosts (CIVIC's container nodes): a name and a libvirt URI. `local` is always there.

use crate::{now, Result, Store, StoreError};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// One host.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HostRow {
    pub name: String,
    pub uri: String,
    pub ssh: Option<String>,
    pub state: String,
    pub added: i64,
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HostRow> {
    Ok(HostRow {
        name: r.get(0)?,
        uri: r.get(1)?,
        ssh: r.get(2)?,
        state: r.get(3)?,
        added: r.get(4)?,
    })
}

impl Store {
    pub fn add_host(&self, name: &str, uri: &str, ssh: Option<&str>) -> Result<()> {
        self.transaction(|s| {
            if s.host(name)?.is_some() {
                return Err(StoreError::Exists {
                    what: "host",
                    name: name.to_string(),
                });
            }
            s.conn
                .execute(
                    "INSERT INTO hosts (name, uri, ssh, state, added) VALUES (?1, ?2, ?3, 'active', ?4)",
                    params![name, uri, ssh, now()],
                )
                .map(|_| ())
                .map_err(|e| s.err(e))
        })
    }

    pub fn host(&self, name: &str) -> Result<Option<HostRow>> {
        self.conn
            .query_row(
                "SELECT name, uri, ssh, state, added FROM hosts WHERE name = ?1",
                [name],
                row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn hosts(&self) -> Result<Vec<HostRow>> {
        let mut st = self
            .conn
            .prepare("SELECT name, uri, ssh, state, added FROM hosts ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    pub fn set_host_state(&self, name: &str, state: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE hosts SET state = ?1 WHERE name = ?2",
                params![state, name],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    pub fn remove_host(&self, name: &str) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM hosts WHERE name = ?1", [name])
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::Missing {
                what: "host",
                name: name.to_string(),
            });
        }
        Ok(())
    }
}
