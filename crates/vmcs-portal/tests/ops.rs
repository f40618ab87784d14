//! Operating VMs through the portal: a spawn streams its stages (a dry run: a real one
//! builds a Debian guest from the network), the lifecycle verbs check who asks before they
//! reach the hypervisor, and the console websocket reaches the VM's serial console (here a
//! socket where the QEMU driver looks for it, answering like a guest).

mod support;

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use support::*;

/// A session that keeps its CSRF token.
fn logged(s: &Server, user: &str, password: &str) -> Session {
    let mut c = s.client();
    assert_eq!(c.login_json(user, password).0, 200);
    c
}

/// Save a profile as `user` and return its id.
fn saved(c: &Session, name: &str) -> i64 {
    let (st, v) = c.post(
        "/api/v1/profiles",
        json!({"name": name, "pan": vm_pan(name, name)}),
    );
    assert_eq!(st, 201, "{v}");
    v["id"].as_i64().unwrap()
}

/// The server-sent events of a job until it ends: (event name, data) pairs.
fn events(c: &Session, path: &str) -> Vec<(String, Value)> {
    let mut req = c.http.get(format!("{}{}", c.base, path));
    if let Some(k) = &c.cookie {
        req = req.header("cookie", k);
    }
    let r = req.send().unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let mut out = Vec::new();
    let mut name = String::new();
    for line in BufReader::new(r).lines() {
        let line = line.unwrap();
        if let Some(n) = line.strip_prefix("event: ") {
            name = n.to_string();
        } else if let Some(d) = line.strip_prefix("data: ") {
            out.push((name.clone(), serde_json::from_str(d).unwrap()));
            if name == "end" {
                break;
            }
        }
    }
    out
}

#[test]
fn spawn_streams_its_stages_to_the_owner_only() {
    let s = server();
    s.add_user("alice", "password-a", false);
    s.add_user("bob", "password-b", false);
    let a = logged(&s, "alice", "password-a");
    let b = logged(&s, "bob", "password-b");
    let id = saved(&a, "web1");
    // Without the CSRF token, as another user, with hostile input: refused.
    let (st, _) = a.call(
        "POST",
        &format!("/api/v1/profiles/{id}/spawn"),
        Some(json!({"dry_run": true})),
        false,
    );
    assert_eq!(st, 403);
    let (st, _) = b.post(
        &format!("/api/v1/profiles/{id}/spawn"),
        json!({"dry_run": true}),
    );
    assert_eq!(st, 404);
    let (st, _) = a.post(
        &format!("/api/v1/profiles/{id}/spawn"),
        json!({"host": "../etc", "dry_run": true}),
    );
    assert_eq!(st, 400);
    let (st, _) = a.post(
        &format!("/api/v1/profiles/{id}/spawn"),
        json!({"host": "nosuchhost"}),
    );
    assert_eq!(st, 400);
    let (st, _) = a.post(
        &format!("/api/v1/profiles/{id}/spawn"),
        json!({"dry_run": "yes"}),
    );
    assert_eq!(st, 422);
    // The dry run: queued, the plan, each step, done, then the end with the result.
    let (st, v) = a.post(
        &format!("/api/v1/profiles/{id}/spawn"),
        json!({"dry_run": true}),
    );
    assert_eq!(st, 202, "{v}");
    let job = v["job"].as_u64().unwrap();
    assert_eq!(v["events"], format!("/api/v1/jobs/{job}/events"));
    let ev = events(&a, &format!("/api/v1/jobs/{job}/events"));
    let names: Vec<&str> = ev.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.first(), Some(&"queued"));
    assert!(names.contains(&"plan"), "{names:?}");
    assert!(
        names.iter().filter(|n| **n == "step").count() > 5,
        "{names:?}"
    );
    assert_eq!(&names[names.len() - 2..], ["done", "end"]);
    let (_, end) = ev.last().unwrap();
    assert_eq!(end["ok"], true);
    assert_eq!(end["dry_run"], true);
    assert!(ev
        .iter()
        .any(|(n, d)| n == "plan" && d["detail"].as_str().unwrap_or("").contains("web1")));
    assert!(ev
        .iter()
        .all(|(n, d)| n == "end" || d["detail"].as_str().is_some_and(|t| !t.is_empty())));
    // The same events once more as JSON, and nothing for bob.
    let (st, v) = a.get(&format!("/api/v1/jobs/{job}"));
    assert_eq!(st, 200);
    assert_eq!(v["finished"], true);
    assert_eq!(v["events"].as_array().unwrap().len(), ev.len() - 1);
    for p in [
        format!("/api/v1/jobs/{job}"),
        format!("/api/v1/jobs/{job}/events"),
        "/api/v1/jobs/not-a-number".to_string(),
    ] {
        assert_eq!(b.get(&p).0, 404, "{p}");
    }
    // A dry run records nothing.
    let (_, v) = a.get("/api/v1/vms");
    assert_eq!(v["vms"], json!([]));
}

/// Record VM `name` for `owner` as the QEMU driver would run it, with its real machine
/// (planned from the saved profile); returns the machine.
fn recorded_vm(s: &Server, c: &Session, id: i64, name: &str, owner: &str) -> vmcs_image::Machine {
    let (_, v) = c.get(&format!("/api/v1/profiles/{id}"));
    let xml = v["latest"]["xml"].as_str().unwrap().to_string();
    let p = vmcs_model::VmProfile::from_text(&xml, Some("xml")).unwrap();
    let mut o = vmcs_image::SpawnOptions::new(s.dir.path());
    o.dry_run = true;
    o.progress = false;
    o.trusted = false;
    let (_, report) = vmcs_image::build(&p, &o).unwrap();
    let m = report.machines[0].clone();
    assert_eq!(m.name, name);
    let json = m.to_json();
    let owner = owner.to_string();
    let n = name.to_string();
    s.app
        .db_blocking(move |st| {
            st.reserve_instance(&vmcs_store::NewInstance {
                name: n.clone(),
                owner,
                host: "local".into(),
                uuid: "00000000-0000-0000-0000-000000000009".into(),
                profile_id: Some(id),
                profile_version: Some(1),
                network: None,
                backend: "qemu".into(),
                machine: json,
            })?;
            st.set_instance_state(&n, "running")
        })
        .unwrap();
    m
}

#[test]
fn lifecycle_verbs_are_for_the_owner_and_admins() {
    let s = server();
    s.add_user("alice", "password-a", false);
    s.add_user("bob", "password-b", false);
    s.add_user("root", "password-r", true);
    let a = logged(&s, "alice", "password-a");
    let b = logged(&s, "bob", "password-b");
    let r = logged(&s, "root", "password-r");
    let id = saved(&a, "life1");
    recorded_vm(&s, &a, id, "life1", "alice");
    for verb in [
        "start", "stop", "reboot", "suspend", "resume", "save", "restore", "destroy", "keep",
    ] {
        let p = format!("/api/v1/vms/life1/{verb}");
        assert_eq!(b.post(&p, json!({})).0, 404, "bob {verb}");
        assert_eq!(a.call("POST", &p, None, false).0, 403, "no csrf {verb}");
    }
    assert_eq!(a.post("/api/v1/vms/life1/explode", json!({})).0, 404);
    assert_eq!(a.post("/api/v1/vms/..%2Fx/start", json!({})).0, 404);
    let (st, v) = a.post("/api/v1/vms/life1/keep", json!({}));
    assert_eq!((st, &v["state"]), (200, &json!("running")), "{v}");
    let (_, v) = a.get("/api/v1/vms/life1");
    assert_eq!(v["vm"]["keep"], true);
    // The QEMU process is not there: the verbs reach the driver and report its answer.
    let (st, v) = a.post("/api/v1/vms/life1/suspend", json!({}));
    assert_eq!(st, 409, "{v}");
    // An administrator acts on anyone's VM.
    let (st, v) = r.post("/api/v1/vms/life1/unkeep", json!({}));
    assert_eq!(st, 200, "{v}");
    let (_, v) = a.get("/api/v1/vms/life1");
    assert_eq!(v["vm"]["keep"], false);
}

/// A stand-in guest on the console socket: answers each line with `echo: LINE`.
fn fake_guest(m: &vmcs_image::Machine) {
    std::fs::create_dir_all(&m.dir).unwrap();
    let l = std::os::unix::net::UnixListener::bind(m.dir.join("console.sock")).unwrap();
    std::thread::spawn(move || {
        for conn in l.incoming() {
            let Ok(mut conn) = conn else { return };
            std::thread::spawn(move || {
                let _ = conn.write_all(b"login: ");
                let mut line = Vec::new();
                let mut b = [0u8; 1];
                while let Ok(1) = conn.read(&mut b) {
                    if b[0] == b'\r' || b[0] == b'\n' {
                        let mut out = b"\r\necho: ".to_vec();
                        out.extend_from_slice(&line);
                        out.extend_from_slice(b"\r\n");
                        let _ = conn.write_all(&out);
                        line.clear();
                    } else {
                        line.push(b[0]);
                    }
                }
            });
        }
    });
}

fn ws(
    c: &Session,
    path: &str,
    origin: Option<&str>,
) -> Result<tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<std::net::TcpStream>>, u16> {
    use tungstenite::client::IntoClientRequest;
    let url = format!("{}{}", c.base.replacen("http://", "ws://", 1), path);
    let mut req = url.into_client_request().unwrap();
    if let Some(k) = &c.cookie {
        req.headers_mut().insert("cookie", k.parse().unwrap());
    }
    if let Some(o) = origin {
        req.headers_mut().insert("origin", o.parse().unwrap());
    }
    match tungstenite::connect(req) {
        Ok((sock, _)) => Ok(sock),
        Err(tungstenite::Error::Http(r)) => Err(r.status().as_u16()),
        Err(e) => panic!("websocket: {e}"),
    }
}

#[test]
fn console_websocket_reaches_the_serial_console_of_the_owner_only() {
    let s = server();
    s.add_user("alice", "password-a", false);
    s.add_user("bob", "password-b", false);
    s.add_user("root", "password-r", true);
    let a = logged(&s, "alice", "password-a");
    let b = logged(&s, "bob", "password-b");
    let r = logged(&s, "root", "password-r");
    let id = saved(&a, "con1");
    let m = recorded_vm(&s, &a, id, "con1", "alice");
    fake_guest(&m);
    let csrf = |c: &Session| c.csrf.clone().unwrap();
    let host = s.base.trim_start_matches("http://").to_string();
    // Without the token, from another site, as another user (admins too): refused.
    assert_eq!(ws(&a, "/api/v1/vms/con1/console", None).err(), Some(403));
    let p = format!("/api/v1/vms/con1/console?csrf={}", csrf(&a));
    assert_eq!(ws(&a, &p, Some("http://evil.example")).err(), Some(403));
    let pb = format!("/api/v1/vms/con1/console?csrf={}", csrf(&b));
    assert_eq!(ws(&b, &pb, None).err(), Some(404));
    let pr = format!("/api/v1/vms/con1/console?csrf={}", csrf(&r));
    assert_eq!(ws(&r, &pr, None).err(), Some(404));
    // The owner types a line and reads the guest's answer.
    let mut sock = ws(&a, &p, Some(&format!("http://{host}"))).unwrap();
    sock.send(tungstenite::Message::Text("hello portal\r".into()))
        .unwrap();
    let mut seen = Vec::new();
    let t = std::time::Instant::now();
    while !String::from_utf8_lossy(&seen).contains("echo: hello portal") {
        assert!(
            t.elapsed().as_secs() < 10,
            "{}",
            String::from_utf8_lossy(&seen)
        );
        match sock.read().unwrap() {
            tungstenite::Message::Binary(b) => seen.extend_from_slice(&b),
            tungstenite::Message::Text(t) => seen.extend_from_slice(t.as_bytes()),
            _ => {}
        }
    }
    assert!(String::from_utf8_lossy(&seen).starts_with("login: "));
    sock.close(None).unwrap();
}
