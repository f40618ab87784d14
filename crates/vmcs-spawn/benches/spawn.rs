//! Spawn benchmark: first VM cold, second VM cached, then 4, 8 and 16 VMs at once; prints
//! seconds to a bootable disk and (for the first two) to the boot marker on the serial console.
//! Run: `cargo bench -p vmcs-spawn --bench spawn` (root, after `scripts/install-spawn-deps.sh`).

use std::path::Path;
use std::time::{Duration, Instant};
use vmcs_model::VmProfile;
use vmcs_spawn::{QemuNet, SpawnOptions};

fn profile(name: &str) -> VmProfile {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut p = VmProfile::from_json_str(
        &std::fs::read_to_string(dir.join("webserver.json")).expect("test profile"),
    )
    .expect("valid profile");
    p.vm.name = name.into();
    p.system.hostname = name.into();
    if let Some(k) = p.software.knowledge.get_mut("boot-marker") {
        k.location = Some(dir.join("boot-marker").display().to_string());
    }
    p
}

fn wait_marker(state: &Path, name: &str) -> Option<f64> {
    let start = Instant::now();
    let log = state.join("vms").join(name).join("serial.log");
    while start.elapsed() < Duration::from_secs(300) {
        if std::fs::read_to_string(&log)
            .unwrap_or_default()
            .contains("VMCS-BOOT-OK")
        {
            return Some(start.elapsed().as_secs_f64());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let tmp = tempfile::Builder::new()
        .prefix("vmcs-bench-")
        .tempdir_in("/dev/shm")
        .expect("tmpfs state dir");
    let state = tmp.path();
    let opts = |count: u32, start: bool| {
        let mut o = SpawnOptions::new(state);
        o.progress = false;
        o.qemu_net = QemuNet::None;
        o.count = count;
        o.start = start;
        o
    };
    println!(
        "{:<28} {:>10} {:>12} {:>14}",
        "case", "disk ready", "per VM", "boot marker"
    );
    for (name, label) in [("bench-a", "1st VM (cold)"), ("bench-b", "2nd VM (cached)")] {
        let t = Instant::now();
        if let Err(e) = vmcs_spawn::spawn_profile(&profile(name), &opts(1, true)) {
            eprintln!("{e:?}");
            std::process::exit(1);
        }
        let ready = t.elapsed().as_secs_f64();
        let marker = wait_marker(state, name)
            .map(|m| format!("+{m:.1}s"))
            .unwrap_or_else(|| "none".into());
        println!("{label:<28} {ready:>9.2}s {ready:>11.2}s {marker:>14}");
    }
    for n in [4u32, 8, 16] {
        let t = Instant::now();
        if let Err(e) = vmcs_spawn::spawn_profile(&profile(&format!("bench-n{n}")), &opts(n, false))
        {
            eprintln!("{e:?}");
            std::process::exit(1);
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{:<28} {s:>9.2}s {:>11.2}s {:>14}",
            format!("{n} VMs (cached, parallel)"),
            s / n as f64,
            "-"
        );
    }
    let used = vmcs_spawn::cache::disk_usage(&state.join("vms"));
    println!("disk used by all VM overlays: {} MiB", used >> 20);
}
