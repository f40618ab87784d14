//! The drivers' configurations for every example: the `xl` config parsed by the real
//! `xl -N create` (xen-utils-4.17) with an LD_PRELOAD stub standing in for the hypervisor
//! (any stderr beyond "Parsing config" fails), and the QEMU command line as a snapshot.

#[path = "../../vmcs-image/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use vmcs_image::{Machine, SpawnOptions};

fn machines(name: &str) -> Vec<Machine> {
    let p = common::profile(name);
    let mut o = SpawnOptions::new("/state");
    o.dry_run = true;
    o.deterministic = true;
    o.owner = Some("alice".into());
    vmcs_image::build(&p, &o).unwrap().1.machines
}

fn xl_binary() -> PathBuf {
    let found = std::fs::read_dir("/usr/lib").ok().and_then(|rd| {
        rd.flatten()
            .map(|e| e.path().join("bin/xl"))
            .find(|p| p.is_file() && p.to_string_lossy().contains("xen-"))
    });
    found.unwrap_or_else(|| {
        panic!("`xl` (xen-utils-4.17) is not installed: run `scripts/install-deps.sh`")
    })
}

#[test]
fn real_xl_parses_every_generated_config() {
    let xl = xl_binary();
    let tmp = tempfile::tempdir().unwrap();
    let stub = tmp.path().join("xlstub.so");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/xlstub.c");
    let cc = Command::new("cc")
        .args(["-shared", "-fPIC", "-o"])
        .arg(&stub)
        .arg(&src)
        .output()
        .unwrap();
    assert!(
        cc.status.success(),
        "{}",
        String::from_utf8_lossy(&cc.stderr)
    );
    for name in common::EXAMPLES {
        for m in machines(name) {
            let cfg = vmcs_virt::xl::xl_config(&m);
            assert!(cfg.contains(&format!("uuid = \"{}\"", m.uuid)), "{cfg}");
            assert!(!cfg.contains(" ro ") && !cfg.contains("hdc"), "{cfg}");
            let file = tmp.path().join(format!("{}.cfg", m.name));
            std::fs::write(&file, &cfg).unwrap();
            let out = Command::new(&xl)
                .args(["-N", "create"])
                .arg(&file)
                .env("LD_PRELOAD", &stub)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let bad: Vec<&str> = stderr
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with("Parsing config from"))
                .collect();
            assert!(
                out.status.success() && bad.is_empty(),
                "{name}: xl refused\n{cfg}\n{stderr}"
            );
            insta::assert_snapshot!(format!("{}.xl.cfg", name.replace('/', "-")), cfg);
        }
    }
}

#[test]
fn qemu_command_lines() {
    let d = vmcs_virt::qemu::QemuDriver::new(Path::new("/dev/null")).with_kvm(false);
    for name in ["web", "net/db"] {
        let m = &machines(name)[0];
        let argv = d.argv(m, None).unwrap();
        insta::assert_snapshot!(
            format!("{}.qemu", name.replace('/', "-")),
            vmcs_image::runner::command_line(&argv)
        );
    }
    let m = &machines("web")[0];
    let argv = d
        .argv(m, Some(Path::new("/state/vms/web/saved.state")))
        .unwrap();
    assert!(argv.ends_with(&[
        "-incoming".to_string(),
        "exec:cat '/state/vms/web/saved.state'".into()
    ]));
}
