//! Chromium over WebDriver for the browser tests: `chromedriver` on loopback, started
//! through the project's command helper and stopped on drop, and one session per
//! [`Browser`] with the few commands the tests use (go, find, click, type, read, wait,
//! screenshot, log in). Shared by the portal's browser tests and the end-to-end test that
//! drives real VMs from the portal (`vmcs-cli/tests/e2e_portal.rs`).

#![allow(dead_code)]

use serde_json::{json, Value};
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// chromedriver, started through the project's command helper; stopped on drop.
pub struct Driver {
    pid: u32,
    url: String,
    http: reqwest::blocking::Client,
    _dir: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(self.pid as i32),
            nix::sys::signal::Signal::SIGTERM,
        );
    }
}

pub fn driver() -> Driver {
    for prog in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
        assert!(
            std::path::Path::new(prog).exists(),
            "{prog} is missing: install chromium and chromium-driver (scripts/install-deps.sh)"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let runner = vmcs_image::runner::Runner::new(&dir.path().join("commands.log"), false);
    let pid = runner
        .detach(
            &[
                "/usr/bin/chromedriver".to_string(),
                format!("--port={port}"),
                "--allowed-ips=127.0.0.1".to_string(),
            ],
            &dir.path().join("chromedriver.log"),
        )
        .unwrap();
    let d = Driver {
        pid,
        url: format!("http://127.0.0.1:{port}"),
        http: reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap(),
        _dir: dir,
    };
    let t = Instant::now();
    loop {
        let ready = d
            .http
            .get(format!("{}/status", d.url))
            .send()
            .ok()
            .and_then(|r| r.json::<Value>().ok())
            .is_some_and(|v| v["value"]["ready"] == true);
        if ready {
            return d;
        }
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// One browser session.
pub struct Browser<'a> {
    d: &'a Driver,
    id: String,
    pub base: String,
    _profile: tempfile::TempDir,
}

impl Drop for Browser<'_> {
    fn drop(&mut self) {
        let _ = self
            .d
            .http
            .delete(format!("{}/session/{}", self.d.url, self.id))
            .send();
    }
}

impl<'a> Browser<'a> {
    pub fn new(d: &'a Driver, base: &str) -> Browser<'a> {
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "unhandledPromptBehavior": "accept",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--no-first-run", "--window-size=1280,1000",
                         format!("--user-data-dir={}", profile.path().display())]
            }
        }}});
        let v: Value = d
            .http
            .post(format!("{}/session", d.url))
            .json(&caps)
            .send()
            .unwrap()
            .json()
            .unwrap();
        let id = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session: {v}"))
            .to_string();
        Browser {
            d,
            id,
            base: base.to_string(),
            _profile: profile,
        }
    }

    pub fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{}", self.d.url, self.id, path);
        let req = match method {
            "GET" => self.d.http.get(url),
            "DELETE" => self.d.http.delete(url),
            _ => self.d.http.post(url).json(&body.unwrap_or(json!({}))),
        };
        let v: Value = req.send().unwrap().json().unwrap();
        v["value"].clone()
    }

    pub fn go(&self, path: &str) {
        self.cmd(
            "POST",
            "/url",
            Some(json!({"url": format!("{}{path}", self.base)})),
        );
    }

    pub fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// The element matching `css` (waits up to 15 s for it).
    pub fn find(&self, css: &str) -> String {
        let t = Instant::now();
        loop {
            let v = self.cmd(
                "POST",
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            );
            if let Some(e) = v[ELEMENT].as_str() {
                return e.to_string();
            }
            assert!(
                t.elapsed() < Duration::from_secs(15),
                "no `{css}` on {}",
                self.text("body")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn click(&self, css: &str) {
        let e = self.find(css);
        self.cmd("POST", &format!("/element/{e}/click"), None);
    }

    /// Clear the form control `css`, then type `text` into it.
    pub fn fill(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.cmd("POST", &format!("/element/{e}/clear"), None);
        self.cmd(
            "POST",
            &format!("/element/{e}/value"),
            Some(json!({"text": text})),
        );
    }

    /// Wait until the text (for form controls, the value) of `css` contains `want`; returns it.
    pub fn wait_text(&self, css: &str, want: &str) -> String {
        let t = Instant::now();
        let js = format!(
            "const e = document.querySelector({}); return e ? (e.value !== undefined && e.tagName !== 'BUTTON' ? e.value : e.textContent) : null;",
            serde_json::to_string(css).unwrap()
        );
        loop {
            let got = self.js(&js).as_str().unwrap_or("").to_string();
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

    pub fn type_in(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.cmd(
            "POST",
            &format!("/element/{e}/value"),
            Some(json!({"text": text})),
        );
    }

    pub fn text(&self, css: &str) -> String {
        let s = format!(
            "const e = document.querySelector({}); return e ? e.textContent : '';",
            serde_json::to_string(css).unwrap()
        );
        self.js(&s).as_str().unwrap_or("").to_string()
    }

    /// Wait until `script` (a JS expression) is true (up to 30 s).
    pub fn wait(&self, what: &str, script: &str) {
        self.wait_for(what, script, Duration::from_secs(30))
    }

    /// Wait until `script` (a JS expression) is true, up to `limit`.
    pub fn wait_for(&self, what: &str, script: &str, limit: Duration) {
        let t = Instant::now();
        while self.js(&format!("return !!({script});")) != json!(true) {
            assert!(
                t.elapsed() < limit,
                "timed out waiting for {what}: {}",
                self.js("const m = document.querySelector('main'); return m ? m.innerText : '';")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// With `VMCS_SCREENSHOTS=DIR`, save the page as `DIR/NAME.png` (the book's pictures).
    pub fn shot(&self, name: &str) {
        use base64::Engine;
        let Some(dir) = std::env::var_os("VMCS_SCREENSHOTS") else {
            return;
        };
        let v = self.cmd("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or(""))
            .unwrap();
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }

    pub fn login(&self, user: &str, password: &str) {
        self.go("/login");
        self.type_in("#login input[name=user]", user);
        self.type_in("#login input[name=password]", password);
        self.click("#login button, #login input[type=submit]");
        self.wait(
            "the home page",
            "location.pathname === '/' && document.querySelector('#logout')",
        );
    }
}
