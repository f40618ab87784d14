//! Network instances: a virtual network of several VMs brought up as one unit.

use crate::{now, Result, Store};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// One network instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkRow {
    pub name: String,
    pub owner: String,
    /// JSON: switches, members and where they run.
    pub spec: String,
    pub state: String,
    pub created: i64,
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<NetworkRow> {
    Ok(NetworkRow {
        name: r.get(0)?,
        owner: r.get(1)?,
        spec: r.get(2)?,
        state: r.get(3)?,
        created: r.get(4)?,
    })
}

impl Store {
    pub fn put_network(&self, n: &NetworkRow) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO networks (name, owner, spec, state, created) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![n.name, n.owner, n.spec, n.state, if n.created == 0 { now() } else { n.created }],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    pub fn network(&self, name: &str) -> Result<Option<NetworkRow>> {
        self.conn
            .query_row(
                "SELECT name, owner, spec, state, created FROM networks WHERE name = ?1",
                [name],
                row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn networks(&self, owner: Option<&str>) -> Result<Vec<NetworkRow>> {
        let sql = match owner {
            Some(_) => "SELECT name, owner, spec, state, created FROM networks WHERE owner = ?1 ORDER BY name",
            None => "SELECT name, owner, spec, state, created FROM networks ORDER BY name",
        };
        let mut st = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        let args: Vec<&str> = owner.into_iter().collect();
        let rows = st
            .query_map(rusqlite::params_from_iter(args), row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    pub fn delete_network(&self, name: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM networks WHERE name = ?1", [name])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}
