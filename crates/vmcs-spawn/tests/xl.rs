//! Every generated `xl` config is parsed by the real `xl -N create` (xen-utils-4.17) with an
//! LD_PRELOAD stub standing in for the hypervisor; any stderr beyond "Parsing config" fails.

use std::path::{Path, PathBuf};
use vmcs_model::VmProfile;
use vmcs_spawn::{runner::Runner, Backend, SpawnOptions};

const PROFILES: &[&str] = &["webserver", "spec-node", "net-web", "net-app", "net-db"];

fn xl_binary() -> PathBuf {
    let found = std::fs::read_dir("/usr/lib").ok().and_then(|rd| {
        rd.flatten().map(|e| e.path().join("bin/xl")).find(|p| {
            p.is_file()
                && p.parent()
                    .and_then(|d| d.parent())
                    .is_some_and(|d| d.to_string_lossy().contains("xen-"))
        })
    });
    found.unwrap_or_else(|| {
        panic!("`xl` (xen-utils-4.17) is not installed: run `scripts/install-spawn-deps.sh`")
    })
}

fn a(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn real_xl_parses_every_generated_config() {
    let xl = xl_binary();
    let tmp = tempfile::tempdir().unwrap();
    let runner = Runner::new(&tmp.path().join("xl-test.log"), false);
    let stub = tmp.path().join("xlstub.so");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/xlstub.c");
    runner
        .run(
            "build the xl stub",
            &a(&[
                "cc",
                "-shared",
                "-fPIC",
                "-o",
                &stub.display().to_string(),
                &src.display().to_string(),
            ]),
            &[],
            false,
            &[],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    for name in PROFILES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(format!("{name}.json"));
        let p = VmProfile::from_path(&path).unwrap();
        let state = tmp.path().join(name);
        let mut o = SpawnOptions::new(&state);
        o.dry_run = true;
        o.backend = Some(Backend::Xen);
        let (plan, _) = vmcs_spawn::spawn_profile(&p, &o).unwrap();
        let cfg = plan
            .steps()
            .find_map(|s| match &s.action {
                vmcs_spawn::plan::Action::Write { path, contents, .. }
                    if path.ends_with("xl.cfg") =>
                {
                    Some(contents.clone())
                }
                _ => None,
            })
            .unwrap();
        let cfg_path = tmp.path().join(format!("{name}.cfg"));
        std::fs::write(&cfg_path, &cfg).unwrap();
        let env = vec![("LD_PRELOAD".to_string(), stub.display().to_string())];
        let json = runner
            .run(
                &format!("xl -N create {name}"),
                &a(&[
                    &xl.display().to_string(),
                    "-N",
                    "create",
                    &cfg_path.display().to_string(),
                ]),
                &env,
                true,
                &["Parsing config from"],
            )
            .unwrap_or_else(|e| panic!("{name}: xl rejected the config:\n{cfg}\n{e}"));
        let v: serde_json::Value = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{name}: xl printed no JSON ({e}):\n{json}"));
        assert_eq!(v["c_info"]["name"], p.vm.name.as_str(), "{name}");
        assert_eq!(v["b_info"]["max_vcpus"], p.hardware.vcpus, "{name}");
    }
}

#[test]
fn the_stub_check_catches_bad_configs() {
    // The check itself must be able to fail: a bad MAC only warns, and must still fail.
    let xl = xl_binary();
    let tmp = tempfile::tempdir().unwrap();
    let runner = Runner::new(&tmp.path().join("xl-test.log"), false);
    let stub = tmp.path().join("xlstub.so");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/xlstub.c");
    runner
        .run(
            "build the xl stub",
            &a(&[
                "cc",
                "-shared",
                "-fPIC",
                "-o",
                &stub.display().to_string(),
                &src.display().to_string(),
            ]),
            &[],
            false,
            &[],
        )
        .unwrap();
    let cfg = tmp.path().join("bad.cfg");
    std::fs::write(&cfg, "name = \"bad\"\ntype = \"pvh\"\nmemory = 512\nkernel = \"/k\"\nvif = [ 'mac=zz:00, bridge=br0' ]\n").unwrap();
    let env = vec![("LD_PRELOAD".to_string(), stub.display().to_string())];
    let r = runner.run(
        "xl -N create bad",
        &a(&[
            &xl.display().to_string(),
            "-N",
            "create",
            &cfg.display().to_string(),
        ]),
        &env,
        true,
        &["Parsing config from"],
    );
    assert!(r
        .unwrap_err()
        .to_string()
        .contains("Invalid parameter `mac'"));
}
