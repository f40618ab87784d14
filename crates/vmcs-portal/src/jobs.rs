//! Long work started from the portal (a spawn), as jobs: each keeps the list of its events
//! (the stages of `vmcs_virt::deploy`), which `GET /api/v1/jobs/ID` returns and
//! `GET /api/v1/jobs/ID/events` streams as server-sent events (the past ones first, then
//! each as it happens, ending with `done` or `failed`). A job belongs to the user who
//! started it: anyone else gets 404. Jobs are recorded in the store when they start and when
//! they end (`vmcs_store::JobRow`): after a restart the portal still answers for the newest
//! [`KEEP`], and the ones its previous run left running end as interrupted.

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::state::App;
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::watch;
use vmcs_store::{JobRow, Store};

/// How many jobs are remembered (the oldest finished ones are forgotten first).
const KEEP: usize = 200;
/// How many events one job keeps (a spawn has a few hundred steps at most).
const MAX_EVENTS: usize = 5000;

pub struct Job {
    pub id: u64,
    pub owner: String,
    pub kind: String,
    events: Mutex<Vec<Value>>,
    finished: Mutex<Option<Value>>,
    tick: watch::Sender<usize>,
    /// The state directory whose store records the job.
    record: Option<PathBuf>,
}

impl Job {
    /// Add an event (`{"stage", "detail", ...}`).
    pub fn push(&self, ev: Value) {
        let n = {
            let mut e = self.events.lock().unwrap_or_else(|p| p.into_inner());
            if e.len() < MAX_EVENTS {
                e.push(ev);
            }
            e.len()
        };
        self.tick.send_replace(n);
    }

    /// End the job with its result (`{"ok": bool, ...}`); the last event says `done` or
    /// `failed`.
    pub fn finish(&self, result: Value) {
        *self.finished.lock().unwrap_or_else(|p| p.into_inner()) = Some(result);
        self.save();
        let n = self.events.lock().unwrap_or_else(|p| p.into_inner()).len();
        self.tick.send_replace(n + 1);
    }

    /// End the job with `r`'s value, or with `{"ok": false, "error"}` when it failed.
    pub fn finish_with(&self, r: ApiResult<Value>) {
        match r {
            Ok(v) => self.finish(v),
            Err(e) => self.finish(json!({"ok": false, "error": e.to_string()})),
        }
    }

    /// The answer of a route that started this job: 202 with its id and its event stream.
    pub fn accepted(&self) -> (axum::http::StatusCode, Json<Value>) {
        (
            axum::http::StatusCode::ACCEPTED,
            Json(json!({"job": self.id, "events": format!("/api/v1/jobs/{}/events", self.id)})),
        )
    }

    /// Record the job as it stands (best effort: a job still runs when its record fails).
    fn save(&self) {
        let Some(dir) = &self.record else { return };
        let (events, result) = self.since(0);
        let row = JobRow {
            id: self.id as i64,
            owner: self.owner.clone(),
            kind: self.kind.clone(),
            events: Value::Array(events).to_string(),
            result: result.map(|r| r.to_string()),
        };
        if let Err(e) = Store::open(dir).and_then(|s| s.put_job(&row, KEEP)) {
            eprintln!("vmcs serve: job {} not recorded: {e}", self.id);
        }
    }

    /// A finished job read back from its record.
    fn from_row(r: JobRow) -> Job {
        let events: Vec<Value> = serde_json::from_str(&r.events).unwrap_or_default();
        let result = r
            .result
            .and_then(|x| serde_json::from_str(&x).ok())
            .unwrap_or_else(|| json!({"ok": false, "error": "the job's record is incomplete"}));
        let (tick, _) = watch::channel(events.len() + 1);
        Job {
            id: r.id as u64,
            owner: r.owner,
            kind: r.kind,
            events: Mutex::new(events),
            finished: Mutex::new(Some(result)),
            tick,
            record: None,
        }
    }

    /// The events from `from` on, and the result if the job has finished.
    pub fn since(&self, from: usize) -> (Vec<Value>, Option<Value>) {
        let ev = self.events.lock().unwrap_or_else(|p| p.into_inner());
        let list = ev.get(from..).map(<[Value]>::to_vec).unwrap_or_default();
        let fin = self
            .finished
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        (list, fin)
    }

    fn is_finished(&self) -> bool {
        self.finished
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }
}

#[derive(Default)]
pub struct Jobs {
    next: AtomicU64,
    map: Mutex<BTreeMap<u64, Arc<Job>>>,
    /// The state directory whose store records the jobs (none: in memory only).
    record: Option<PathBuf>,
}

impl Jobs {
    /// The jobs recorded in the store of `state_dir`: new ids follow the last recorded one,
    /// and the jobs a previous run left running end as interrupted.
    pub fn open(state_dir: &std::path::Path) -> Result<Jobs, vmcs_store::StoreError> {
        let s = Store::open(state_dir)?;
        s.end_running_jobs(
            &json!({"ok": false, "error": "interrupted: the portal stopped while the job ran"})
                .to_string(),
        )?;
        Ok(Jobs {
            next: AtomicU64::new(s.last_job_id()?.max(0) as u64),
            map: Mutex::default(),
            record: Some(state_dir.to_path_buf()),
        })
    }

    pub fn create(&self, owner: &str, kind: &str) -> Arc<Job> {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let (tick, _) = watch::channel(0);
        let job = Arc::new(Job {
            id,
            owner: owner.into(),
            kind: kind.into(),
            events: Mutex::new(Vec::new()),
            finished: Mutex::new(None),
            tick,
            record: self.record.clone(),
        });
        job.save();
        let mut m = self.map.lock().unwrap_or_else(|p| p.into_inner());
        while m.len() >= KEEP {
            let old = m
                .iter()
                .find(|(_, j)| j.is_finished())
                .map(|(k, _)| *k)
                .or_else(|| m.keys().next().copied());
            match old {
                Some(k) => m.remove(&k),
                None => break,
            };
        }
        m.insert(id, job.clone());
        job
    }

    /// The job `id` if `user` started it (from memory, else from its record).
    pub fn get(&self, id: u64, user: &str) -> Option<Arc<Job>> {
        let live = self
            .map
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&id)
            .cloned();
        let job = match live {
            Some(j) => j,
            None => {
                let dir = self.record.as_ref()?;
                let row = Store::open(dir).ok()?.job(i64::try_from(id).ok()?).ok()??;
                Arc::new(Job::from_row(row))
            }
        };
        (job.owner == user).then_some(job)
    }
}

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/jobs/{id}", get(job))
        .route("/api/v1/jobs/{id}/events", get(events))
}

fn owned(app: &App, caller: &Caller, id: &str) -> ApiResult<Arc<Job>> {
    let id: u64 = id.parse().map_err(|_| ApiError::NotFound)?;
    app.0.jobs.get(id, &caller.user).ok_or(ApiError::NotFound)
}

async fn job(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let j = owned(&app, &caller, &id)?;
    let (events, result) = j.since(0);
    Ok(Json(json!({
        "id": j.id, "kind": j.kind, "events": events,
        "finished": result.is_some(), "result": result,
    })))
}

/// Server-sent events: each stage as an event named after it with its JSON as data, then
/// one `end` event with the job's result.
async fn events(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>>> {
    let j = owned(&app, &caller, &id)?;
    let rx = j.tick.subscribe();
    let stream = futures_util::stream::unfold(
        (j, rx, 0usize, Vec::<Value>::new(), false),
        |(j, mut rx, mut seen, mut queue, ended)| async move {
            loop {
                if let Some(ev) = (!queue.is_empty()).then(|| queue.remove(0)) {
                    let name = ev["stage"].as_str().unwrap_or("stage").to_string();
                    let e = Event::default().event(name).data(ev.to_string());
                    return Some((Ok(e), (j, rx, seen, queue, ended)));
                }
                if ended {
                    return None;
                }
                let (new, fin) = j.since(seen);
                seen += new.len();
                queue.extend(new);
                if let Some(result) = fin {
                    if queue.is_empty() {
                        let e = Event::default().event("end").data(result.to_string());
                        return Some((Ok(e), (j, rx, seen, queue, true)));
                    }
                    continue;
                }
                if queue.is_empty() && rx.changed().await.is_err() {
                    return None;
                }
            }
        },
    );
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
