//! Jobs outlive a restart of the portal: a finished job is still shown with its events and
//! result, one the previous run left running ends as interrupted, new ids do not reuse old
//! ones, and another user still gets 404.

mod support;

use serde_json::json;

#[test]
fn jobs_outlive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let first = vmcs_portal::state::App::open(dir.path(), false).unwrap();
    for (u, p) in [("alice", "password-a"), ("bob", "password-b")] {
        let h = vmcs_portal::auth::hash_password(p).unwrap();
        first.db_blocking(|s| s.add_user(u, &h, false)).unwrap();
    }
    let done = first.0.jobs.create("alice", "spawn");
    done.push(json!({"stage": "plan", "detail": "3 steps"}));
    done.push(json!({"stage": "done", "detail": "running"}));
    done.finish(json!({"ok": true, "vm": "web"}));
    let running = first.0.jobs.create("alice", "deploy");
    running.push(json!({"stage": "build", "detail": "members"}));
    drop(first);

    let (base, app) = support::serve(dir.path());
    let later = app.0.jobs.create("alice", "down");
    assert!(later.id > running.id, "{} after {}", later.id, running.id);
    let srv = support::Server { base, dir, app };
    let a = srv.login("alice", "password-a");
    let (st, j) = a.get(&format!("/api/v1/jobs/{}", done.id));
    assert_eq!(st, 200, "{j}");
    assert_eq!(j["finished"], true);
    assert_eq!(j["kind"], "spawn");
    assert_eq!(j["result"], json!({"ok": true, "vm": "web"}));
    assert_eq!(j["events"][0]["detail"], "3 steps", "{j}");
    let (st, j) = a.get(&format!("/api/v1/jobs/{}", running.id));
    assert_eq!(st, 200, "{j}");
    assert_eq!(j["finished"], true);
    assert_eq!(j["result"]["ok"], false);
    assert!(
        j["result"]["error"]
            .as_str()
            .unwrap()
            .contains("interrupted"),
        "{j}"
    );
    let (st, text) = a.page(&format!("/api/v1/jobs/{}/events", done.id));
    assert_eq!(st, 200);
    assert!(
        text.contains("event: plan") && text.contains("event: end"),
        "{text}"
    );
    let b = srv.login("bob", "password-b");
    assert_eq!(b.get(&format!("/api/v1/jobs/{}", done.id)).0, 404);
    assert_eq!(b.get(&format!("/api/v1/jobs/{}/events", done.id)).0, 404);
    assert_eq!(a.get("/api/v1/jobs/999999").0, 404);
}
