//! The portal's accounts: users (with their argon2id hashes, made by the portal), sessions and
//! API tokens (stored as SHA-256 hashes of the secret, never the secret), failed login
//! attempts for rate limiting, and each user's own non-object templates.

use crate::{now, Result, Store, StoreError};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// A portal user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserRow {
    pub name: String,
    #[serde(skip)]
    pub hash: String,
    pub admin: bool,
    pub disabled: bool,
    pub created: i64,
}

/// A live session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub user: String,
    pub csrf: String,
    pub expires: i64,
}

/// An API token (its secret is not kept).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TokenRow {
    pub id: i64,
    pub user: String,
    pub name: String,
    pub created: i64,
    pub last_used: Option<i64>,
}

/// A user's own template.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TemplateRow {
    pub id: i64,
    pub owner: String,
    pub name: String,
    pub text: String,
    pub updated: i64,
}

fn urow(r: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        name: r.get(0)?,
        hash: r.get(1)?,
        admin: r.get::<_, i64>(2)? != 0,
        disabled: r.get::<_, i64>(3)? != 0,
        created: r.get(4)?,
    })
}

fn trow(r: &rusqlite::Row<'_>) -> rusqlite::Result<TemplateRow> {
    Ok(TemplateRow {
        id: r.get(0)?,
        owner: r.get(1)?,
        name: r.get(2)?,
        text: r.get(3)?,
        updated: r.get(4)?,
    })
}

impl Store {
    /// Add a user; fails if the name is taken.
    pub fn add_user(&self, name: &str, hash: &str, admin: bool) -> Result<()> {
        let n = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO users (name, hash, admin, created) VALUES (?1, ?2, ?3, ?4)",
                params![name, hash, admin as i64, now()],
            )
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::Exists {
                what: "user",
                name: name.into(),
            });
        }
        Ok(())
    }

    pub fn user(&self, name: &str) -> Result<Option<UserRow>> {
        self.conn
            .query_row(
                "SELECT name, hash, admin, disabled, created FROM users WHERE name = ?1",
                [name],
                urow,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn users(&self) -> Result<Vec<UserRow>> {
        let mut st = self
            .conn
            .prepare("SELECT name, hash, admin, disabled, created FROM users ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], urow).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    pub fn user_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    fn user_update(&self, name: &str, sql: &str, value: &dyn rusqlite::ToSql) -> Result<()> {
        let n = self
            .conn
            .execute(sql, params![value, name])
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::Missing {
                what: "user",
                name: name.into(),
            });
        }
        Ok(())
    }

    /// Replace a user's password hash and end their sessions.
    pub fn set_user_hash(&self, name: &str, hash: &str) -> Result<()> {
        self.user_update(name, "UPDATE users SET hash = ?1 WHERE name = ?2", &hash)?;
        self.delete_user_sessions(name)
    }

    /// Disable (or enable) a user; disabling ends their sessions.
    pub fn set_user_disabled(&self, name: &str, disabled: bool) -> Result<()> {
        self.user_update(
            name,
            "UPDATE users SET disabled = ?1 WHERE name = ?2",
            &(disabled as i64),
        )?;
        if disabled {
            self.delete_user_sessions(name)?;
        }
        Ok(())
    }

    pub fn set_user_admin(&self, name: &str, admin: bool) -> Result<()> {
        self.user_update(
            name,
            "UPDATE users SET admin = ?1 WHERE name = ?2",
            &(admin as i64),
        )
    }

    /// Record a session (by the hash of its cookie value).
    pub fn add_session(&self, id_hash: &str, user: &str, csrf: &str, ttl_secs: i64) -> Result<()> {
        let t = now();
        self.conn
            .execute(
                "INSERT INTO sessions (id_hash, user, csrf, created, expires) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id_hash, user, csrf, t, t + ttl_secs],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// A session that has not expired.
    pub fn session(&self, id_hash: &str) -> Result<Option<SessionRow>> {
        self.conn
            .query_row(
                "SELECT user, csrf, expires FROM sessions WHERE id_hash = ?1 AND expires > ?2",
                params![id_hash, now()],
                |r| {
                    Ok(SessionRow {
                        user: r.get(0)?,
                        csrf: r.get(1)?,
                        expires: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn delete_session(&self, id_hash: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM sessions WHERE id_hash = ?1", [id_hash])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    pub fn delete_user_sessions(&self, user: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM sessions WHERE user = ?1", [user])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Drop expired sessions and login attempts older than `attempts_before`.
    pub fn sweep_sessions(&self, attempts_before: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM sessions WHERE expires <= ?1", [now()])
            .map_err(|e| self.err(e))?;
        self.conn
            .execute(
                "DELETE FROM login_attempts WHERE ts < ?1",
                [attempts_before],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Record a failed login under `key` (`user:NAME`, `addr:IP`).
    pub fn add_login_attempt(&self, key: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO login_attempts (key, ts) VALUES (?1, ?2)",
                params![key, now()],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Failed logins under `key` since `since`.
    pub fn login_attempts(&self, key: &str, since: i64) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM login_attempts WHERE key = ?1 AND ts >= ?2",
                params![key, since],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    pub fn clear_login_attempts(&self, key: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM login_attempts WHERE key = ?1", [key])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// Record an API token (by the hash of its secret); fails if the user has one of that name.
    pub fn add_token(&self, user: &str, name: &str, hash: &str) -> Result<i64> {
        let n = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO api_tokens (user, name, hash, created) VALUES (?1, ?2, ?3, ?4)",
                params![user, name, hash, now()],
            )
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::Exists {
                what: "token",
                name: name.into(),
            });
        }
        Ok(self.conn.last_insert_rowid())
    }

    /// The user a token hash belongs to (and notes its use).
    pub fn token_user(&self, hash: &str) -> Result<Option<String>> {
        let user: Option<String> = self
            .conn
            .query_row("SELECT user FROM api_tokens WHERE hash = ?1", [hash], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        if user.is_some() {
            self.conn
                .execute(
                    "UPDATE api_tokens SET last_used = ?1 WHERE hash = ?2",
                    params![now(), hash],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(user)
    }

    pub fn tokens(&self, user: &str) -> Result<Vec<TokenRow>> {
        let mut st = self
            .conn
            .prepare("SELECT id, user, name, created, last_used FROM api_tokens WHERE user = ?1 ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([user], |r| {
                Ok(TokenRow {
                    id: r.get(0)?,
                    user: r.get(1)?,
                    name: r.get(2)?,
                    created: r.get(3)?,
                    last_used: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Revoke one of `user`'s tokens by name.
    pub fn revoke_token(&self, user: &str, name: &str) -> Result<()> {
        let n = self
            .conn
            .execute(
                "DELETE FROM api_tokens WHERE user = ?1 AND name = ?2",
                params![user, name],
            )
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(StoreError::Missing {
                what: "token",
                name: name.into(),
            });
        }
        Ok(())
    }

    /// Save (create or replace) one of `owner`'s own templates.
    pub fn save_template(&self, owner: &str, name: &str, text: &str) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO templates (owner, name, text, updated) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (owner, name) DO UPDATE SET text = excluded.text, updated = excluded.updated",
                params![owner, name, text, now()],
            )
            .map_err(|e| self.err(e))?;
        self.conn
            .query_row(
                "SELECT id FROM templates WHERE owner = ?1 AND name = ?2",
                params![owner, name],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    pub fn templates(&self, owner: &str) -> Result<Vec<TemplateRow>> {
        let mut st = self
            .conn
            .prepare("SELECT id, owner, name, text, updated FROM templates WHERE owner = ?1 ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([owner], trow).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    pub fn template_by_id(&self, id: i64) -> Result<Option<TemplateRow>> {
        self.conn
            .query_row(
                "SELECT id, owner, name, text, updated FROM templates WHERE id = ?1",
                [id],
                trow,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn delete_template(&self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM templates WHERE id = ?1", [id])
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// `PRAGMA integrity_check` (`ok` when the database is sound).
    pub fn integrity_check(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_sessions_tokens_round_trip() {
        let s = Store::open_in_memory().unwrap();
        s.add_user("alice", "h", true).unwrap();
        assert!(matches!(
            s.add_user("alice", "h", false),
            Err(StoreError::Exists { .. })
        ));
        s.add_session("sid", "alice", "tok", 60).unwrap();
        assert_eq!(s.session("sid").unwrap().unwrap().csrf, "tok");
        s.set_user_hash("alice", "h2").unwrap();
        assert!(
            s.session("sid").unwrap().is_none(),
            "password reset ends sessions"
        );
        s.add_token("alice", "ci", "th").unwrap();
        assert_eq!(s.token_user("th").unwrap().as_deref(), Some("alice"));
        s.revoke_token("alice", "ci").unwrap();
        assert!(s.token_user("th").unwrap().is_none());
        s.add_login_attempt("user:alice").unwrap();
        assert_eq!(s.login_attempts("user:alice", 0).unwrap(), 1);
        assert_eq!(s.integrity_check().unwrap(), "ok");
    }
}
