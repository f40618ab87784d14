//! `vmcs spawn` and the VM commands as a user types them, without booting anything: hostile
//! profiles write nothing anywhere, the stdlib ships with the binary, templates find their
//! own root, state directories are made absolute, and unknown VMs give clear errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn vmcs(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vmcs"));
    c.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("VMCS_STDLIB")
        .env_remove("VMCS_STATE_DIR");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn base() -> serde_json::Value {
    let t = std::fs::read_to_string(root().join("crates/vmcs-model/tests/data/base.json")).unwrap();
    serde_json::from_str(&t).unwrap()
}

#[test]
fn hostile_profiles_are_refused_and_write_nothing() {
    let cases: &[(&str, serde_json::Value, &str)] = &[
        (
            "/system/users/0/name",
            "/etc/cron.d/evil".into(),
            "/system/users/0/name",
        ),
        (
            "/network/dns/search/0",
            "x.org\nnameserver 6.6.6.6".into(),
            "/network/dns/search/0",
        ),
        (
            "/network/dns/servers/0",
            "1.1.1.1 options ndots:15".into(),
            "/network/dns/servers/0",
        ),
        ("/system/timezone", "/etc/shadow".into(), "/system/timezone"),
        (
            "/hardware/disks/0/device",
            "/dev/sda".into(),
            "/hardware/disks/0/device",
        ),
        ("/hardware/vcpus", 0.into(), "/hardware/vcpus"),
    ];
    for (pointer, value, path) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let mut v = base();
        *v.pointer_mut(pointer).unwrap() = value.clone();
        let file = tmp.path().join("evil.json");
        std::fs::write(&file, v.to_string()).unwrap();
        let state = tmp.path().join("state");
        let out = vmcs(
            tmp.path(),
            &[
                "spawn",
                "evil.json",
                "--backend",
                "qemu",
                "--state-dir",
                "state",
            ],
            &[],
        );
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{pointer}: {err}");
        assert!(err.contains(path), "{pointer}: {err}");
        assert!(
            !state.exists(),
            "{pointer}: the state directory was created"
        );
        let entries: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
        assert_eq!(entries.len(), 1, "{pointer}: something was written");
    }
    assert!(!Path::new("/etc/cron.d/evil").exists());
}

#[test]
fn an_untrusted_profile_is_refused_before_anything_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = vmcs(
        tmp.path(),
        &[
            "compile",
            "--include-path",
            &format!(
                "{}:{}",
                root().join("examples").display(),
                root().join("stdlib-templates").display()
            ),
            "--output-dir",
            ".",
            "--formats",
            "json",
            &root().join("examples/spec-node.pan").display().to_string(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = vmcs(
        tmp.path(),
        &[
            "spawn",
            "spec-node.json",
            "--untrusted",
            "--state-dir",
            "state",
        ],
        &[],
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("/software/knowledge/speccpu2000/install"),
        "{err}"
    );
    assert!(!tmp.path().join("state/layers").exists());
}

#[test]
fn the_stdlib_ships_with_the_binary() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let work = tmp.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let env = [("HOME", home.as_path()), ("XDG_CACHE_HOME", home.as_path())];
    let out = vmcs(&work, &["new", "barsvm"], &env);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let next = text(&out.stdout) + &text(&out.stderr);
    assert!(
        next.contains("vmcs check barsvm.pan") || next.contains("barsvm.pan"),
        "{next}"
    );
    let out = vmcs(&work, &["check", "barsvm.pan"], &env);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = vmcs(&work, &["compile", "--formats", "json", "barsvm.pan"], &env);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(work.join("barsvm.json").exists());
}

#[test]
fn a_template_finds_its_own_root() {
    let tmp = tempfile::tempdir().unwrap();
    let lists: Vec<String> = std::fs::read_dir("/var/lib/apt/lists")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n.contains("debian_dists_bookworm_main_binary-amd64_Packages")
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(!lists.is_empty(), "apt's lists are needed (apt-get update)");
    let app = root().join("examples/net/app.pan").display().to_string();
    let mut args = vec![
        "spawn",
        app.as_str(),
        "--dry-run",
        "--backend",
        "qemu",
        "--state-dir",
        "rel/state",
    ];
    for l in &lists {
        args.extend(["--index", l.as_str()]);
    }
    let out = vmcs(tmp.path(), &args, &[("XDG_CACHE_HOME", tmp.path())]);
    let plan = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The state directory is absolute, the segment's hosts are in /etc/hosts.
    assert!(
        plan.contains(&format!(
            "state directory: {}/rel/state",
            tmp.path().canonicalize().unwrap().display()
        )) || plan.contains(&format!(
            "state directory: {}/rel/state",
            tmp.path().display()
        )),
        "{plan}"
    );
    assert!(plan.contains("10.20.0.10\tweb"), "{plan}");
    assert!(
        plan.contains("gunicorn=") && plan.contains("python3="),
        "resolved and pinned: {plan}"
    );
}

#[test]
fn unknown_vms_are_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    for cmd in ["start", "stop", "rm", "console", "ssh"] {
        let out = vmcs(tmp.path(), &[cmd, "nope", "--state-dir", "s"], &[]);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        assert!(
            text(&out.stderr).contains("no VM named `nope`"),
            "{cmd}: {}",
            text(&out.stderr)
        );
    }
    let out = vmcs(tmp.path(), &["list", "--state-dir", "s", "--json"], &[]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).trim(), "[]");
}
