//! `vmcs serve` killed with SIGKILL while saving profile versions loses none that it
//! acknowledged, and the database stays sound (`PRAGMA integrity_check`).

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn serve(state: &std::path::Path, port: u16) -> std::process::Child {
    let child = Command::new(env!("CARGO_BIN_EXE_vmcs"))
        .args(["serve", "--no-monitor", "--listen"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--state-dir")
        .arg(state)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(t.elapsed() < Duration::from_secs(20), "serve did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

/// A minimal HTTP/1.1 POST over a fresh connection; (status, body).
fn post(port: u16, path: &str, headers: &[(&str, &str)], body: &str) -> Option<(u16, String)> {
    use std::io::Read;
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let mut req = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let status = out.get(9..12)?.parse().ok()?;
    let body = out.split("\r\n\r\n").nth(1).unwrap_or("").to_string();
    Some((status, body))
}

#[test]
fn sigkill_during_saves_loses_no_acknowledged_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut add = Command::new(env!("CARGO_BIN_EXE_vmcs"))
        .args(["user", "add", "alice", "--password-stdin", "--state-dir"])
        .arg(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    add.stdin
        .take()
        .unwrap()
        .write_all(b"password-a\n")
        .unwrap();
    assert!(add.wait().unwrap().success());
    let port = free_port();
    let mut child = serve(dir.path(), port);
    let token = {
        let out = Command::new(env!("CARGO_BIN_EXE_vmcs"))
            .args(["token", "create", "--user", "alice", "load", "--state-dir"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let auth = format!("Bearer {token}");
    let pan = "object template web;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/web';\n";
    // Savers on four threads until the kill; every 201 is an acknowledged version.
    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<(i64, i64)>::new()));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut threads = Vec::new();
    for t in 0..4 {
        let (acked, stop, auth) = (acked.clone(), stop.clone(), auth.clone());
        threads.push(std::thread::spawn(move || {
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let body = serde_json::json!({
                    "name": format!("p{t}"),
                    "pan": format!("{pan}'/vm/description' = 'save {i}';\n"),
                })
                .to_string();
                if let Some((201, b)) =
                    post(port, "/api/v1/profiles", &[("Authorization", &auth)], &body)
                {
                    let v: serde_json::Value = serde_json::from_str(&b).unwrap();
                    acked
                        .lock()
                        .unwrap()
                        .push((v["id"].as_i64().unwrap(), v["version"].as_i64().unwrap()));
                }
                i += 1;
            }
        }));
    }
    let t = Instant::now();
    while acked.lock().unwrap().len() < 20 && t.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for t in threads {
        t.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() >= 20,
        "only {} saves before the kill",
        acked.len()
    );
    // Restart: the store opens, every acknowledged version is there, the db is sound.
    let mut again = serve(dir.path(), port);
    let store = vmcs_store::Store::open(dir.path()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    for (id, v) in &acked {
        let pv = store.profile_version(*id, Some(*v)).unwrap();
        assert!(pv.xml.contains("save "), "version {id}:{v}");
    }
    let (st, _) = post(
        port,
        "/api/v1/profiles",
        &[("Authorization", &auth)],
        &serde_json::json!({"name": "after", "pan": pan}).to_string(),
    )
    .unwrap();
    assert_eq!(st, 201);
    again.kill().unwrap();
    again.wait().unwrap();
}
