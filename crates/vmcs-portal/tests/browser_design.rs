//! Browser tests with a real headless Chromium driven over WebDriver (Debian's `chromium`
//! and `chromium-driver`; `cargo test -p vmcs-portal --features browser --test browser`).
//! With the feature on and no Chromium, the test fails: it never skips. Screenshots go to
//! `VMCS_SCREENSHOT_DIR` when it is set (the book's are made with `book/src/portal`).
//!
//! The flow: log in; configure a VM from the generated form; break a rule and see the
//! conflict with its suggestion next to the field; apply the fix; save; draw a two-VM
//! network in the designer; save it; reopen it and see the same drawing; ask for its
//! deployment plan.

#![cfg(feature = "browser")]

mod support;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

struct Wd {
    base: String,
    sid: String,
    http: reqwest::blocking::Client,
    pid: u32,
    runner: vmcs_image::runner::Runner,
}

impl Wd {
    fn start(dir: &std::path::Path) -> Wd {
        for p in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            assert!(
                std::path::Path::new(p).exists(),
                "{p} is missing: install chromium and chromium-driver (scripts/install-deps.sh)"
            );
        }
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let runner = vmcs_image::runner::Runner::new(&dir.join("commands.log"), false);
        let pid = runner
            .detach(
                &[
                    "/usr/bin/chromedriver".to_string(),
                    format!("--port={port}"),
                ],
                &dir.join("chromedriver.log"),
            )
            .expect("chromedriver starts");
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let t = Instant::now();
        while http.get(format!("{base}/status")).send().is_err() {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "chromedriver never answered"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut wd = Wd {
            base,
            sid: String::new(),
            http,
            pid,
            runner,
        };
        let v = wd.call(
            "POST",
            "/session",
            json!({ "capabilities": { "alwaysMatch": {
            "goog:chromeOptions": { "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--window-size=1200,1100"] } } } }),
        );
        wd.sid = v["sessionId"].as_str().expect("a session").to_string();
        wd
    }

    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let url = if path.starts_with("/session/") || path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.sid)
        };
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self.http.request(m, url);
        if method != "GET" && method != "DELETE" {
            req = req.json(&body);
        }
        let v: Value = req.send().unwrap().json().unwrap();
        v["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", json!({ "url": url }));
    }

    fn find(&self, css: &str) -> Option<String> {
        let v = self.call(
            "POST",
            "/element",
            json!({ "using": "css selector", "value": css }),
        );
        v.as_object()?.values().next()?.as_str().map(str::to_string)
    }

    fn wait_el(&self, css: &str) -> String {
        let t = Instant::now();
        loop {
            if let Some(e) = self.find(css) {
                return e;
            }
            assert!(
                t.elapsed() < Duration::from_secs(30),
                "{css} never appeared"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&self, css: &str) {
        let e = self.wait_el(css);
        self.call("POST", &format!("/element/{e}/click"), json!({}));
    }

    fn type_in(&self, css: &str, text: &str) {
        let e = self.wait_el(css);
        self.call("POST", &format!("/element/{e}/clear"), json!({}));
        self.call(
            "POST",
            &format!("/element/{e}/value"),
            json!({ "text": text }),
        );
    }

    fn script(&self, js: &str) -> Value {
        self.call("POST", "/execute/sync", json!({ "script": js, "args": [] }))
    }

    /// Wait until the text (or, for form controls, the value) of `css` contains `want`.
    fn wait_text(&self, css: &str, want: &str) -> String {
        let t = Instant::now();
        let js = format!(
            "const e = document.querySelector({}); return e ? (e.value !== undefined && e.tagName !== 'BUTTON' ? e.value : e.textContent) : null;",
            serde_json::to_string(css).unwrap()
        );
        loop {
            let got = self.script(&js).as_str().unwrap_or("").to_string();
            if got.contains(want) {
                return got;
            }
            if t.elapsed() > Duration::from_secs(30) {
                self.shot("failed");
                panic!("`{want}` never appeared in {css}; it shows: {got}");
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    fn shot(&self, name: &str) {
        let Some(dir) = std::env::var_os("VMCS_SCREENSHOT_DIR") else {
            return;
        };
        let v = self.call("GET", "/screenshot", Value::Null);
        let png = base64_decode(v.as_str().unwrap_or(""));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

impl Drop for Wd {
    fn drop(&mut self) {
        let _ = self
            .http
            .delete(format!("{}/session/{}", self.base, self.sid))
            .send();
        let _ = self.runner.run(
            "stop chromedriver",
            &["kill".to_string(), self.pid.to_string()],
        );
    }
}

/// Standard base64 (the screenshots), without a dependency for it.
fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter_map(val) {
        acc = (acc << 6) | u32::from(c);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn drawing(wd: &Wd) -> Value {
    wd.script("return [...document.querySelectorAll('#net-svg g')].map(g => (g.dataset.vm || g.dataset.switch) + '@' + g.getAttribute('transform')).concat([...document.querySelectorAll('#net-svg text[data-address]')].map(t => t.dataset.address + '=' + t.textContent)).sort();")
}

#[test]
fn configure_and_design_in_the_browser() {
    let srv = support::server();
    srv.add_user("alice", "password-a", false);
    let wd = Wd::start(srv.dir.path());
    let base = srv.base.clone();

    wd.go(&format!("{base}/login"));
    wd.type_in("input[name=user]", "alice");
    wd.type_in("input[name=password]", "password-a");
    wd.click("#login button");
    wd.wait_text("main", "New profile");

    // configure: the form comes from the schema; the web preset compiles clean
    wd.go(&format!("{base}/configure"));
    wd.wait_el(".field[data-path='/hardware/vcpus'] input");
    wd.wait_text("#cfg-status", "compiled clean");
    wd.type_in("#cfg-name", "webvm");
    wd.type_in("input[data-path='/hardware/memory']", "2048");
    wd.type_in("input[data-path='/hardware/maxmem']", "1024");
    let slot = ".field[data-path='/hardware/maxmem'] .conflict-slot";
    wd.wait_text(slot, "suggestion");
    wd.wait_text("#cfg-pan", "\"/hardware/maxmem\" = 1024;");
    wd.shot("configure");
    wd.click(&format!("{slot} [data-apply-fix]"));
    wd.wait_text("#cfg-status", "compiled clean");
    wd.wait_text("input[data-path='/hardware/maxmem']", "2048");
    wd.wait_text("#cfg-xml", "<long name=\"maxmem\">2048</long>");
    wd.click("#cfg-save");
    wd.wait_text("#cfg-saved", "saved as profile");
    let profiles = srv.app.db_blocking(|s| s.profiles(Some("alice"))).unwrap();
    assert_eq!(profiles.len(), 1);
    assert_eq!(profiles[0].name, "webvm");

    // designer: two VMs on one switch
    wd.go(&format!("{base}/designer"));
    wd.wait_el("#vm-source option");
    wd.type_in("#net-name", "lab2");
    wd.click("#add-switch");
    wd.type_in("#vm-name", "web1");
    wd.click("#add-vm");
    wd.type_in("#vm-name", "web2");
    wd.click("#add-vm");
    for vm in ["web1", "web2"] {
        wd.click("#connect");
        wd.click(&format!("#net-svg g[data-vm='{vm}']"));
        wd.click("#net-svg g[data-switch='lan']");
    }
    wd.wait_text("#net-pan", "'address', \"10.20.0.3\"");
    wd.wait_text("#net-status", "compiles");
    let before = drawing(&wd);
    assert_eq!(before.as_array().unwrap().len(), 5, "{before}");
    wd.shot("designer");
    wd.click("#net-save");
    wd.wait_text("#net-status", "saved as design");
    let url = wd.call("GET", "/url", Value::Null);
    let url = url.as_str().unwrap().to_string();
    assert!(url.contains("/designer?id="), "{url}");

    // reopen: the same drawing
    wd.go(&format!("{base}/"));
    wd.wait_text("main", "New profile");
    wd.go(&url);
    wd.wait_text("#net-status", "opened lab2");
    assert_eq!(
        drawing(&wd),
        before,
        "the reopened drawing is the one saved"
    );
    wd.click("#net-plan");
    wd.wait_text("#net-plan-table", "10.20.0.2");
    wd.shot("designer-plan");
}
