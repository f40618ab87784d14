//! The definition component's last step: `vmcs compile --resolve-packages` writes the resolved
//! package set into a VM profile, in install order, and the spawn model reads it back.

use std::process::Command;

#[test]
fn web_example_profile_carries_its_resolved_software() {
    let root = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../..");
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_vmcs"))
        .current_dir(&root)
        .args([
            "compile",
            "--include-path",
            "examples:stdlib-templates",
            "--formats",
            "json,pan",
            "--resolve-packages",
        ])
        .arg("--output-dir")
        .arg(out.path())
        .arg("examples/web.pan")
        .status()
        .unwrap();
    assert!(status.success(), "vmcs compile --resolve-packages failed (are apt's package lists present? run scripts/install-deps.sh)");
    let text = std::fs::read_to_string(out.path().join("web.json")).unwrap();
    let profile = vmcs_model::VmProfile::from_json_str(&text).expect("profile fits the VM schema");
    let resolved = &profile.software.resolved;
    let requested: Vec<&str> = resolved
        .iter()
        .filter(|p| p.requested)
        .map(|p| p.name.as_str())
        .collect();
    for want in ["nginx", "openssh-server"] {
        assert!(
            requested.contains(&want),
            "{want} is not among the requested packages {requested:?}"
        );
    }
    assert!(resolved.len() > requested.len(), "nothing was pulled in");
    // Install order puts dependencies first: whatever pulled a package in comes later
    // (except inside a dependency cycle).
    for p in resolved {
        for by in &p.pulled_in_by {
            if let Some(q) = resolved.iter().find(|q| &q.name == by) {
                if !q.pulled_in_by.contains(&p.name) {
                    assert!(
                        p.order <= q.order,
                        "{} (order {}) should install before {} (order {})",
                        p.name,
                        p.order,
                        q.name,
                        q.order
                    );
                }
            }
        }
    }
    let xml = std::fs::read_to_string(out.path().join("web.xml")).unwrap();
    let from_xml =
        vmcs_model::VmProfile::from_pan_xml_str(&xml).expect("the XML skeleton reads back");
    assert_eq!(from_xml.software.resolved.len(), resolved.len());
}
