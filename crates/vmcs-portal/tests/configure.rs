//! The configure form's API as a user drives it: the schema and presets, a preview that
//! breaks a knowledge-center rule (shown against its field, with its suggestion), the fix
//! applied to the form's values, the save; hostile names, paths and values refused; and the
//! package search with a dependency closure and its size, from an index of the state dir.

mod support;
use serde_json::{json, Value};
use support::server;

fn field<'a>(schema: &'a Value, path: &str) -> &'a Value {
    schema["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["fields"].as_array().unwrap())
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("no field {path}"))
}

#[test]
fn configure_preview_conflict_fix_and_save() {
    let srv = server();
    srv.add_user("alice", "correct horse", false);
    let mut s = srv.client();
    s.login_json("alice", "correct horse");

    let (st, v) = s.get("/api/v1/schema");
    assert_eq!(st, 200, "{v}");
    let vcpus = field(&v["schema"], "/hardware/vcpus");
    assert_eq!(
        (
            vcpus["kind"].as_str(),
            vcpus["min"].as_i64(),
            vcpus["max"].as_i64()
        ),
        (Some("long"), Some(1), Some(256))
    );
    assert_eq!(
        field(&v["schema"], "/hardware/hypervisor")["choices"],
        json!(["xen-pv", "xen-pvh", "xen-hvm", "qemu"])
    );
    let sections: Vec<&str> = v["schema"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        &sections[..5],
        ["hardware", "system", "network", "storage", "software"]
    );

    let (st, p) = s.get("/api/v1/configure/presets");
    assert_eq!(st, 200, "{p}");
    let names: Vec<&str> = p["presets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"small") && names.contains(&"web"),
        "{names:?}"
    );

    // maxmem below memory breaks a hardware rule whose fix raises maxmem
    let form = json!({ "name": "cfg1", "preset": "web",
        "values": { "/hardware/memory": 512, "/hardware/maxmem": 256 } });
    let (st, r) = s.post("/api/v1/configure/preview", form.clone());
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["ok"], false, "{r}");
    assert_eq!(r["field"], "/hardware/maxmem", "{r}");
    assert!(r["detail"]["rule"]["suggest"].is_string(), "{r}");
    assert!(
        r["pan"]
            .as_str()
            .unwrap()
            .contains("'/hardware/maxmem' = 256;")
            || r["pan"]
                .as_str()
                .unwrap()
                .contains("\"/hardware/maxmem\" = 256;"),
        "{r}"
    );

    let (st, f) = s.post("/api/v1/configure/fix", form);
    assert_eq!(st, 200, "{f}");
    assert_eq!(f["applied"]["field"], "/hardware/maxmem", "{f}");
    assert_eq!(f["values"]["/hardware/maxmem"], 512, "{f}");
    assert_eq!(f["preview"]["ok"], true, "{f}");
    assert!(
        f["preview"]["xml"]
            .as_str()
            .unwrap()
            .contains("<long name=\"maxmem\">512</long>"),
        "{f}"
    );
    assert_eq!(f["preview"]["profile"]["hardware"]["maxmem"], 512);

    let pan = f["preview"]["pan"].as_str().unwrap().to_string();
    let (st, saved) = s.post("/api/v1/profiles", json!({ "name": "cfg1", "pan": pan }));
    assert_eq!(st, 201, "{saved}");
    let (st, got) = s.get(&format!("/api/v1/profiles/{}", saved["id"]));
    assert_eq!(st, 200);
    assert!(got["latest"]["xml"]
        .as_str()
        .unwrap()
        .contains("<long name=\"maxmem\">512</long>"));

    // the page is there for a logged-in user
    let (st, html) = s.page("/configure");
    assert_eq!(st, 200);
    assert!(html.contains("/assets/configure.js"));
}

#[test]
fn hostile_forms_are_refused_or_stay_strings() {
    let srv = server();
    srv.add_user("bob", "correct horse", false);
    let mut s = srv.client();
    s.login_json("bob", "correct horse");
    for (form, want) in [
        (json!({ "name": "x'; include 'y", "values": {} }), 400),
        (json!({ "name": "../../etc/passwd", "values": {} }), 400),
        (
            json!({ "name": "ok", "preset": "../../x", "values": {} }),
            400,
        ),
        (
            json!({ "name": "ok", "values": { "/system/x' = 1; '": "y" } }),
            400,
        ),
        (
            json!({ "name": "ok", "values": { "/hardware/vcpus": "1; '/a' = 2" } }),
            400,
        ),
        (
            json!({ "name": "ok", "values": { "/hardware/vcpus": [1] } }),
            400,
        ),
        (
            json!({ "name": "ok", "values": { "/software/packages": { "a": null } } }),
            400,
        ),
        (json!({ "name": 5 }), 422),
    ] {
        let (st, r) = s.post("/api/v1/configure/preview", form.clone());
        assert_eq!(st, want, "{form} -> {r}");
    }
    let (st, _) = s.call(
        "POST",
        "/api/v1/configure/preview",
        Some(Value::String("{".into())),
        true,
    );
    assert!(st == 400 || st == 422, "{st}");
    // the small preset attaches a host ISO: refused for portal users, shown at its field
    let (st, r) = s.post(
        "/api/v1/configure/preview",
        json!({ "name": "ok", "preset": "small", "values": {} }),
    );
    assert_eq!(
        (st, &r["ok"], &r["field"]),
        (200, &json!(false), &json!("/hardware/cdroms")),
        "{r}"
    );
    // A hostile string is one Pan string: the profile carries it verbatim.
    let evil = "x\"; '/system/root/password_login' = true; \"";
    let (st, r) = s.post(
        "/api/v1/configure/preview",
        json!({ "name": "ok", "preset": "small",
        "values": { "/vm/description": evil, "/system/locale": evil } }),
    );
    assert_eq!(st, 400, "/vm is not a form field: {r}");
    let (st, r) = s.post(
        "/api/v1/configure/preview",
        json!({ "name": "ok", "preset": "web",
        "values": { "/system/locale": evil } }),
    );
    assert_eq!(st, 200, "{r}");
    if r["ok"] == true {
        assert_eq!(r["profile"]["system"]["locale"], evil);
        assert_eq!(r["profile"]["system"]["root"]["password_login"], false);
    }
    // without a session: 401; without the CSRF token: 403
    let anon = srv.client();
    assert_eq!(anon.get("/api/v1/schema").0, 401);
    assert_eq!(
        s.call(
            "POST",
            "/api/v1/configure/preview",
            Some(json!({"name": "a"})),
            false
        )
        .0,
        403
    );
}

const INDEX: &str = "Package: pkg-a
Version: 1.0-1
Architecture: all
Depends: pkg-b (>= 2)
Installed-Size: 100
Filename: pool/a.deb
Size: 10

Package: pkg-b
Version: 2.1
Architecture: all
Depends: libpkg-c
Installed-Size: 200
Filename: pool/b.deb
Size: 10

Package: libpkg-c
Version: 3
Architecture: all
Installed-Size: 300
Filename: pool/c.deb
Size: 10

Package: other
Version: 1
Architecture: all
Installed-Size: 5
Filename: pool/o.deb
Size: 10
";

#[test]
fn package_search_and_closure() {
    let srv = server();
    std::fs::create_dir_all(srv.dir.path().join("packages")).unwrap();
    std::fs::write(srv.dir.path().join("packages/Packages"), INDEX).unwrap();
    srv.add_user("carol", "correct horse", false);
    let mut s = srv.client();
    s.login_json("carol", "correct horse");
    let (st, r) = s.get("/api/v1/packages?q=pkg");
    assert_eq!(st, 200, "{r}");
    let names: Vec<&str> = r["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["pkg-a", "pkg-b", "libpkg-c"],
        "prefix matches first"
    );
    let (st, c) = s.get("/api/v1/packages/pkg-a/closure");
    assert_eq!(st, 200, "{c}");
    assert_eq!(c["count"], 3, "{c}");
    assert_eq!(c["installed_size_kib"], 600, "{c}");
    assert_eq!(s.get("/api/v1/packages/nope/closure").0, 404);
    for q in [
        "",
        "%27%3B%20drop",
        "..%2F..%2Fetc",
        "A",
        &"a".repeat(65),
        "%00",
        "%3Cscript%3E",
    ] {
        let (st, r) = s.get(&format!("/api/v1/packages?q={q}"));
        assert_eq!(st, 400, "{q}: {r}");
    }
    assert_eq!(s.get("/api/v1/packages/..%2Fx/closure").0, 400);
    assert_eq!(srv.client().get("/api/v1/packages?q=pkg").0, 401);
}
