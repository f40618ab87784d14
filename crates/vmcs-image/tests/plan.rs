//! Plans of the examples (what `vmcs spawn --dry-run` prints), as snapshots: every step, in
//! order, with the exact command lines and file contents. Plus the behaviours around them:
//! `--count` addresses, untrusted profiles, and what a second VM reuses.

mod common;

use std::path::Path;
use vmcs_image::SpawnOptions;

fn options(state: &Path) -> SpawnOptions {
    let mut o = SpawnOptions::new(state);
    o.dry_run = true;
    o.deterministic = true;
    o.eatmydata = false;
    o.owner = Some("alice".into());
    o
}

#[test]
fn example_plans() {
    for name in common::EXAMPLES {
        let p = common::profile(name);
        let (plan, _) = vmcs_image::build(&p, &options(Path::new("/state"))).unwrap();
        let snap = name.replace('/', "-");
        insta::assert_snapshot!(format!("{snap}.plan"), plan.to_string());
    }
}

#[test]
fn machine_specs_of_the_examples() {
    let p = common::profile("net/db");
    let (_, report) = vmcs_image::build(&p, &options(Path::new("/state"))).unwrap();
    insta::assert_snapshot!(
        "net-db.machine",
        serde_json::to_string_pretty(&report.machines[0]).unwrap()
    );
}

#[test]
fn copies_get_their_own_names_macs_and_addresses() {
    let p = common::profile("web");
    let mut o = options(Path::new("/state"));
    o.count = 3;
    let insts = vmcs_image::instances(&p, &o).unwrap();
    let names: Vec<_> = insts.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["web-1", "web-2", "web-3"]);
    let addrs: Vec<String> = insts
        .iter()
        .map(|i| i.ipv4[0].unwrap().to_string())
        .collect();
    assert_eq!(addrs, ["192.168.10.20", "192.168.10.21", "192.168.10.22"]);
    let mut macs: Vec<_> = insts.iter().map(|i| i.macs[0].clone()).collect();
    macs.dedup();
    assert_eq!(macs.len(), 3);
    assert!(macs
        .iter()
        .all(|m| m.starts_with(&p.network.interfaces[0].mac[..8])));
}

#[test]
fn too_many_copies_for_the_subnet_are_refused() {
    let p = common::profile("web");
    let mut o = options(Path::new("/state"));
    o.count = 250;
    let e = vmcs_image::build(&p, &o).unwrap_err().to_string();
    assert!(e.contains("subnet is full"), "{e}");
}

#[test]
fn an_untrusted_profile_may_not_run_commands_or_read_host_files() {
    let p = common::profile("spec-node");
    let mut o = options(Path::new("/state"));
    o.trusted = false;
    let e = vmcs_image::build(&p, &o).unwrap_err().to_string();
    assert!(e.contains("/software/knowledge/speccpu2000/install"), "{e}");
    assert!(e.contains("/hardware/cdroms/0/iso"), "{e}");
    // The same profile without them is fine.
    let mut q = p.clone();
    q.software.knowledge.clear();
    q.software
        .packages
        .retain(|_, r| r.source == vmcs_model::Source::Apt);
    q.hardware.cdroms.clear();
    assert!(vmcs_image::build(&q, &o).is_ok());
}

#[test]
fn a_second_vm_reuses_every_layer_and_gets_overlays() {
    let state = tempfile::tempdir().unwrap();
    let p = common::profile("web");
    let o = options(state.path());
    let ctx_keys = {
        let (plan, _) = vmcs_image::build(&p, &o).unwrap();
        plan.layers
            .iter()
            .map(|l| (l.kind.clone(), l.key.clone(), l.path.clone()))
            .collect::<Vec<_>>()
    };
    // Pretend the layers were built: their directories and rows exist.
    let store = vmcs_store::Store::open(state.path()).unwrap();
    for (kind, key, path) in &ctx_keys {
        std::fs::create_dir_all(path).unwrap();
        store
            .put_layer(&vmcs_store::LayerRow {
                key: key.clone(),
                kind: kind.clone(),
                parent: None,
                path: path.display().to_string(),
                created: 0,
                size: 0,
                last_used: 0,
            })
            .unwrap();
    }
    let (plan, report) = vmcs_image::build(&p, &o).unwrap();
    assert!(plan.layers.iter().all(|l| l.cached && l.steps.is_empty()));
    assert_eq!(report.reused_layers.len(), 3);
    let text = plan.to_string();
    assert!(
        !text.contains("debootstrap") && !text.contains("apt-get"),
        "{text}"
    );
    assert!(text.contains("qemu-img create -q -f qcow2 -b"), "{text}");
}

#[test]
fn addresses_other_vms_use_are_skipped_or_refused() {
    let state = tempfile::tempdir().unwrap();
    let p = common::profile("web");
    // A VM on the same bridge already holds the profile's address.
    let store = vmcs_store::Store::open(state.path()).unwrap();
    let (_, first) = vmcs_image::build(&p, &options(state.path())).unwrap();
    store
        .reserve_instance(&vmcs_store::NewInstance {
            name: "web".into(),
            owner: "alice".into(),
            host: "local".into(),
            uuid: "u".into(),
            profile_id: None,
            profile_version: None,
            network: None,
            backend: "qemu".into(),
            machine: first.machines[0].to_json(),
        })
        .unwrap();
    let mut o = options(state.path());
    o.names = vec!["web2".into()];
    let e = vmcs_image::build(&p, &o).unwrap_err().to_string();
    assert!(
        e.contains("192.168.10.20") && e.contains("already used"),
        "{e}"
    );
    let mut o = options(state.path());
    o.count = 2;
    let (_, r) = vmcs_image::build(&p, &o).unwrap();
    let addrs: Vec<String> = r.machines.iter().flat_map(|m| m.addresses()).collect();
    assert_eq!(addrs, ["192.168.10.21", "192.168.10.22"]);
}

#[test]
fn only_a_guest_that_boots_its_own_kernel_gets_a_debian_initramfs() {
    // The base layer is bootstrapped with INITRD=No (no initramfs built twice by debootstrap);
    // direct boot uses vmcs's initramfs, pygrub and bootloader boots build the guest's own.
    let step = "build the guest's own initramfs";
    let direct = common::profile("web");
    let (plan, _) = vmcs_image::build(&direct, &options(Path::new("/state"))).unwrap();
    let text = plan.to_string();
    assert!(text.contains("INITRD=No debootstrap"), "{text}");
    assert!(!text.contains(step), "{text}");
    for method in [
        vmcs_model::BootMethod::Pygrub,
        vmcs_model::BootMethod::Bootloader,
    ] {
        let mut p = direct.clone();
        p.system.kernel.boot = method;
        let (plan, _) = vmcs_image::build(&p, &options(Path::new("/state"))).unwrap();
        let text = plan.to_string();
        assert_eq!(text.matches(step).count(), 1, "{method:?}: {text}");
        assert!(text.contains("update-initramfs -c -k $v"), "{text}");
    }
}
