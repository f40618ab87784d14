//! End to end, as a user types it: `vmcs spawn examples/...` builds the images (outside any
//! namespace, where the Debian archive is), the VMs start inside network namespaces made
//! here, boot their own systemd, and are reached over SSH and HTTP. Slow (debootstrap, apt,
//! TCG boots): run with `cargo test --release -p vmcs-cli --features e2e --test e2e`.

#[path = "e2e/support.rs"]
mod support;

use std::time::{Duration, Instant};
use support::*;

#[test]
fn web_example_boots_serves_and_answers_ssh() {
    for m in ["web", "web-1", "web-2"] {
        let _ = vmcs(None, &["rm", "--force", m]);
    }
    let t = Instant::now();
    let out = ok(
        None,
        &["spawn", &example("web"), "--backend", "qemu", "--no-start"],
    );
    figure(
        "web example: spawn to a bootable disk (cold unless cached)",
        t.elapsed(),
    );
    assert!(out.contains("web") && out.contains("defined"), "{out}");

    let mut ns = Netns::new("vmcs-e2e-web");
    ns.vms.push("web".into());
    ns.bridge("br-office", "192.168.10.1/24");
    let t = Instant::now();
    ok(Some(&ns.name), &["start", "web"]);
    let boot = wait_ssh(&ns.name, "web", Duration::from_secs(300));
    figure("web example: start to SSH login (TCG)", boot);
    let _ = t;

    // Its own systemd, no init= override, the units the profile enables.
    let (_, pid1) = ssh(&ns.name, "web", "cat /proc/1/comm; cat /proc/cmdline");
    assert!(pid1.starts_with("systemd"), "{pid1}");
    assert!(!pid1.contains("init="), "{pid1}");
    let (okay, active) = ssh(&ns.name, "web", "systemctl is-active ssh nginx");
    assert!(okay, "services not active: {active}");
    let (_, running) = ssh(&ns.name, "web", "systemctl is-system-running --wait");
    assert!(running.contains("running"), "system state: {running}");
    // Its network: address, route, DNS and names as the profile says.
    let (_, net) = ssh(
        &ns.name,
        "web",
        "ip -4 -o addr show eth0; ip route; cat /etc/resolv.conf; getent hosts web",
    );
    assert!(net.contains("192.168.10.20/24"), "{net}");
    assert!(net.contains("default via 192.168.10.1"), "{net}");
    assert!(
        net.contains("nameserver 192.168.10.1") && net.contains("search example.org"),
        "{net}"
    );
    assert!(
        net.contains("192.168.10.20") && net.contains("web.example.org"),
        "{net}"
    );
    // nginx's page, fetched from the host side of its bridge.
    let page = ns.exec(&["curl", "-s", "-m", "10", "http://192.168.10.20/"]);
    assert!(
        text(&page.stdout).contains("Welcome to nginx"),
        "{}",
        text(&page.stdout)
    );
    let serial = std::fs::read_to_string(state().join("vms/web/serial.log")).unwrap();
    assert!(
        serial.contains("web login:"),
        "no login prompt on the serial console"
    );

    // A second and third VM from the cache: no debootstrap, no apt, qcow2 overlays.
    let t = Instant::now();
    let out = ok(
        None,
        &[
            "spawn",
            &example("web"),
            "--backend",
            "qemu",
            "--no-start",
            "--count",
            "2",
            "--json",
        ],
    );
    figure(
        "web example: two more VMs from the cache (spawn)",
        t.elapsed(),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let log = std::fs::read_to_string(v["log"].as_str().unwrap()).unwrap();
    assert!(
        !log.contains("debootstrap") && !log.contains("apt-get"),
        "{log}"
    );
    assert_eq!(v["reused_layers"].as_array().unwrap().len(), 3);
    let info = sh(&[
        "qemu-img",
        "info",
        "--output",
        "json",
        &state()
            .join("vms/web-1/disk-root.qcow2")
            .display()
            .to_string(),
    ]);
    let info: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(info["format"], "qcow2");
    assert!(
        info["backing-filename"]
            .as_str()
            .unwrap()
            .contains("/layers/img-"),
        "{info}"
    );
    ns.vms.extend(["web-1".to_string(), "web-2".to_string()]);
    ok(Some(&ns.name), &["start", "web-1"]);
    wait_ssh(&ns.name, "web-1", Duration::from_secs(300));
    let (_, addr) = ssh(&ns.name, "web-1", "ip -4 -o addr show eth0; hostname");
    assert!(
        addr.contains("192.168.10.21/24") && addr.contains("web-1"),
        "{addr}"
    );
    // The two guests reach each other on their bridge.
    let (reach, msg) = ssh(
        &ns.name,
        "web",
        "timeout 5 bash -c 'echo > /dev/tcp/192.168.10.21/80' && echo reached",
    );
    assert!(reach && msg.contains("reached"), "{msg}");

    // Stop and remove: nothing left (process, tap, directory, row).
    ok(Some(&ns.name), &["stop", "web", "web-1"]);
    let list = ok(None, &["list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&list).unwrap();
    for e in list.as_array().unwrap() {
        if e["name"] == "web" || e["name"] == "web-1" {
            assert_eq!(e["state"], "stopped", "{e}");
        }
    }
    ok(Some(&ns.name), &["rm", "web", "web-1", "web-2"]);
    ns.vms.clear();
    let taps = ns.exec(&["ip", "-o", "link", "show"]);
    assert!(
        !text(&taps.stdout).contains("vt"),
        "taps left: {}",
        text(&taps.stdout)
    );
    assert!(!state().join("vms/web").exists());
    let ps = sh(&["pgrep", "-f", "process=vmcs-web"]);
    assert!(!ps.status.success(), "a QEMU is left");
}

#[test]
fn three_vm_network_pings_by_name_and_serves() {
    // VMs of these names an interrupted earlier run may have left in the shared state.
    for m in ["web", "app", "db"] {
        let _ = vmcs(None, &["rm", "--force", m]);
    }
    let t = Instant::now();
    for m in ["web", "app", "db"] {
        ok(
            None,
            &[
                "spawn",
                &example(&format!("net/{m}")),
                "--backend",
                "qemu",
                "--no-start",
            ],
        );
    }
    figure(
        "three-VM network: spawn the members (cold unless cached)",
        t.elapsed(),
    );
    let mut ns = Netns::new("vmcs-e2e-net");
    ns.vms = vec!["web".into(), "app".into(), "db".into()];
    // No bridge yet: the profiles ask vmcs to create br-lab with the gateway address.
    let t = Instant::now();
    ok(Some(&ns.name), &["start", "web", "app", "db"]);
    for m in ["web", "app", "db"] {
        wait_ssh(&ns.name, m, Duration::from_secs(600));
    }
    figure(
        "three-VM network: start to all three answering SSH (TCG)",
        t.elapsed(),
    );
    let gw = ns.exec(&["ip", "-4", "-o", "addr", "show", "br-lab"]);
    assert!(
        text(&gw.stdout).contains("10.20.0.1/24"),
        "{}",
        text(&gw.stdout)
    );
    for (from, to) in [("web", "app"), ("app", "db"), ("db", "web")] {
        let (okay, out) = ssh(&ns.name, from, &format!("ping -c 1 -W 5 {to}"));
        assert!(okay, "{from} cannot ping {to}: {out}");
    }
    for m in ["web", "app", "db"] {
        // Every start-up job done (PostgreSQL's cluster takes a while under TCG).
        let (_, out) = ssh(&ns.name, m, "systemctl is-system-running --wait");
        assert!(out.contains("running"), "{m}: {out}");
    }
    let (okay, out) = ssh(&ns.name, "web", "systemctl is-active nginx");
    assert!(okay, "{out}");
    let (okay, out) = ssh(&ns.name, "app", "systemctl is-active app");
    assert!(okay, "{out}");
    let (okay, out) = ssh(&ns.name, "db", "systemctl is-active postgresql && findmnt -n -o SOURCE /var/lib/postgresql && runuser -u postgres -- psql -Atc 'select 40 + 2'");
    assert!(okay && out.contains("42"), "{out}");
    let page = ns.exec(&["curl", "-s", "-m", "10", "http://10.20.0.10/app/"]);
    assert!(
        text(&page.stdout).contains("hello from app"),
        "{}",
        text(&page.stdout)
    );
}

#[test]
fn a_killed_spawn_leaves_nothing_and_the_next_one_works() {
    // A profile of its own, so that its package layer is built now (the base is shared).
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("killme.pan");
    std::fs::write(
        &tpl,
        "object template killme;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/small';\n'/software/packages' = vmcs_merge(SELF, vmcs_packages(list('cowsay')));\n",
    )
    .unwrap();
    let tpl = tpl.display().to_string();
    // Its package layer is built by this run: an earlier run's is removed first.
    let _ = vmcs(None, &["rm", "--force", "killme"]);
    drop_pkg_layer(&tpl);
    for signal in ["TERM", "KILL"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vmcs"))
            .args(["spawn", &tpl, "--backend", "qemu", "--no-start", "--log"])
            .arg(dir.path().join("kill.log"))
            .env("VMCS_STATE_DIR", state())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until it is installing packages (or building the base), then kill it.
        let start = Instant::now();
        loop {
            let log = std::fs::read_to_string(dir.path().join("kill.log")).unwrap_or_default();
            if log.contains("apt-get") || log.contains("debootstrap") {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "the spawn never got to apt: {log}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_secs(2));
        sh(&["kill", &format!("-{signal}"), &child.id().to_string()]);
        let status = child.wait().unwrap();
        assert!(!status.success(), "{signal}: the spawn was not stopped");
        if signal == "TERM" {
            // It cleaned up itself: no build directory, VM, row, process.
            let layers: Vec<String> = std::fs::read_dir(state().join("layers"))
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            assert!(
                !layers.iter().any(|l| l.starts_with(".build-")),
                "{layers:?}"
            );
            let ps = sh(&[
                "pgrep",
                "-f",
                &format!("{}/layers/.build-", state().display()),
            ]);
            assert!(
                !ps.status.success(),
                "programs of the killed spawn still run"
            );
        }
        assert!(!state().join("vms/killme").exists());
        let list = ok(None, &["list", "--json"]);
        assert!(!list.contains("\"killme\""), "{list}");
    }
    // After SIGKILL the next spawn sweeps what was left and works.
    let t = Instant::now();
    ok(None, &["spawn", &tpl, "--backend", "qemu", "--no-start"]);
    figure(
        "killed spawn: the next spawn (package layer rebuilt)",
        t.elapsed(),
    );
    let layers: Vec<String> = std::fs::read_dir(state().join("layers"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !layers.iter().any(|l| l.starts_with(".build-")),
        "{layers:?}"
    );
    ok(None, &["rm", "killme"]);
    drop_pkg_layer(&tpl);
}

/// Remove the package layer of template `tpl` (and the image layer on it) from the cache
/// with `vmcs cache gc --layer`, when it is cached.
fn drop_pkg_layer(tpl: &str) {
    let plan = ok(
        None,
        &["spawn", tpl, "--backend", "qemu", "--no-start", "--dry-run"],
    );
    let key = plan
        .lines()
        .find_map(|l| l.strip_prefix("layer pkg "))
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or_else(|| panic!("no package layer in the plan: {plan}"))
        .to_string();
    let cached = ok(None, &["cache", "list", "--format", "json"]);
    if cached.contains(&format!("\"{key}\"")) {
        let out = ok(None, &["cache", "gc", "--layer", &key]);
        assert!(out.contains(&format!("removed pkg {key}")), "{out}");
    }
}
