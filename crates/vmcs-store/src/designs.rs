//! The portal designer's network designs (`designs`, migration 3): per user, the Pan network
//! template and the drawing's layout.

use crate::{now, Result, Store};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// A saved network design.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DesignRow {
    pub id: i64,
    pub owner: String,
    pub name: String,
    pub pan: String,
    /// Node positions of the drawing (JSON).
    pub layout: String,
    pub updated: i64,
}

fn drow(r: &rusqlite::Row<'_>) -> rusqlite::Result<DesignRow> {
    Ok(DesignRow {
        id: r.get(0)?,
        owner: r.get(1)?,
        name: r.get(2)?,
        pan: r.get(3)?,
        layout: r.get(4)?,
        updated: r.get(5)?,
    })
}

impl Store {
    /// Save (or replace) `owner`'s design `name`; returns its id.
    pub fn save_design(&self, owner: &str, name: &str, pan: &str, layout: &str) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO designs (owner, name, pan, layout, updated) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (owner, name) DO UPDATE SET pan = excluded.pan,
                   layout = excluded.layout, updated = excluded.updated",
                params![owner, name, pan, layout, now()],
            )
            .map_err(|e| self.err(e))?;
        self.conn
            .query_row(
                "SELECT id FROM designs WHERE owner = ?1 AND name = ?2",
                params![owner, name],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    pub fn designs(&self, owner: &str) -> Result<Vec<DesignRow>> {
        let mut st = self
            .conn
            .prepare("SELECT id, owner, name, pan, layout, updated FROM designs WHERE owner = ?1 ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([owner], drow).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    pub fn design_by_id(&self, id: i64) -> Result<Option<DesignRow>> {
        self.conn
            .query_row(
                "SELECT id, owner, name, pan, layout, updated FROM designs WHERE id = ?1",
                [id],
                drow,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn delete_design(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM designs WHERE id = ?1", [id])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn designs_are_per_owner_and_replaced_by_name() {
        let s = Store::open_in_memory().unwrap();
        let a = s
            .save_design("alice", "lab", "object template lab;", "{}")
            .unwrap();
        let b = s.save_design("bob", "lab", "x", "{}").unwrap();
        assert_ne!(a, b);
        assert_eq!(s.save_design("alice", "lab", "v2", "{\"a\":1}").unwrap(), a);
        let got = s.design_by_id(a).unwrap().unwrap();
        assert_eq!((got.pan.as_str(), got.layout.as_str()), ("v2", "{\"a\":1}"));
        assert_eq!(s.designs("alice").unwrap().len(), 1);
        s.delete_design(a).unwrap();
        assert!(s.design_by_id(a).unwrap().is_none());
    }
}
