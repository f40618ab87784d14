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
mod webdriver;

use serde_json::json;
use std::io::{Read, Write};
use support::*;
use webdriver::*;

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
