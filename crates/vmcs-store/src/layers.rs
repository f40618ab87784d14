//! Image layers of the cache (base, packages, image, blank data disks).

use crate::{now, Result, Store};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

/// One cached layer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerRow {
    pub key: String,
    pub kind: String,
    pub parent: Option<String>,
    pub path: String,
    pub created: i64,
    pub size: i64,
    pub last_used: i64,
}

fn row(r: &Row<'_>) -> rusqlite::Result<LayerRow> {
    Ok(LayerRow {
        key: r.get(0)?,
        kind: r.get(1)?,
        parent: r.get(2)?,
        path: r.get(3)?,
        created: r.get(4)?,
        size: r.get(5)?,
        last_used: r.get(6)?,
    })
}

const COLS: &str = "key, kind, parent, path, created, size, last_used";

impl Store {
    pub fn layer(&self, key: &str) -> Result<Option<LayerRow>> {
        self.conn
            .query_row(
                &format!("SELECT {COLS} FROM layers WHERE key = ?1"),
                [key],
                row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn put_layer(&self, l: &LayerRow) -> Result<()> {
        self.conn
            .execute(
                &format!(
                    "INSERT OR REPLACE INTO layers ({COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                ),
                params![
                    l.key,
                    l.kind,
                    l.parent,
                    l.path,
                    l.created,
                    l.size,
                    l.last_used
                ],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    pub fn touch_layer(&self, key: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE layers SET last_used = ?1 WHERE key = ?2",
                params![now(), key],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    pub fn delete_layer(&self, key: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM layers WHERE key = ?1", [key])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    pub fn layers(&self) -> Result<Vec<LayerRow>> {
        let mut st = self
            .conn
            .prepare(&format!("SELECT {COLS} FROM layers ORDER BY created, key"))
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], row).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}
