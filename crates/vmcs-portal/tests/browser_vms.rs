//! The portal driving real VMs, in a real headless Chromium: a user saves the web example
//! as a profile, spawns it on a testbed host from the spawn page and watches it run, logs in
//! on its serial console in the page (the guest's getty answers), marks it to keep, logs
//! out; the VM is destroyed behind the portal's back; at the next login it is brought back
//! and answers SSH again. Then the user draws a two-VM network in the designer, deploys it
//! in one click, and each member fetches the other's web page by name.
//!
//! Part of the slow end-to-end step (`scripts/e2e.sh`), after the CLI's end-to-end tests:
//! needs root, libvirt, `target/release/vmcs` (for `scripts/testbed.sh` and `vmcs ssh`), and
//! uses their state directory (`VMCS_E2E_STATE`, default `target/e2e-state`) so the images
//! come from the cache. Network rule: the guests live on bridges inside the testbed host's
//! namespace; every packet goes there or to loopback.
//!
//! `cargo test --release -p vmcs-portal --features browser --test browser_vms`

mod support;
mod webdriver;

use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use webdriver::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn state() -> PathBuf {
    let d = std::env::var_os("VMCS_E2E_STATE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/e2e-state"));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn vmcs_bin() -> PathBuf {
    let b = root().join("target/release/vmcs");
    assert!(b.exists(), "build the CLI first: cargo build --release");
    b
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `vmcs ARGS` over the shared state directory (in host `ns`'s namespace when given).
fn vmcs(ns: Option<&str>, args: &[&str]) -> Output {
    let mut c = match ns {
        Some(n) => {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", n]).arg(vmcs_bin());
            c
        }
        None => Command::new(vmcs_bin()),
    };
    c.args(args)
        .env("VMCS_STATE_DIR", state())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Run `cmd` in VM `vm` over SSH from testbed host `h`: (success, output).
fn ssh(h: &str, vm: &str, cmd: &str) -> (bool, String) {
    let o = vmcs(Some(h), &["ssh", vm, "--connect-timeout", "3", "--", cmd]);
    (o.status.success(), text(&o.stdout) + &text(&o.stderr))
}

fn wait_ssh(h: &str, vm: &str, limit: Duration) -> Duration {
    let t = Instant::now();
    loop {
        if ssh(h, vm, "true").0 {
            return t.elapsed();
        }
        assert!(t.elapsed() < limit, "{vm} does not answer SSH on {h}");
        std::thread::sleep(Duration::from_secs(1));
    }
}

fn figure(what: &str, d: Duration) {
    eprintln!("FIGURE {what}: {:.1} s", d.as_secs_f64());
}

/// One testbed host (`scripts/testbed.sh up 1`), removed on drop.
struct Testbed;

impl Testbed {
    fn up() -> Testbed {
        let o = Command::new(root().join("scripts/testbed.sh"))
            .args(["up", "1"])
            .env("VMCS_STATE_DIR", state())
            .env("VMCS", vmcs_bin())
            .output()
            .unwrap();
        assert!(o.status.success(), "testbed up: {}", text(&o.stderr));
        Testbed
    }
}

impl Drop for Testbed {
    fn drop(&mut self) {
        let _ = Command::new(root().join("scripts/testbed.sh"))
            .arg("down")
            .env("VMCS_STATE_DIR", state())
            .output();
    }
}

const VMS: [&str; 3] = ["pweb", "pnet1", "pnet2"];

fn forget_vms() {
    for vm in VMS {
        let _ = vmcs(None, &["rm", "--force", vm]);
    }
    let _ = vmcs(None, &["down", "pair", "--rm"]);
}

#[test]
fn real_vms_from_the_portal() {
    forget_vms();
    let _tb = Testbed::up();
    let (base, app) = support::serve(&state());
    // A user of this run (the state directory outlives runs).
    let user = format!("e2e{}", std::process::id());
    let hash = vmcs_portal::auth::hash_password("password-e").unwrap();
    let u = user.clone();
    app.db_blocking(move |s| s.add_user(&u, &hash, false))
        .unwrap();
    let web = std::fs::read_to_string(root().join("examples/web.pan"))
        .unwrap()
        .replace("object template web;", "object template pweb;")
        + "'/network/interfaces/0/create_bridge' = true;\n";
    let d = driver();
    let b = Browser::new(&d, &base);
    b.login(&user, "password-e");

    // Save the web example as a profile (the configure page's save is the same call).
    b.go("/");
    let r = b.js(&format!(
        "return (async () => {{ const r = await fetch('/api/v1/profiles', {{method: 'POST', \
         headers: {{'Content-Type': 'application/json', 'X-CSRF-Token': \
         document.querySelector('meta[name=csrf]').content}}, body: JSON.stringify({{name: \
         'pweb', pan: {}}})}}); return [r.status, await r.json()]; }})();",
        serde_json::to_string(&web).unwrap()
    ));
    assert_eq!(r[0], json!(201), "{r}");
    let id = r[1]["id"].as_i64().unwrap();

    // Spawn it on h1 from the spawn page and watch the stages to the end.
    b.go(&format!("/profiles/{id}/spawn"));
    b.wait(
        "the spawn page",
        "document.querySelector('#spawn select[name=host] option[value=h1]')",
    );
    b.js("document.querySelector('#spawn select[name=host]').value = 'h1'; return 0;");
    let t = Instant::now();
    b.click("#spawn button[type=submit]");
    b.wait_for(
        "the end of the spawn",
        "document.querySelector('#spawn-status').dataset.result",
        Duration::from_secs(1200),
    );
    assert_eq!(
        b.js("return document.querySelector('#spawn-status').dataset.result;"),
        "ok",
        "{}",
        b.text("main")
    );
    figure(
        "portal: spawn on h1 (from the cache unless cold)",
        t.elapsed(),
    );
    b.js("document.querySelector('#spawn-status').scrollIntoView(); return 0;");
    b.shot("spawn-real");
    let boot = wait_ssh("h1", "pweb", Duration::from_secs(300));
    figure("portal: spawned VM to SSH", boot);
    let (okay, page) = ssh("h1", "pweb", "systemctl is-active nginx && hostname");
    assert!(okay && page.contains("pweb"), "{page}");

    // The VM page: running on h1; the console in the page reaches the guest's getty.
    b.go("/vms/pweb");
    assert_eq!(b.text("#vm-state"), "running", "{}", b.text("#vm-state"));
    assert!(b.text("main").contains("host h1"), "not on h1");
    b.click("#console-connect");
    b.wait(
        "the console",
        "document.querySelector('#console-status').dataset.state === 'open'",
    );
    let rows = "(document.querySelector('.xterm-rows') ? document.querySelector('.xterm-rows').innerText : '')";
    let screen = || b.js(&format!("return {rows};"));
    let wait_screen = |what: &str, want: &str, secs: u64| {
        let t = Instant::now();
        while b.js(&format!(
            "return {rows}.includes({});",
            serde_json::to_string(want).unwrap()
        )) != json!(true)
        {
            assert!(
                t.elapsed() < Duration::from_secs(secs),
                "no {what} in the console; it shows:\n{}",
                screen()
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    };
    // getty prints its prompt again on an empty line
    let t = Instant::now();
    loop {
        b.type_in(".xterm-helper-textarea", "\u{E007}");
        std::thread::sleep(Duration::from_secs(1));
        if b.js(&format!("return {rows}.includes('pweb login:');")) == json!(true) {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "no login prompt in the console: {}",
            screen()
        );
    }
    // The guest echoes what is typed, and login asks for the password.
    b.type_in(".xterm-helper-textarea", "root");
    wait_screen("echo of the user name", "login: root", 30);
    b.type_in(".xterm-helper-textarea", "\u{E007}");
    wait_screen("password prompt", "Password:", 60);
    b.shot("vm-console-real");

    // Keep it, log out; it is destroyed behind the portal's back; the next login brings it
    // back.
    b.click("button[data-action=keep]");
    b.wait(
        "the page after keep",
        "document.querySelector('main').textContent.toLowerCase().includes('keep true')",
    );
    b.click("#logout");
    b.wait("the login page", "location.pathname === '/login'");
    let o = Command::new("virsh")
        .args(["-c", "qemu+tcp://10.77.0.11/system", "destroy", "pweb"])
        .output()
        .unwrap();
    assert!(o.status.success(), "virsh destroy: {}", text(&o.stderr));
    let t = Instant::now();
    b.login(&user, "password-e");
    b.go("/vms/pweb");
    b.wait_for(
        "the VM brought back",
        "(async () => { const r = await fetch('/api/v1/respawn'); const j = await r.json(); \
         window.__respawn = JSON.stringify(j); })() && window.__respawn && \
         window.__respawn.includes('started')",
        Duration::from_secs(120),
    );
    let back = wait_ssh("h1", "pweb", Duration::from_secs(300));
    figure(
        "portal: login to the kept VM answering SSH again",
        t.elapsed(),
    );
    let _ = back;
    b.go("/vms/pweb");
    assert_eq!(b.text("#vm-state"), "running");

    // The designer: two VMs from the profile on one switch, deployed on h1 in one click.
    b.go("/designer");
    b.wait("the palette", "document.querySelector('#vm-source option')");
    b.js("document.querySelector('#net-name').value = ''; document.querySelector('#sw-net').value = ''; return 0;");
    b.type_in("#net-name", "pair");
    b.type_in("#sw-net", "10.33.0.0");
    b.click("#add-switch");
    b.js("const s = document.querySelector('#vm-source'); s.value = [...s.options].find(o => o.dataset.object === 'pweb').value; return 0;");
    for vm in ["pnet1", "pnet2"] {
        b.js("document.querySelector('#vm-name').value = ''; return 0;");
        b.type_in("#vm-name", vm);
        b.click("#add-vm");
    }
    for vm in ["pnet1", "pnet2"] {
        b.click("#connect");
        b.click(&format!("#net-svg g[data-vm='{vm}']"));
        b.click("#net-svg g[data-switch='lan']");
    }
    b.wait(
        "the template",
        "document.querySelector('#net-pan').value.includes(\"'address', \\\"10.33.0.3\\\"\")",
    );
    b.click("#net-save");
    b.wait(
        "the save",
        "document.querySelector('#net-status').textContent.includes('saved as design')",
    );
    b.js("document.querySelector('#net-host').value = 'h1'; return 0;");
    let t = Instant::now();
    b.click("#net-deploy");
    b.wait_for(
        "the deployment",
        "document.querySelector('#net-deploy-status').dataset.result",
        Duration::from_secs(900),
    );
    assert_eq!(
        b.js("return document.querySelector('#net-deploy-status').dataset.result;"),
        "ok",
        "{}",
        b.text("main")
    );
    b.js("document.querySelector('#net-deploy-status').scrollIntoView(); return 0;");
    b.shot("designer-deployed");
    for vm in ["pnet1", "pnet2"] {
        wait_ssh("h1", vm, Duration::from_secs(300));
    }
    figure(
        "portal: designer deploy to both members answering SSH",
        t.elapsed(),
    );
    // Each member finds the other by name and fetches its nginx page over the switch.
    for (from, to) in [("pnet1", "pnet2"), ("pnet2", "pnet1")] {
        let cmd = format!(
            "getent hosts {to} && exec 3<>/dev/tcp/{to}/80 && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3 && timeout 10 cat <&3"
        );
        let (okay, out) = ssh("h1", from, &cmd);
        assert!(
            okay && out.contains("Welcome to nginx"),
            "{from} cannot reach {to}: {out}"
        );
    }
    let (_, addr) = ssh("h1", "pnet1", "ip -4 -o addr show eth0");
    assert!(addr.contains("10.33.0.2/24"), "{addr}");

    // Take the design down from the page, removing its VMs: gone from vmcs and from h1.
    b.click("#net-down-rm");
    b.click("#net-down");
    b.wait_for(
        "the take-down",
        "document.querySelector('#net-deploy-status').dataset.result",
        Duration::from_secs(300),
    );
    assert_eq!(
        b.js("return document.querySelector('#net-deploy-status').dataset.result;"),
        "down",
        "{}",
        b.text("main")
    );
    let listed = text(&vmcs(None, &["list", "--json"]).stdout);
    assert!(
        !listed.contains("\"pnet1\"") && !listed.contains("\"pnet2\""),
        "{listed}"
    );
    let o = Command::new("virsh")
        .args([
            "-c",
            "qemu+tcp://10.77.0.11/system",
            "list",
            "--all",
            "--name",
        ])
        .output()
        .unwrap();
    let on_h1 = text(&o.stdout);
    assert!(o.status.success() && !on_h1.contains("pnet"), "{on_h1}");
    let again = text(&vmcs(None, &["down", "pair"]).stderr);
    assert!(again.contains("no network named"), "{again}");

    drop(b);
    forget_vms();
}
