//! A field added to the stdlib schema shows up in the configure form with no portal change:
//! the portal runs on a copy of the stdlib (`VMCS_STDLIB`) whose `vmcs_hardware` has one
//! more field, and `GET /api/v1/schema` lists it with its type, default and allowed values,
//! and the form may set it. (One test in this binary: it sets a process environment variable.)

mod support;
use serde_json::json;

fn copy(from: &std::path::Path, to: &std::path::Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let t = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&t).unwrap();
            copy(&e.path(), &t);
        } else {
            std::fs::copy(e.path(), &t).unwrap();
        }
    }
}

#[test]
fn a_new_schema_field_appears_in_the_form() {
    let stdlib = vmcs_stdlib::dir().unwrap();
    let copy_dir = tempfile::tempdir().unwrap();
    copy(&stdlib, copy_dir.path());
    let hw = copy_dir.path().join("vmcs/schema/hardware.pan");
    let text = std::fs::read_to_string(&hw).unwrap();
    let text = text.replace(
        "    'cdroms' : vmcs_cdrom[] = list()\n",
        "    'cdroms' : vmcs_cdrom[] = list()\n    'cpu_model' : string = 'host' with vmcs_one_of(SELF, list('host', 'max', 'qemu64'))\n",
    );
    assert!(
        text.contains("cpu_model"),
        "the schema copy has the new field"
    );
    std::fs::write(&hw, text).unwrap();
    std::env::set_var("VMCS_STDLIB", copy_dir.path());

    let srv = support::server();
    srv.add_user("dave", "correct horse", false);
    let mut s = srv.client();
    s.login_json("dave", "correct horse");
    let (st, v) = s.get("/api/v1/schema");
    assert_eq!(st, 200, "{v}");
    let f = v["schema"]["sections"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "/hardware/cpu_model")
        .cloned()
        .unwrap_or_else(|| panic!("no /hardware/cpu_model in {v}"));
    assert_eq!(f["kind"], "choice");
    assert_eq!(f["default"], "host");
    assert_eq!(f["choices"], json!(["host", "max", "qemu64"]));
    // the form may set it: it reaches the generated template as a quoted string
    let (st, r) = s.post(
        "/api/v1/configure/preview",
        json!({ "name": "n1", "preset": "web", "values": { "/hardware/cpu_model": "max" } }),
    );
    assert_eq!(st, 200, "{r}");
    assert!(
        r["pan"]
            .as_str()
            .unwrap()
            .contains("\"/hardware/cpu_model\" = \"max\";"),
        "{r}"
    );
    assert!(
        r["xml"]
            .as_str()
            .unwrap_or("")
            .contains("<string name=\"cpu_model\">max</string>")
            || r["ok"] == false,
        "{r}"
    );
}
