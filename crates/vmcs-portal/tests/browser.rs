//! The portal in a real headless Chromium, driven over WebDriver (`chromedriver` on
//! loopback, the portal on loopback in this process): log in, spawn a profile and watch its
//! stages arrive (a dry run: a real spawn builds a Debian guest from the network, which
//! these tests may not reach), the VM page's lifecycle buttons, typing into the console and
//! reading the answer (from a stand-in guest on the serial socket the QEMU driver uses),
//! the administrator's hosts, rules and users pages, and a second user who sees none of it.
//!
//! Behind the `browser` feature: `cargo test --release -p vmcs-portal --features browser
//! --test browser`. With the feature on, a missing chromium or chromedriver fails the test.

mod support;

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::time::{Duration, Instant};
use support::*;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// chromedriver, started through the project's command helper; stopped on drop.
struct Driver {
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

fn driver() -> Driver {
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
struct Browser<'a> {
    d: &'a Driver,
    id: String,
    base: String,
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
    fn new(d: &'a Driver, base: &str) -> Browser<'a> {
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

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{}", self.d.url, self.id, path);
        let req = match method {
            "GET" => self.d.http.get(url),
            _ => self.d.http.post(url).json(&body.unwrap_or(json!({}))),
        };
        let v: Value = req.send().unwrap().json().unwrap();
        v["value"].clone()
    }

    fn go(&self, path: &str) {
        self.cmd(
            "POST",
            "/url",
            Some(json!({"url": format!("{}{path}", self.base)})),
        );
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// The element matching `css` (waits up to 15 s for it).
    fn find(&self, css: &str) -> String {
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

    fn click(&self, css: &str) {
        let e = self.find(css);
        self.cmd("POST", &format!("/element/{e}/click"), None);
    }

    fn type_in(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.cmd(
            "POST",
            &format!("/element/{e}/value"),
            Some(json!({"text": text})),
        );
    }

    fn text(&self, css: &str) -> String {
        let s = format!(
            "const e = document.querySelector({}); return e ? e.textContent : '';",
            serde_json::to_string(css).unwrap()
        );
        self.js(&s).as_str().unwrap_or("").to_string()
    }

    /// Wait until `script` (a JS expression) is true.
    fn wait(&self, what: &str, script: &str) {
        let t = Instant::now();
        while self.js(&format!("return !!({script});")) != json!(true) {
            assert!(
                t.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}: {}",
                self.text("main")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// With `VMCS_SCREENSHOTS=DIR`, save the page as `DIR/NAME.png` (the book's pictures).
    fn shot(&self, name: &str) {
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

    fn login(&self, user: &str, password: &str) {
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

/// A stand-in guest on the VM's console socket: a prompt, then `echo: LINE` per line.
fn fake_guest(m: &vmcs_image::Machine) {
    std::fs::create_dir_all(&m.dir).unwrap();
    let l = std::os::unix::net::UnixListener::bind(m.dir.join("console.sock")).unwrap();
    std::thread::spawn(move || {
        for conn in l.incoming() {
            let Ok(mut conn) = conn else { return };
            std::thread::spawn(move || {
                let _ = conn.write_all(b"guest login: ");
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

/// Record VM `name` (from the saved profile `id`) as the QEMU driver would run it.
fn recorded_vm(s: &Server, id: i64, name: &str, owner: &str) -> vmcs_image::Machine {
    let xml = s
        .app
        .db_blocking(move |st| st.profile_version(id, None))
        .unwrap()
        .xml;
    let p = vmcs_model::VmProfile::from_text(&xml, Some("xml")).unwrap();
    let mut o = vmcs_image::SpawnOptions::new(s.dir.path());
    o.dry_run = true;
    o.progress = false;
    let (_, report) = vmcs_image::build(&p, &o).unwrap();
    let m = report.machines[0].clone();
    let (json, n, owner) = (m.to_json(), name.to_string(), owner.to_string());
    s.app
        .db_blocking(move |st| {
            st.reserve_instance(&vmcs_store::NewInstance {
                name: n.clone(),
                owner,
                host: "local".into(),
                uuid: "00000000-0000-0000-0000-000000000042".into(),
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
fn the_portal_in_chromium() {
    let s = server();
    s.add_user("alice", "password-a", false);
    s.add_user("bob", "password-b", false);
    s.add_user("root", "password-r", true);
    let mut api = s.client();
    api.login_json("alice", "password-a");
    let (st, v) = api.post(
        "/api/v1/profiles",
        json!({"name": "web", "pan": vm_pan("brw1", "brw1")}),
    );
    assert_eq!(st, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    let d = driver();

    // Alice: log in, spawn (dry run) and watch the stages arrive.
    let a = Browser::new(&d, &s.base);
    a.login("alice", "password-a");
    a.go(&format!("/profiles/{id}"));
    a.click("#spawn-link");
    a.wait("the spawn page", "document.querySelector('#spawn')");
    a.click("#spawn input[name=dry_run]");
    a.click("#spawn button[type=submit]");
    a.wait(
        "the end of the spawn",
        "document.querySelector('#spawn-status').dataset.result",
    );
    assert_eq!(
        a.js("return document.querySelector('#spawn-status').dataset.result;"),
        "ok"
    );
    let stages = a
        .js("return [...document.querySelectorAll('#spawn-events li')].map(l => l.dataset.stage);");
    let stages: Vec<&str> = stages
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(stages.first(), Some(&"queued"), "{stages:?}");
    assert!(stages.contains(&"plan") && stages.iter().filter(|s| **s == "step").count() > 5);
    assert_eq!(stages.last(), Some(&"done"));
    a.shot("spawn");

    // The VM page (a VM recorded as the QEMU driver runs it): lifecycle buttons.
    let m = recorded_vm(&s, id, "brw1", "alice");
    fake_guest(&m);
    let (st, html) = api.page("/vms/brw1");
    assert_eq!(st, 200, "{html}");
    a.go("/vms/brw1");
    assert!(
        a.text("main").to_lowercase().contains("keep false"),
        "{}",
        a.text("body")
    );
    for verb in [
        "start", "stop", "reboot", "suspend", "resume", "save", "restore", "destroy",
    ] {
        a.find(&format!("button[data-action={verb}]"));
    }
    a.click("button[data-action=keep]");
    a.wait(
        "the page after keep",
        "document.querySelector('main').textContent.toLowerCase().includes('keep true')",
    );
    // suspend reaches the driver, which has no QEMU process to pause: an alert (accepted).
    a.click("button[data-action=suspend]");
    a.wait(
        "the button back",
        "!document.querySelector('button[data-action=suspend]').disabled",
    );

    // The console: connect, type a line, read the guest's answer in the terminal.
    a.click("#console-connect");
    a.wait(
        "the console",
        "document.querySelector('#console-status').dataset.state === 'open'",
    );
    a.wait("the prompt", "document.querySelector('.xterm-rows') && document.querySelector('.xterm-rows').textContent.includes('guest login:')");
    a.type_in(".xterm-helper-textarea", "hello from chromium\u{E007}");
    a.wait(
        "the answer",
        "document.querySelector('.xterm-rows').textContent.includes('echo: hello from chromium')",
    );
    a.shot("vm-console");

    // Bob sees none of Alice's things.
    let b = Browser::new(&d, &s.base);
    b.login("bob", "password-b");
    assert!(!b.text("main").contains("brw1"));
    for p in [
        "/vms/brw1".to_string(),
        format!("/profiles/{id}"),
        format!("/profiles/{id}/spawn"),
    ] {
        b.go(&p);
        assert!(
            b.text("body").contains("not found"),
            "{p}: {}",
            b.text("body")
        );
    }
    b.go("/");
    let r = b.js("return (async () => (await fetch('/api/v1/vms/brw1/keep', {method: 'POST', headers: {'X-CSRF-Token': document.querySelector('meta[name=csrf]').content}})).status)();");
    assert_eq!(r, json!(404));
    let r = b.js("return (async () => (await fetch('/api/v1/jobs/1')).status)();");
    assert_eq!(r, json!(404));
    b.go("/hosts");
    assert!(b.text("body").contains("administrators only"));

    // Root: hosts overview and manager, rule editor, users.
    let r = Browser::new(&d, &s.base);
    r.login("root", "password-r");
    r.go("/hosts");
    r.wait(
        "the hosts table",
        "document.querySelector('tr[data-host=local]')",
    );
    r.type_in("#add-host input[name=name]", "h2");
    r.type_in("#add-host input[name=uri]", "qemu+tcp://127.0.0.1:1/system");
    r.click("#add-host button");
    r.wait("the new host", "document.querySelector('tr[data-host=h2]')");
    assert!(
        r.text("tr[data-host=h2]").contains("no:"),
        "unreachable shown"
    );
    r.shot("hosts");
    r.click("tr[data-host=h2] button[data-host-verb=remove]");
    r.wait("the host gone", "!document.querySelector('tr[data-host=h2]') && document.querySelector('#hosts-message').textContent.includes('remove h2')");
    r.go("/admin/rules");
    r.click("a[data-rule='vmcs/knowledge/rules/hardware']");
    r.wait("the rule text", "document.querySelector('#rule-text').value.includes('template vmcs/knowledge/rules/hardware')");
    r.click("#rule-check");
    r.wait(
        "the check",
        "document.querySelector('#rule-result').dataset.ok",
    );
    assert_eq!(
        r.js("return document.querySelector('#rule-result').dataset.ok;"),
        "true",
        "{}",
        r.text("#rule-result")
    );
    r.shot("rules");
    r.go("/admin");
    assert!(r.text("main").contains("brw1"), "all VMs listed");
    r.type_in(
        "tr[data-user=alice] input[data-new-password]",
        "new-password-a",
    );
    r.click("tr[data-user=alice] button[data-reset-password]");
    r.wait(
        "the reset",
        "document.querySelector('#admin-message').textContent.includes('reset')",
    );
    // The reset ended Alice's session; she logs in with the new password, then out.
    a.go("/");
    a.wait("the login page", "location.pathname === '/login'");
    a.login("alice", "new-password-a");
    a.click("#logout");
    a.wait("the login page", "location.pathname === '/login'");
    a.login("alice", "new-password-a");
    assert!(a.text("main").contains("brw1"));
}
