//! Plan snapshots: `--dry-run` text and JSON and the `xl` config of every test profile.
//! Paths are normalised: the state directory prints as `$STATE`, the test data as `$DATA`.

use std::path::Path;
use vmcs_model::VmProfile;
use vmcs_spawn::{Backend, QemuNet, SpawnOptions};

const PROFILES: &[&str] = &["webserver", "spec-node", "net-web", "net-app", "net-db"];

fn load(name: &str) -> VmProfile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(format!("{name}.json"));
    VmProfile::from_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn options(state: &Path) -> SpawnOptions {
    let mut o = SpawnOptions::new(state);
    o.dry_run = true;
    o.kvm = false;
    o.eatmydata = true;
    o.qemu_net = QemuNet::User;
    o.deterministic = true;
    o.progress = false;
    o
}

fn normalise(text: &str, state: &Path) -> String {
    text.replace(&state.display().to_string(), "$STATE")
}

#[test]
fn dry_run_text_and_json() {
    for name in PROFILES {
        let state = tempfile::tempdir().unwrap();
        let (plan, _) = vmcs_spawn::spawn_profile(&load(name), &options(state.path())).unwrap();
        insta::assert_snapshot!(
            format!("{name}.plan.txt"),
            normalise(&plan.to_string(), state.path())
        );
        insta::assert_snapshot!(
            format!("{name}.plan.json"),
            normalise(&plan.to_json(), state.path())
        );
        assert!(
            !state.path().join("vmcs.db").exists(),
            "a dry run must not touch the state directory"
        );
    }
}

#[test]
fn xl_configs() {
    for name in PROFILES {
        let state = tempfile::tempdir().unwrap();
        let mut o = options(state.path());
        o.backend = Some(Backend::Xen);
        let (plan, _) = vmcs_spawn::spawn_profile(&load(name), &o).unwrap();
        let cfg = plan.steps().find_map(|s| match &s.action {
            vmcs_spawn::plan::Action::Write { path, contents, .. } if path.ends_with("xl.cfg") => {
                Some(contents.clone())
            }
            _ => None,
        });
        insta::assert_snapshot!(
            format!("{name}.xl.cfg"),
            normalise(&cfg.expect("an xl.cfg step"), state.path())
        );
    }
}

#[test]
fn count_gives_distinct_names_macs_and_addresses() {
    let state = tempfile::tempdir().unwrap();
    let mut o = options(state.path());
    o.count = 3;
    let p = load("net-app");
    let (plan, _) = vmcs_spawn::spawn_profile(&p, &o).unwrap();
    let names: Vec<&str> = plan.vms.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["net-app-1", "net-app-2", "net-app-3"]);
    let insts = vmcs_spawn::instances(&p, 3);
    let ips: Vec<_> = insts.iter().map(|i| i.ipv4[0].clone().unwrap()).collect();
    assert_eq!(ips, ["10.20.0.20", "10.20.0.21", "10.20.0.22"]);
    let mut macs: Vec<_> = insts.iter().map(|i| i.macs[0].clone()).collect();
    assert!(macs.iter().all(|m| m.starts_with("00:16:3e:")));
    macs.dedup();
    assert_eq!(macs.len(), 3);
    // One set of layers for all of them.
    assert_eq!(plan.layers.iter().filter(|l| l.kind == "base").count(), 1);
}

#[test]
fn bad_values_are_rejected_before_any_command() {
    let state = tempfile::tempdir().unwrap();
    type Case = (&'static str, fn(&mut VmProfile), &'static str);
    let cases: &[Case] = &[
        (
            "hostname",
            |p| p.system.hostname = "web;reboot".into(),
            "/system/hostname",
        ),
        (
            "mirror",
            |p| p.system.os.mirror = "file:///etc".into(),
            "/system/os/mirror",
        ),
        (
            "bridge",
            |p| p.network.interfaces[0].bridge = "br 0".into(),
            "/network/interfaces/0/bridge",
        ),
        (
            "package",
            |p| p.software.resolved[0].name = "-oAPT::Get=x".into(),
            "/software/resolved/0/name",
        ),
        ("name", |p| p.vm.name = "../etc".into(), "/vm/name"),
        (
            "iso",
            |p| {
                p.hardware.cdroms.push(vmcs_model::CdromDevice {
                    device: "sr0".into(),
                    iso: "/x/../y.iso".into(),
                })
            },
            "/hardware/cdroms/0/iso",
        ),
    ];
    for (what, break_it, path) in cases {
        let mut p = load("webserver");
        break_it(&mut p);
        let e = vmcs_spawn::spawn_profile(&p, &options(state.path()))
            .unwrap_err()
            .to_string();
        assert!(e.contains(&format!("`{path}`")), "{what}: {e}");
    }
}

#[test]
fn pan_xml_profile_reads_like_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let from_xml = VmProfile::from_path(&dir.join("spec-node.xml")).unwrap();
    assert_eq!(from_xml, load("spec-node"));
}
