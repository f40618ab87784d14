//! End-to-end spawn tests (feature `e2e`): debootstrap, apt, images, a QEMU boot under TCG,
//! cache reuse, and cleanup after a failure. Needs root and `scripts/install-spawn-deps.sh`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use vmcs_model::VmProfile;
use vmcs_spawn::{runner::Runner, Cache, QemuNet, SpawnOptions};

fn profile(name: &str) -> VmProfile {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut p =
        VmProfile::from_json_str(&std::fs::read_to_string(dir.join("webserver.json")).unwrap())
            .unwrap();
    p.vm.name = name.into();
    p.system.hostname = name.into();
    p.software
        .knowledge
        .get_mut("boot-marker")
        .unwrap()
        .location = Some(dir.join("boot-marker").display().to_string());
    p
}

fn options(state: &Path) -> SpawnOptions {
    let mut o = SpawnOptions::new(state);
    o.progress = false;
    o.qemu_net = QemuNet::Auto;
    o
}

/// Wait for the boot marker of `name` on its serial console.
fn wait_marker(state: &Path, name: &str, timeout: Duration) -> String {
    let log = state.join("vms").join(name).join("serial.log");
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if let Some(line) = text.lines().find(|l| l.contains("VMCS-BOOT-OK")) {
            eprintln!(
                "{name}: marker after {:.1}s: {line}",
                start.elapsed().as_secs_f64()
            );
            return line.to_string();
        }
        assert!(
            start.elapsed() < timeout,
            "no boot marker from {name} after {timeout:?}; serial log:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn spawn_boot_cache_and_cleanup() {
    assert!(
        vmcs_spawn::which("debootstrap") && vmcs_spawn::which("qemu-system-x86_64"),
        "run scripts/install-spawn-deps.sh first"
    );
    let base = if Path::new("/dev/shm").is_dir() {
        "/dev/shm"
    } else {
        "/tmp"
    };
    let tmp = tempfile::Builder::new()
        .prefix("vmcs-e2e-")
        .tempdir_in(base)
        .unwrap();
    let state = tmp.path();

    // 1. Cold: debootstrap, apt, image, boot to the marker.
    let t = Instant::now();
    let (_, r1) = vmcs_spawn::spawn_profile(&profile("web"), &options(state))
        .unwrap_or_else(|e| panic!("{e:?}"));
    eprintln!(
        "first VM ready to boot after {:.1}s",
        t.elapsed().as_secs_f64()
    );
    let line = wait_marker(state, "web", Duration::from_secs(180));
    assert!(line.contains("host=web "), "{line}");
    let log1 = std::fs::read_to_string(&r1.log).unwrap();
    assert!(
        log1.contains("$ eatmydata debootstrap") || log1.contains("$ debootstrap"),
        "{log1}"
    );

    // 2. Same software, another VM: no debootstrap, no apt, its own host name and machine-id.
    let t = Instant::now();
    let (_, r2) = vmcs_spawn::spawn_profile(&profile("web2"), &options(state))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let ready = t.elapsed().as_secs_f64();
    eprintln!("second VM ready to boot after {ready:.2}s");
    let log2 = std::fs::read_to_string(&r2.log).unwrap();
    assert!(
        !log2.contains("debootstrap") && !log2.contains("apt-get"),
        "second spawn ran debootstrap or apt:\n{log2}"
    );
    let line2 = wait_marker(state, "web2", Duration::from_secs(180));
    assert!(line2.contains("host=web2 "), "{line2}");
    assert_ne!(
        line.split("id=").nth(1),
        line2.split("id=").nth(1),
        "machine-ids must differ"
    );

    // 3. A failing step: everything the spawn created goes (disk files, rows, its bridge).
    let mut p3 = profile("web3");
    p3.network.interfaces[0].bridge = "vmcsbr9".into();
    let mut o3 = options(state);
    o3.fail_after = Some("rebase the overlay".into());
    let err = vmcs_spawn::spawn_profile(&p3, &o3).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("injected failure") && msg.contains("No such file"),
        "{msg}"
    );
    assert!(
        !state.join("vms/web3").exists(),
        "VM directory left behind: {:?}",
        files_under(&state.join("vms/web3"))
    );
    assert!(
        !Path::new("/sys/class/net/vmcsbr9").exists(),
        "bridge left behind"
    );
    let cache = Cache::open(state).unwrap();
    assert!(cache.vms().unwrap().iter().all(|v| v.name != "web3"));

    // 4. A bad mirror: debootstrap fails, no layer directory or row remains; then it works again.
    let mut p4 = profile("web4");
    p4.system.os.mirror = "http://127.0.0.1:9/debian".into();
    let layers_before = files_under(&state.join("layers")).len();
    let err = vmcs_spawn::spawn_profile(&p4, &options(state)).unwrap_err();
    assert_eq!(err.step(), Some("debootstrap the root filesystem"), "{err}");
    assert_eq!(
        files_under(&state.join("layers")).len(),
        layers_before,
        "layer directory left behind"
    );
    assert_eq!(cache.layers().unwrap().len(), 3);
    assert!(cache.vms().unwrap().iter().all(|v| v.name != "web4"));
    let (_, r3) = vmcs_spawn::spawn_profile(&profile("web3"), &options(state))
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(r3.reused_layers.len() == 3);

    // Leave the host as found: stop web3, delete the bridge the first spawn created.
    let _ = vmcs_spawn::backend::qmp_quit(&state.join("vms/web3/qmp.sock"));
    std::thread::sleep(Duration::from_millis(500));
    let runner = Runner::new(&state.join("logs/teardown.log"), false);
    let ip_del = |dev: String| vec!["ip".to_string(), "link".into(), "del".into(), dev];
    for name in ["web", "web2", "web3"] {
        let inst = vmcs_spawn::instances(&profile(name), 1).remove(0);
        let _ = runner.run(
            "teardown",
            &ip_del(vmcs_spawn::backend::tap_name(&inst, 0)),
            &[],
            false,
            &[],
        );
    }
    let _ = runner.run("teardown", &ip_del("vmcsbr0".into()), &[], false, &[]);
}
