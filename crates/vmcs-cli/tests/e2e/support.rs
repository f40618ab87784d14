//! What the end-to-end tests share: the `vmcs` binary run as a user types it (inside a
//! network namespace when a VM must be reached), a state directory whose layers the tests
//! share (layer builds are locked, so they also may run at once), namespaces that remove
//! themselves, and waiting for a guest's SSH.
//!
//! Network rule: every packet goes to loopback or to addresses inside the namespaces made
//! here; images are built outside them, where the Debian archive is.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

pub fn example(name: &str) -> String {
    root()
        .join("examples")
        .join(format!("{name}.pan"))
        .display()
        .to_string()
}

/// The state directory the end-to-end tests share (`VMCS_E2E_STATE`, default under target/).
pub fn state() -> PathBuf {
    let d = std::env::var_os("VMCS_E2E_STATE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/e2e-state"));
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `vmcs ARGS` (in namespace `ns` when given), with the shared state directory.
pub fn vmcs(ns: Option<&str>, args: &[&str]) -> Output {
    let mut c = match ns {
        Some(n) => {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", n, env!("CARGO_BIN_EXE_vmcs")]);
            c
        }
        None => Command::new(env!("CARGO_BIN_EXE_vmcs")),
    };
    c.args(args)
        .env("VMCS_STATE_DIR", state())
        .env("NO_COLOR", "1")
        .env_remove("VMCS_STDLIB");
    c.output().unwrap()
}

/// `vmcs ARGS`, which must succeed; returns stdout.
pub fn ok(ns: Option<&str>, args: &[&str]) -> String {
    let out = vmcs(ns, args);
    assert!(
        out.status.success(),
        "vmcs {}: {}\n{}",
        args.join(" "),
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

pub fn sh(args: &[&str]) -> Output {
    Command::new(args[0]).args(&args[1..]).output().unwrap()
}

/// Run a command in a VM over SSH (from inside `ns`); returns (success, stdout).
pub fn ssh(ns: &str, vm: &str, cmd: &str) -> (bool, String) {
    let out = vmcs(Some(ns), &["ssh", vm, "--connect-timeout", "3", "--", cmd]);
    (out.status.success(), text(&out.stdout) + &text(&out.stderr))
}

/// Wait until `vm` accepts an SSH login; returns how long it took.
pub fn wait_ssh(ns: &str, vm: &str, timeout: Duration) -> Duration {
    let start = Instant::now();
    loop {
        if ssh(ns, vm, "true").0 {
            return start.elapsed();
        }
        if start.elapsed() > timeout {
            let log = std::fs::read_to_string(state().join("vms").join(vm).join("serial.log"))
                .unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            panic!(
                "{vm}: no SSH login after {timeout:?}; serial log ends with:\n{}",
                tail.into_iter().rev().collect::<Vec<_>>().join("\n")
            );
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// A network namespace removed (with the VMs the test started in it) when dropped.
pub struct Netns {
    pub name: String,
    pub vms: Vec<String>,
}

impl Netns {
    pub fn new(name: &str) -> Netns {
        let _ = sh(&["ip", "netns", "del", name]);
        let out = sh(&["ip", "netns", "add", name]);
        assert!(out.status.success(), "ip netns add: {}", text(&out.stderr));
        sh(&["ip", "-n", name, "link", "set", "lo", "up"]);
        Netns {
            name: name.to_string(),
            vms: Vec::new(),
        }
    }

    /// A bridge inside the namespace with an address on it (the host side of a segment).
    pub fn bridge(&self, br: &str, addr: &str) {
        for a in [
            vec!["ip", "-n", &self.name, "link", "add", br, "type", "bridge"],
            vec!["ip", "-n", &self.name, "addr", "add", addr, "dev", br],
            vec!["ip", "-n", &self.name, "link", "set", br, "up"],
        ] {
            let out = sh(&a);
            assert!(
                out.status.success(),
                "{}: {}",
                a.join(" "),
                text(&out.stderr)
            );
        }
    }

    pub fn exec(&self, args: &[&str]) -> Output {
        let mut a = vec!["ip", "netns", "exec", &self.name];
        a.extend_from_slice(args);
        sh(&a)
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        for vm in &self.vms {
            let _ = vmcs(Some(&self.name), &["rm", "--force", vm]);
        }
        let _ = sh(&["ip", "netns", "del", &self.name]);
    }
}

/// Print a figure for the closing note (visible with `--nocapture`).
pub fn figure(what: &str, d: Duration) {
    eprintln!("FIGURE {what}: {:.1} s", d.as_secs_f64());
}

/// `scripts/testbed.sh ARGS` with the test's binary and state directory.
pub fn testbed(args: &[&str]) -> Output {
    Command::new(root().join("scripts/testbed.sh"))
        .args(args)
        .env("VMCS", env!("CARGO_BIN_EXE_vmcs"))
        .env("VMCS_STATE_DIR", state())
        .output()
        .unwrap()
}

/// Hosts h1..hN of `scripts/testbed.sh`, taken down (with everything on them) when dropped.
pub struct Testbed;

impl Testbed {
    pub fn up(n: usize) -> Testbed {
        let out = testbed(&["up", &n.to_string()]);
        assert!(
            out.status.success(),
            "testbed up: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        Testbed
    }

    /// `virsh -c HOST'S URI ARGS...`: stdout.
    pub fn virsh(&self, host: &str, args: &[&str]) -> String {
        let n: u32 = host.trim_start_matches('h').parse().unwrap();
        let uri = format!("qemu+tcp://10.77.0.{}/system", 10 + n);
        let mut a = vec!["virsh", "-q", "-c", uri.as_str()];
        a.extend_from_slice(args);
        text(&sh(&a).stdout)
    }

    /// The names of the domains `host` has (all, or only running ones).
    pub fn domains(&self, host: &str, running_only: bool) -> Vec<String> {
        let mut a = vec!["list", "--name"];
        if !running_only {
            a.push("--all");
        }
        self.virsh(host, &a)
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    }

    pub fn libvirtd(&self, host: &str, what: &str) {
        let out = testbed(&["libvirtd", host, what]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
}

impl Drop for Testbed {
    fn drop(&mut self) {
        let _ = testbed(&["down"]);
    }
}

/// `vmcs ARGS --json`, parsed.
pub fn json(args: &[&str]) -> serde_json::Value {
    let mut a = args.to_vec();
    a.push("--json");
    let out = ok(None, &a);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("vmcs {}: {e}: {out}", a.join(" ")))
}
