//! Stored profiles per user: every save is a new version holding the user-level Pan template
//! (when there is one) and the system-level XML skeleton.

use crate::{now, Result, Store, StoreError};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// A stored profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileRow {
    pub id: i64,
    pub owner: String,
    pub name: String,
    pub created: i64,
    pub latest: i64,
}

/// One version of a profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileVersion {
    pub profile_id: i64,
    pub version: i64,
    pub pan: Option<String>,
    pub xml: String,
    pub created: i64,
    pub comment: Option<String>,
}

const PCOLS: &str = "p.id, p.owner, p.name, p.created, (SELECT COALESCE(MAX(version), 0) FROM profile_versions v WHERE v.profile_id = p.id)";

fn prow(r: &rusqlite::Row<'_>) -> rusqlite::Result<ProfileRow> {
    Ok(ProfileRow {
        id: r.get(0)?,
        owner: r.get(1)?,
        name: r.get(2)?,
        created: r.get(3)?,
        latest: r.get(4)?,
    })
}

fn vrow(r: &rusqlite::Row<'_>) -> rusqlite::Result<ProfileVersion> {
    Ok(ProfileVersion {
        profile_id: r.get(0)?,
        version: r.get(1)?,
        pan: r.get(2)?,
        xml: r.get(3)?,
        created: r.get(4)?,
        comment: r.get(5)?,
    })
}

impl Store {
    /// Save a new version of `owner`'s profile `name` (created on first save); returns
    /// (profile id, version).
    pub fn save_profile(
        &self,
        owner: &str,
        name: &str,
        pan: Option<&str>,
        xml: &str,
        comment: Option<&str>,
    ) -> Result<(i64, i64)> {
        self.transaction(|s| {
            let t = now();
            s.conn
                .execute(
                    "INSERT OR IGNORE INTO profiles (owner, name, created) VALUES (?1, ?2, ?3)",
                    params![owner, name, t],
                )
                .map_err(|e| s.err(e))?;
            let id: i64 = s
                .conn
                .query_row(
                    "SELECT id FROM profiles WHERE owner = ?1 AND name = ?2",
                    params![owner, name],
                    |r| r.get(0),
                )
                .map_err(|e| s.err(e))?;
            let version: i64 = s
                .conn
                .query_row(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM profile_versions WHERE profile_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .map_err(|e| s.err(e))?;
            s.conn
                .execute(
                    "INSERT INTO profile_versions (profile_id, version, pan, xml, created, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id, version, pan, xml, t, comment],
                )
                .map_err(|e| s.err(e))?;
            Ok((id, version))
        })
    }

    pub fn profile_by_id(&self, id: i64) -> Result<Option<ProfileRow>> {
        self.conn
            .query_row(
                &format!("SELECT {PCOLS} FROM profiles p WHERE p.id = ?1"),
                [id],
                prow,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn profile_by_name(&self, owner: &str, name: &str) -> Result<Option<ProfileRow>> {
        self.conn
            .query_row(
                &format!("SELECT {PCOLS} FROM profiles p WHERE p.owner = ?1 AND p.name = ?2"),
                params![owner, name],
                prow,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Profiles of one owner (or everyone's), by name.
    pub fn profiles(&self, owner: Option<&str>) -> Result<Vec<ProfileRow>> {
        let sql = match owner {
            Some(_) => format!("SELECT {PCOLS} FROM profiles p WHERE p.owner = ?1 ORDER BY p.name"),
            None => format!("SELECT {PCOLS} FROM profiles p ORDER BY p.owner, p.name"),
        };
        let mut st = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let args: Vec<&str> = owner.into_iter().collect();
        let rows = st
            .query_map(rusqlite::params_from_iter(args), prow)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// One version (`None`: the latest).
    pub fn profile_version(&self, id: i64, version: Option<i64>) -> Result<ProfileVersion> {
        let r = match version {
            Some(v) => self.conn.query_row(
                "SELECT profile_id, version, pan, xml, created, comment FROM profile_versions WHERE profile_id = ?1 AND version = ?2",
                params![id, v],
                vrow,
            ),
            None => self.conn.query_row(
                "SELECT profile_id, version, pan, xml, created, comment FROM profile_versions WHERE profile_id = ?1 ORDER BY version DESC LIMIT 1",
                [id],
                vrow,
            ),
        };
        r.optional()
            .map_err(|e| self.err(e))?
            .ok_or_else(|| StoreError::Missing {
                what: "profile version",
                name: format!(
                    "{id}:{}",
                    version.map(|v| v.to_string()).unwrap_or("latest".into())
                ),
            })
    }

    /// Every version of a profile, newest first (without their texts' bodies trimmed).
    pub fn profile_versions(&self, id: i64) -> Result<Vec<ProfileVersion>> {
        let mut st = self
            .conn
            .prepare("SELECT profile_id, version, pan, xml, created, comment FROM profile_versions WHERE profile_id = ?1 ORDER BY version DESC")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([id], vrow).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    pub fn delete_profile(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM profiles WHERE id = ?1", [id])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_up_per_profile() {
        let s = Store::open_in_memory().unwrap();
        let (id, v1) = s
            .save_profile("alice", "web", Some("pan1"), "<x/>", None)
            .unwrap();
        let (id2, v2) = s
            .save_profile("alice", "web", Some("pan2"), "<y/>", None)
            .unwrap();
        let (id3, v3) = s.save_profile("bob", "web", None, "<z/>", None).unwrap();
        assert_eq!((id, v1, v2), (id2, 1, 2));
        assert_ne!(id3, id);
        assert_eq!(v3, 1);
        assert_eq!(
            s.profile_version(id, None).unwrap().pan.as_deref(),
            Some("pan2")
        );
        assert_eq!(s.profile_version(id, Some(1)).unwrap().xml, "<x/>");
        assert_eq!(s.profiles(Some("alice")).unwrap()[0].latest, 2);
        assert_eq!(s.profile_versions(id).unwrap().len(), 2);
    }
}
