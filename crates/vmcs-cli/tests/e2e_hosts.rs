//! The management plane end to end, on libvirt hosts made by `scripts/testbed.sh` (network
//! namespaces with their own libvirtd): a three-VM network spread over two hosts comes up as
//! one unit and its members ping each other over the tunnel; one member then goes through
//! the lifecycle (suspend, resume, save, restore with its uptime continuing, stop, start),
//! live migration while another guest pings it, two vmcs processes on one VM, the monitor,
//! draining a host, a libvirtd killed in the middle of a migration, an unreachable host,
//! and `vmcs down --rm` leaving no domain, disk or tap behind.
//!
//! One test: the hosts and guests are made once and each step builds on the last. Slow (TCG
//! guests): `cargo test --release -p vmcs-cli --features e2e --test e2e_hosts`.

#[path = "e2e/support.rs"]
mod support;

use serde_json::Value;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::*;

/// The guest's own uptime in seconds (from /proc/uptime, over SSH from host h1's namespace).
fn uptime(vm: &str) -> f64 {
    let (okay, out) = ssh("h1", vm, "cat /proc/uptime");
    assert!(okay, "{vm}: {out}");
    out.split_whitespace().next().unwrap().parse().unwrap()
}

fn status(vm: &str) -> Value {
    json(&["status", vm])
}

fn field(v: &Value, k: &str) -> String {
    v[k].as_str().unwrap_or_default().to_string()
}

/// The hosts whose libvirt runs `vm` now.
fn running_on(tb: &Testbed, vm: &str) -> Vec<&'static str> {
    ["h1", "h2"]
        .into_iter()
        .filter(|h| tb.domains(h, true).iter().any(|d| d == vm))
        .collect()
}

/// `ping -i 0.05 -c N` from `from` to `to` in the background (over SSH); its summary when
/// waited for.
fn ping_in_background(from: &str, to: &str, count: u32) -> std::process::Child {
    Command::new("ip")
        .args([
            "netns",
            "exec",
            "h1",
            env!("CARGO_BIN_EXE_vmcs"),
            "ssh",
            from,
        ])
        .args([
            "--connect-timeout",
            "5",
            "--",
            &format!("ping -i 0.05 -W 1 -c {count} {to}"),
        ])
        .env("VMCS_STATE_DIR", state())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// (transmitted, received) from ping's summary.
fn ping_summary(out: &str) -> (u32, u32) {
    let line = out
        .lines()
        .find(|l| l.contains("packets transmitted"))
        .unwrap_or_else(|| panic!("no ping summary in {out}"));
    let n: Vec<u32> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(2)
        .map(|s| s.parse().unwrap())
        .collect();
    (n[0], n[1])
}

fn vmcs_bg(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_vmcs"))
        .args(args)
        .env("VMCS_STATE_DIR", state())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn hosts_lifecycle_migration_network_and_faults() {
    // Members of the lab network are built (or taken from the cache) outside the namespaces.
    for m in ["web", "app", "db"] {
        let _ = vmcs(None, &["rm", "--force", m]);
    }
    let tb = Testbed::up(2);
    let hosts = json(&["host", "list"]);
    assert!(
        hosts.to_string().contains("\"h1\"") && hosts.to_string().contains("\"h2\""),
        "{hosts}"
    );

    // ---- a network of three VMs over two hosts, as one unit --------------------------------
    let t = Instant::now();
    let table = ok(None, &["up", &example("net/lab-two-hosts")]);
    let up_secs = t.elapsed();
    eprintln!("{table}");
    for m in ["web", "app", "db"] {
        wait_ssh("h1", m, Duration::from_secs(600));
    }
    figure(
        "three-VM network over two hosts: `vmcs up` (from the cache unless cold)",
        up_secs,
    );
    figure(
        "three-VM network over two hosts: `vmcs up` to all three answering SSH",
        t.elapsed(),
    );
    // app runs on h2, web and db on h1: these pings cross the VXLAN tunnel.
    for (from, to) in [("web", "app"), ("app", "db"), ("db", "web")] {
        let (okay, out) = ssh("h1", from, &format!("ping -c 1 -W 5 {to}"));
        assert!(okay, "{from} cannot ping {to}: {out}");
    }
    figure(
        "three-VM network over two hosts: up to pinging each other",
        t.elapsed(),
    );
    let list = json(&["list"]);
    for (m, h) in [("web", "h1"), ("app", "h2"), ("db", "h1")] {
        let e = list
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == m)
            .unwrap_or_else(|| panic!("{m} not listed: {list}"));
        assert_eq!(e["host"], h, "{e}");
        assert_eq!(e["state"], "running", "{e}");
        assert_eq!(e["network"], "lab", "{e}");
        assert_eq!(running_on(&tb, m), vec![h], "{m}");
    }
    let text_list = ok(None, &["list"]);
    assert!(text_list.contains("network lab:"), "{text_list}");

    // ---- lifecycle of one member -----------------------------------------------------------
    ok(None, &["suspend", "web"]);
    assert_eq!(field(&status("web"), "state"), "paused");
    let (reach, _) = ssh("h1", "app", "ping -c 1 -W 1 web");
    assert!(!reach, "a paused guest answered a ping");
    ok(None, &["resume", "web"]);
    let (reach, out) = ssh("h1", "app", "ping -c 1 -W 5 web");
    assert!(reach, "no answer after resume: {out}");

    let before = uptime("web");
    let t = Instant::now();
    ok(None, &["save", "web"]);
    figure("save (hibernate) a running 256 MiB guest", t.elapsed());
    assert_eq!(field(&status("web"), "state"), "saved");
    assert!(running_on(&tb, "web").is_empty(), "saved but still running");
    let t = Instant::now();
    ok(None, &["restore", "web"]);
    figure("restore a saved guest", t.elapsed());
    let after = uptime("web");
    assert!(
        after >= before && after < before + 120.0,
        "uptime did not continue: {before} s before save, {after} s after restore"
    );

    ok(None, &["stop", "web"]);
    assert_eq!(field(&status("web"), "state"), "stopped");
    assert!(running_on(&tb, "web").is_empty());
    let t = Instant::now();
    ok(None, &["start", "web"]);
    figure(
        "start a stopped guest (define+start from the cache)",
        t.elapsed(),
    );
    let boot = wait_ssh("h1", "web", Duration::from_secs(300));
    figure("boot to SSH login on a testbed host (TCG)", boot);
    assert!(uptime("web") < 300.0, "not a fresh boot");

    // ---- live migration while another guest pings it ---------------------------------------
    let before = uptime("web");
    let ping = ping_in_background("app", "web", 300);
    std::thread::sleep(Duration::from_secs(2));
    let t = Instant::now();
    let report = json(&["migrate", "web", "--to", "h2", "--live"]);
    figure(
        "live migration h1 -> h2 with the top disk layer copied",
        t.elapsed(),
    );
    let out = ping.wait_with_output().unwrap();
    let (sent, got) = ping_summary(&text(&out.stdout));
    eprintln!(
        "FIGURE live migration: downtime {} ms, {} of {sent} pings (every 50 ms) lost",
        report["downtime_ms"],
        sent - got
    );
    assert!(sent - got <= 20, "lost {} of {sent} pings", sent - got);
    assert_eq!(field(&status("web"), "host"), "h2");
    assert_eq!(running_on(&tb, "web"), vec!["h2"]);
    assert!(!tb.domains("h1", false).contains(&"web".to_string()));
    assert!(uptime("web") > before, "the guest rebooted");

    // ---- two vmcs processes on one VM are serialized ---------------------------------------
    // The suspend waits for the migration back to h1 to finish, then acts on the VM there.
    let mig = vmcs_bg(&["migrate", "web", "--to", "h1", "--live"]);
    std::thread::sleep(Duration::from_millis(300));
    ok(None, &["suspend", "web"]);
    let mig = mig.wait_with_output().unwrap();
    assert!(mig.status.success(), "{}", text(&mig.stderr));
    let st = status("web");
    assert_eq!(field(&st, "host"), "h1", "{st}");
    assert_eq!(field(&st, "state"), "paused", "{st}");
    assert_eq!(running_on(&tb, "web"), vec!["h1"]);
    ok(None, &["resume", "web"]);

    // ---- the monitor sees a busy guest -----------------------------------------------------
    let (okay, out) = ssh(
        "h1",
        "web",
        "nohup sh -c 'while :; do :; done' >/dev/null 2>&1 & echo started",
    );
    assert!(okay, "{out}");
    std::thread::sleep(Duration::from_secs(2));
    let top = json(&["top", "--once"]);
    let busy = top
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "web")
        .unwrap_or_else(|| panic!("web not in top: {top}"));
    let cpu = busy["cpu_pct"].as_f64().unwrap();
    eprintln!("FIGURE vmcs top: busy guest at {cpu:.0} % CPU");
    assert!(cpu > 20.0, "busy guest shows {cpu} % CPU: {top}");
    ssh("h1", "web", "pkill -f 'while :'");

    // ---- drain h1: everything on it moves to h2 and keeps answering ------------------------
    let t = Instant::now();
    ok(None, &["host", "drain", "h1"]);
    figure("drain a host with two guests", t.elapsed());
    for m in ["web", "app", "db"] {
        assert_eq!(field(&status(m), "host"), "h2", "{m}");
        assert_eq!(running_on(&tb, m), vec!["h2"], "{m}");
    }
    let (okay, out) = ssh("h1", "web", "ping -c 1 -W 5 db");
    assert!(okay, "{out}");
    // Draining marks the host; it takes VMs again once it is back in service.
    ok(None, &["host", "undrain", "h1"]);

    // ---- a libvirtd killed in the middle of a migration ------------------------------------
    let mig = vmcs_bg(&["migrate", "db", "--to", "h1", "--live"]);
    std::thread::sleep(Duration::from_millis(1500));
    tb.libvirtd("h2", "kill");
    std::thread::sleep(Duration::from_secs(2));
    tb.libvirtd("h2", "start");
    let mig = mig.wait_with_output().unwrap();
    eprintln!(
        "migration with the source's libvirtd killed: exit {:?}: {}{}",
        mig.status.code(),
        text(&mig.stdout),
        text(&mig.stderr)
    );
    // Wherever it ended, it runs on exactly one host, and the store says which.
    let on = running_on(&tb, "db");
    assert_eq!(on.len(), 1, "db runs on {on:?}");
    let recorded = field(&status("db"), "host");
    assert_eq!(recorded, on[0]);
    let (okay, out) = ssh("h1", "web", "ping -c 1 -W 5 db");
    assert!(okay, "db does not answer after the fault: {out}");

    // ---- an unreachable host ---------------------------------------------------------------
    // Move db to h2 if it is not there, then cut h1 off: h1's VMs show as unreachable, the
    // others keep working.
    if recorded != "h2" {
        ok(None, &["migrate", "db", "--to", "h2", "--live"]);
    }
    ok(None, &["migrate", "web", "--to", "h1", "--live"]);
    tb.libvirtd("h1", "kill");
    let t = Instant::now();
    let list = json(&["list"]);
    eprintln!(
        "FIGURE vmcs list with one host down: {:.2} s",
        t.elapsed().as_secs_f64()
    );
    // The network's members (other tests' VMs may share the state directory).
    for e in list
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| ["web", "app", "db"].contains(&e["name"].as_str().unwrap_or("")))
    {
        let want = if e["host"] == "h1" {
            "unreachable"
        } else {
            "running"
        };
        assert_eq!(e["state"], want, "{e}");
    }
    ok(None, &["suspend", "app"]);
    ok(None, &["resume", "app"]);
    let hl = ok(None, &["host", "list"]);
    assert!(hl.contains("unreachable"), "{hl}");
    tb.libvirtd("h1", "start");
    assert_eq!(field(&status("web"), "state"), "running");

    // ---- down --rm leaves nothing ----------------------------------------------------------
    let t = Instant::now();
    ok(None, &["down", "lab", "--rm"]);
    figure("down --rm of the three-VM network", t.elapsed());
    for h in ["h1", "h2"] {
        let doms = tb.domains(h, false);
        assert!(
            doms.iter()
                .all(|d| !["web", "app", "db"].contains(&d.as_str())),
            "{h}: {doms:?}"
        );
        let vols = tb.virsh(h, &["vol-list", "vmcs"]);
        for m in ["web", "app", "db"] {
            assert!(!vols.contains(&format!("{m}-")), "{h} keeps a disk: {vols}");
        }
        let links = text(&sh(&["ip", "-n", h, "-o", "link"]).stdout);
        if links.contains("vnet") {
            let procs = text(&sh(&["ps", "-eo", "pid,ppid,stat,etime,args"]).stdout);
            let qemu: Vec<&str> = procs
                .lines()
                .filter(|l| l.contains("qemu-system"))
                .collect();
            panic!(
                "{h} keeps a tap: {links}\ndomains: {:?}\nqemu processes:\n{}",
                tb.domains(h, false),
                qemu.join("\n")
            );
        }
    }
    let list = json(&["list"]);
    assert!(
        !list
            .as_array()
            .unwrap()
            .iter()
            .any(|e| ["web", "app", "db"].contains(&e["name"].as_str().unwrap_or(""))),
        "{list}"
    );
}
