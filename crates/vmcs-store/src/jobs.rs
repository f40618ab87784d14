//! The portal's jobs (`jobs`, migration 4): recorded when they start and when they end, so a
//! restarted portal still answers for them; the newest ones are kept.

use crate::{now, Result, Store};
use rusqlite::{params, OptionalExtension};

/// A recorded job.
#[derive(Debug, Clone, PartialEq)]
pub struct JobRow {
    pub id: i64,
    pub owner: String,
    pub kind: String,
    /// The events, a JSON list.
    pub events: String,
    /// The result (JSON), `None` while the job runs.
    pub result: Option<String>,
}

impl Store {
    /// Record job `j` (insert or replace); only the newest `keep` jobs are kept.
    pub fn put_job(&self, j: &JobRow, keep: usize) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO jobs (id, owner, kind, events, result, created)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET events = excluded.events,
                   result = excluded.result",
                params![j.id, j.owner, j.kind, j.events, j.result, now()],
            )
            .map_err(|e| self.err(e))?;
        self.conn
            .execute(
                "DELETE FROM jobs WHERE id NOT IN (SELECT id FROM jobs ORDER BY id DESC LIMIT ?1)",
                [keep as i64],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    pub fn job(&self, id: i64) -> Result<Option<JobRow>> {
        self.conn
            .query_row(
                "SELECT id, owner, kind, events, result FROM jobs WHERE id = ?1",
                [id],
                |r| {
                    Ok(JobRow {
                        id: r.get(0)?,
                        owner: r.get(1)?,
                        kind: r.get(2)?,
                        events: r.get(3)?,
                        result: r.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The highest job id recorded (0 when none).
    pub fn last_job_id(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT COALESCE(MAX(id), 0) FROM jobs", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Give every job still marked running the result `result` (JSON): what a portal does
    /// at start for the jobs its previous run did not finish. Returns how many.
    pub fn end_running_jobs(&self, result: &str) -> Result<usize> {
        self.conn
            .execute("UPDATE jobs SET result = ?1 WHERE result IS NULL", [result])
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_kept_newest_first_and_running_ones_can_be_ended() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.last_job_id().unwrap(), 0);
        for id in 1..=5 {
            s.put_job(
                &JobRow {
                    id,
                    owner: "alice".into(),
                    kind: "spawn".into(),
                    events: "[]".into(),
                    result: (id != 5).then(|| "{\"ok\":true}".into()),
                },
                3,
            )
            .unwrap();
        }
        assert_eq!(s.last_job_id().unwrap(), 5);
        assert!(s.job(2).unwrap().is_none(), "only the newest 3 are kept");
        assert_eq!(s.end_running_jobs("{\"ok\":false}").unwrap(), 1);
        assert_eq!(
            s.job(5).unwrap().unwrap().result.as_deref(),
            Some("{\"ok\":false}")
        );
        assert_eq!(
            s.job(4).unwrap().unwrap().result.as_deref(),
            Some("{\"ok\":true}")
        );
    }
}
