//! Instances: the VMs vmcs made, with their host, machine spec and last known state.

use crate::{now, Result, Store, StoreError};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

/// What a new instance starts with.
#[derive(Debug, Clone)]
pub struct NewInstance {
    pub name: String,
    pub owner: String,
    pub host: String,
    pub uuid: String,
    pub profile_id: Option<i64>,
    pub profile_version: Option<i64>,
    pub network: Option<String>,
    pub backend: String,
    pub machine: String,
}

/// One instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstanceRow {
    pub name: String,
    pub owner: String,
    pub host: String,
    pub uuid: String,
    pub profile_id: Option<i64>,
    pub profile_version: Option<i64>,
    pub network: Option<String>,
    pub backend: String,
    /// The machine spec as JSON.
    pub machine: String,
    pub state: String,
    pub keep: bool,
    /// When it was last started (unix seconds).
    pub started: Option<i64>,
    pub created: i64,
    pub updated: i64,
}

const COLS: &str = "name, owner, host, uuid, profile_id, profile_version, network, backend, machine, state, keep, created, updated, started";

fn row(r: &Row<'_>) -> rusqlite::Result<InstanceRow> {
    Ok(InstanceRow {
        name: r.get(0)?,
        owner: r.get(1)?,
        host: r.get(2)?,
        uuid: r.get(3)?,
        profile_id: r.get(4)?,
        profile_version: r.get(5)?,
        network: r.get(6)?,
        backend: r.get(7)?,
        machine: r.get(8)?,
        state: r.get(9)?,
        keep: r.get::<_, i64>(10)? != 0,
        created: r.get(11)?,
        updated: r.get(12)?,
        started: r.get(13)?,
    })
}

impl Store {
    /// Reserve an instance name (state `building`); fails if the name is taken.
    pub fn reserve_instance(&self, n: &NewInstance) -> Result<()> {
        self.transaction(|s| {
            if s.instance(&n.name)?.is_some() {
                return Err(StoreError::Exists {
                    what: "VM",
                    name: n.name.clone(),
                });
            }
            let t = now();
            s.conn
                .execute(
                    &format!("INSERT INTO instances ({COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'building', 0, ?10, ?10, NULL)"),
                    params![n.name, n.owner, n.host, n.uuid, n.profile_id, n.profile_version, n.network, n.backend, n.machine, t],
                )
                .map(|_| ())
                .map_err(|e| s.err(e))
        })
    }

    pub fn instance(&self, name: &str) -> Result<Option<InstanceRow>> {
        self.conn
            .query_row(
                &format!("SELECT {COLS} FROM instances WHERE name = ?1"),
                [name],
                row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The instance, or a `Missing` error naming it.
    pub fn get_instance(&self, name: &str) -> Result<InstanceRow> {
        self.instance(name)?.ok_or_else(|| StoreError::Missing {
            what: "VM",
            name: name.to_string(),
        })
    }

    /// All instances, or those of one owner, by name.
    pub fn instances(&self, owner: Option<&str>) -> Result<Vec<InstanceRow>> {
        let (sql, args): (String, Vec<String>) = match owner {
            Some(o) => (
                format!("SELECT {COLS} FROM instances WHERE owner = ?1 ORDER BY name"),
                vec![o.to_string()],
            ),
            None => (
                format!("SELECT {COLS} FROM instances ORDER BY name"),
                Vec::new(),
            ),
        };
        let mut st = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(rusqlite::params_from_iter(args), row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    fn update(&self, name: &str, sql: &str, v: &dyn rusqlite::ToSql) -> Result<()> {
        let n = self
            .conn
            .execute(sql, params![v, now(), name])
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::Missing {
                what: "VM",
                name: name.to_string(),
            });
        }
        Ok(())
    }

    pub fn set_instance_state(&self, name: &str, state: &str) -> Result<()> {
        self.update(
            name,
            "UPDATE instances SET state = ?1, updated = ?2 WHERE name = ?3",
            &state,
        )
    }

    pub fn set_instance_host(&self, name: &str, host: &str) -> Result<()> {
        self.update(
            name,
            "UPDATE instances SET host = ?1, updated = ?2 WHERE name = ?3",
            &host,
        )
    }

    pub fn set_instance_machine(&self, name: &str, machine: &str) -> Result<()> {
        self.update(
            name,
            "UPDATE instances SET machine = ?1, updated = ?2 WHERE name = ?3",
            &machine,
        )
    }

    /// Record that the instance was started now (its uptime counts from here).
    pub fn set_instance_started(&self, name: &str) -> Result<()> {
        self.update(
            name,
            "UPDATE instances SET started = ?1, updated = ?2 WHERE name = ?3",
            &now(),
        )
    }

    pub fn set_instance_network(&self, name: &str, network: Option<&str>) -> Result<()> {
        self.update(
            name,
            "UPDATE instances SET network = ?1, updated = ?2 WHERE name = ?3",
            &network,
        )
    }

    pub fn set_instance_backend(&self, name: &str, backend: &str) -> Result<()> {
        self.update(
            name,
            "UPDATE instances SET backend = ?1, updated = ?2 WHERE name = ?3",
            &backend,
        )
    }

    pub fn set_instance_keep(&self, name: &str, keep: bool) -> Result<()> {
        self.update(
            name,
            "UPDATE instances SET keep = ?1, updated = ?2 WHERE name = ?3",
            &(keep as i64),
        )
    }

    pub fn delete_instance(&self, name: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM instances WHERE name = ?1", [name])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(name: &str) -> NewInstance {
        NewInstance {
            name: name.into(),
            owner: "alice".into(),
            host: "local".into(),
            uuid: "u".into(),
            profile_id: None,
            profile_version: None,
            network: None,
            backend: "qemu".into(),
            machine: "{}".into(),
        }
    }

    #[test]
    fn names_are_reserved_once() {
        let s = Store::open_in_memory().unwrap();
        s.reserve_instance(&new("web")).unwrap();
        let e = s.reserve_instance(&new("web")).unwrap_err();
        assert!(matches!(e, StoreError::Exists { .. }), "{e}");
        s.set_instance_state("web", "running").unwrap();
        assert_eq!(s.get_instance("web").unwrap().state, "running");
        assert!(s.set_instance_state("nope", "x").is_err());
        s.delete_instance("web").unwrap();
        assert!(s.instance("web").unwrap().is_none());
    }
}
