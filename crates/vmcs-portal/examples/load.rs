//! Load test: 50 concurrent users logged in to a portal on 127.0.0.1, each browsing pages
//! and polling the API and the monitor, for a bounded count of requests and time. Prints
//! requests per second and p50/p95/p99 latencies for pages and API reads.
//!
//! `cargo run --release -p vmcs-portal --example load [USERS] [REQUESTS_PER_USER]`

use std::time::{Duration, Instant};

fn pct(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let users: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(50);
    let per_user: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let deadline = Duration::from_secs(120);
    let dir = tempfile::tempdir().expect("temp dir");
    let app = vmcs_portal::state::App::open(dir.path(), false).expect("store");
    let hash = vmcs_portal::auth::hash_password("password-x").expect("hash");
    app.db_blocking(|s| {
        for u in 0..users {
            let name = format!("user{u}");
            s.add_user(&name, &hash, false)?;
            s.save_profile(&name, "web", Some("object template web;"), "<x/>", None)?;
            s.reserve_instance(&vmcs_store::NewInstance {
                name: format!("vm{u}"),
                owner: name.clone(),
                host: "local".into(),
                uuid: format!("00000000-0000-0000-0000-{u:012}"),
                profile_id: None,
                profile_version: None,
                network: None,
                backend: "qemu".into(),
                machine: "{}".into(),
            })?;
            let now = vmcs_store::now();
            let rows: Vec<vmcs_store::MetricRow> = (0..360)
                .map(|i| vmcs_store::MetricRow {
                    instance: format!("vm{u}"),
                    ts: now - 3600 + i * 10,
                    cpu_pct: (i % 100) as f64,
                    mem_kib: 512 * 1024,
                    disk_rd_bps: 0.0,
                    disk_wr_bps: 1000.0,
                    net_rx_bps: 10.0,
                    net_tx_bps: 20.0,
                })
                .collect();
            s.add_metrics(&rows, 7200)?;
        }
        Ok(())
    })
    .expect("users");
    let (tx, rx) = std::sync::mpsc::channel();
    let a = app.clone();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(l.local_addr().expect("addr")).expect("send");
            let _ = vmcs_portal::serve_on(l, a).await;
        });
    });
    let addr = rx.recv().expect("address");
    let base = format!("http://{addr}");
    let start = Instant::now();
    let mut handles = Vec::new();
    for u in 0..users {
        let base = base.clone();
        handles.push(std::thread::spawn(move || {
            let http = reqwest::blocking::Client::new();
            let r = http
                .post(format!("{base}/api/v1/login"))
                .json(&serde_json::json!({"user": format!("user{u}"), "password": "password-x"}))
                .send()
                .expect("login");
            let cookie = r
                .headers()
                .get("set-cookie")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(';').next())
                .unwrap_or("")
                .to_string();
            let paths = [
                ("page", "/".to_string()),
                ("api", "/api/v1/vms".to_string()),
                ("api", "/api/v1/profiles".to_string()),
                ("page", "/profiles/".to_string() + &(u + 1).to_string()),
                ("api", "/api/v1/me".to_string()),
                ("api", format!("/api/v1/vms/vm{u}/metrics")),
            ];
            let mut pages = Vec::new();
            let mut apis = Vec::new();
            for i in 0..per_user {
                if start.elapsed() > deadline {
                    break;
                }
                let (kind, path) = &paths[i % paths.len()];
                let t = Instant::now();
                let ok = http
                    .get(format!("{base}{path}"))
                    .header("cookie", &cookie)
                    .send()
                    .map(|r| r.status().is_success())
                    .unwrap_or(false);
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                if ok {
                    if *kind == "page" {
                        pages.push(ms)
                    } else {
                        apis.push(ms)
                    }
                }
            }
            (pages, apis)
        }));
    }
    let (mut pages, mut apis) = (Vec::new(), Vec::new());
    for h in handles {
        let (p, a) = h.join().expect("user thread");
        pages.extend(p);
        apis.extend(a);
    }
    let secs = start.elapsed().as_secs_f64();
    let total = pages.len() + apis.len();
    println!(
        "{users} users, {total} successful requests in {secs:.1} s: {:.0} req/s (logins included in the time)",
        total as f64 / secs
    );
    for (name, v) in [("pages", &mut pages), ("API reads", &mut apis)] {
        println!(
            "{name}: n={} p50={:.1} ms p95={:.1} ms p99={:.1} ms",
            v.len(),
            pct(v, 0.50),
            pct(v, 0.95),
            pct(v, 0.99)
        );
    }
}
