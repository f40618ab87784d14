//! The designer's API as a user drives it: a two-VM drawing becomes a Pan network template
//! (addresses assigned from the switch's subnet), is saved, reopened as the same drawing,
//! edited on the Pan side and redrawn; the CLI's own shape (`examples/net/lab.pan` with its
//! segment template) opens as a drawing; the deployment plan lists the address table;
//! another user sees none of it; hostile names are refused.

mod support;
use serde_json::json;
use support::{server, vm_pan};

fn two_vm() -> serde_json::Value {
    json!({
        "name": "lab",
        "switches": [{ "name": "lan", "network": "10.30.0.0", "prefix": 24, "x": 300, "y": 80 }],
        "vms": [{ "name": "web", "source": "preset:web", "x": 150, "y": 280 },
                { "name": "db", "x": 450, "y": 280 }],
        "links": [{ "vm": "web", "switch": "lan", "address": "10.30.0.10" }, { "vm": "db", "switch": "lan" }]
    })
}

#[test]
fn draw_save_reopen_edit_and_plan() {
    let srv = server();
    srv.add_user("alice", "correct horse", false);
    srv.add_user("mallory", "correct horse", false);
    let mut a = srv.client();
    a.login_json("alice", "correct horse");

    let (st, r) = a.post("/api/v1/designer/pan", json!({ "drawing": two_vm() }));
    assert_eq!(st, 200, "{r}");
    let pan = r["pan"].as_str().unwrap();
    assert!(pan.contains("include 'vmcs/network/net';"), "{pan}");
    assert_eq!(r["drawing"]["links"][1]["address"], "10.30.0.2", "{r}");

    let (st, saved) = a.post("/api/v1/designs", json!({ "drawing": two_vm() }));
    assert_eq!(st, 201, "{saved}");
    let id = saved["id"].as_i64().unwrap();
    let (st, got) = a.get(&format!("/api/v1/designs/{id}"));
    assert_eq!(st, 200, "{got}");
    let d = &got["drawing"];
    assert_eq!(d["name"], "lab");
    let vms: Vec<(&str, f64, f64)> = d["vms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["name"].as_str().unwrap(),
                v["x"].as_f64().unwrap(),
                v["y"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        vms,
        [("web", 150.0, 280.0), ("db", 450.0, 280.0)],
        "the same drawing, same places"
    );
    assert_eq!(d["vms"][0]["source"], "preset:web");
    assert_eq!(d["links"].as_array().unwrap().len(), 2);
    assert_eq!(d["switches"][0]["x"], 300.0);

    // edit the Pan side: move db to .99; the drawing follows
    let edited = got["design"]["pan"]
        .as_str()
        .unwrap()
        .replace("10.30.0.2", "10.30.0.99");
    let (st, r) = a.post(
        "/api/v1/designer/drawing",
        json!({ "pan": edited, "drawing": d }),
    );
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["drawing"]["links"][1]["address"], "10.30.0.99");
    assert_eq!(r["drawing"]["vms"][1]["x"], 450.0, "positions kept");

    // a Pan template that is not a network: 422 with the reason
    let (st, _) = a.post(
        "/api/v1/designer/drawing",
        json!({ "pan": vm_pan("web", "web") }),
    );
    assert_eq!(st, 422);

    // the plan: web has a saved profile (build), db has none (a problem)
    let (st, _) = a.post(
        "/api/v1/profiles",
        json!({ "name": "web", "pan": vm_pan("web", "web") }),
    );
    assert_eq!(st, 201);
    let (st, p) = a.post(&format!("/api/v1/designs/{id}/plan"), json!({}));
    assert_eq!(st, 200, "{p}");
    assert_eq!(p["members"][0]["vm"], "web");
    assert_eq!(p["members"][0]["address"], "10.30.0.10");
    assert_eq!(p["members"][0]["bridge"], "br-lan");
    assert_eq!(p["members"][0]["action"], "build");
    assert_eq!(p["members"][1]["action"], "none");
    assert_eq!(p["ready"], false);

    // another user sees nothing of it
    let mut m = srv.client();
    m.login_json("mallory", "correct horse");
    assert_eq!(m.get(&format!("/api/v1/designs/{id}")).0, 404);
    assert_eq!(
        m.post(&format!("/api/v1/designs/{id}/plan"), json!({})).0,
        404
    );
    assert_eq!(
        m.call("DELETE", &format!("/api/v1/designs/{id}"), None, true)
            .0,
        404
    );
    assert_eq!(m.get("/api/v1/designs").1["designs"], json!([]));
    assert_eq!(
        a.call("DELETE", &format!("/api/v1/designs/{id}"), None, true)
            .0,
        200
    );

    let (st, html) = a.page("/designer");
    assert_eq!(st, 200);
    assert!(html.contains("/assets/designer.js"));
}

#[test]
fn the_cli_shape_opens_as_a_drawing() {
    let srv = server();
    srv.add_user("bob", "correct horse", false);
    let mut b = srv.client();
    b.login_json("bob", "correct horse");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/net");
    let seg = std::fs::read_to_string(root.join("lab-segment.pan")).unwrap();
    let lab = std::fs::read_to_string(root.join("lab.pan")).unwrap();
    let (st, r) = b.post(
        "/api/v1/templates",
        json!({ "name": "net/lab-segment", "text": seg }),
    );
    assert_eq!(st, 201, "{r}");
    let (st, r) = b.post("/api/v1/designer/drawing", json!({ "pan": lab }));
    assert_eq!(st, 200, "{r}");
    let d = &r["drawing"];
    let names: Vec<&str> = d["vms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["web", "app", "db"]);
    assert_eq!(d["switches"][0]["bridge"], "br-lab");
    assert_eq!(d["links"][2]["address"], "10.20.0.30");
    // and saves as a design whose Pan is that template
    let (st, r) = b.post("/api/v1/designs", json!({ "pan": lab }));
    assert_eq!(st, 201, "{r}");
}

#[test]
fn hostile_drawings_are_refused() {
    let srv = server();
    srv.add_user("carol", "correct horse", false);
    let mut c = srv.client();
    c.login_json("carol", "correct horse");
    let mut cases = Vec::new();
    let mut d = two_vm();
    d["name"] = json!("lab'; include 'x");
    cases.push(d);
    let mut d = two_vm();
    d["vms"][0]["name"] = json!("<script>");
    cases.push(d);
    let mut d = two_vm();
    d["vms"][1]["object"] = json!("../../../etc/passwd");
    cases.push(d);
    let mut d = two_vm();
    d["switches"][0]["bridge"] = json!("br0; rm -rf /");
    cases.push(d);
    let mut d = two_vm();
    d["switches"][0]["network"] = json!("10.0.0.0\"); '/x' = (\"");
    cases.push(d);
    let mut d = two_vm();
    d["links"][0]["address"] = json!("10.30.0.255");
    cases.push(d);
    for d in cases {
        let (st, r) = c.post("/api/v1/designer/pan", json!({ "drawing": d }));
        assert_eq!(st, 400, "{d} -> {r}");
        let (st, _) = c.post("/api/v1/designs", json!({ "drawing": d }));
        assert_eq!(st, 400);
    }
    let (st, _) = c.post(
        "/api/v1/designs",
        json!({ "pan": "object template x;\n'/a' = file_contents('/etc/passwd');\n" }),
    );
    assert_eq!(st, 422);
    let (st, _) = c.post("/api/v1/designer/pan", json!({ "drawing": 5 }));
    assert_eq!(st, 422);
    assert_eq!(c.get("/api/v1/designs/abc").0, 400);
}

/// Deploying a design compiles each member from the caller's profile onto the drawn switch:
/// two VMs from one profile get their own names and planned addresses and know each other;
/// a design that is not ready, a VM on two switches and another user's design are refused.
#[test]
fn deploy_compiles_each_member_onto_the_drawn_switch() {
    let srv = server();
    srv.add_user("dana", "correct horse", false);
    srv.add_user("mallory", "correct horse", false);
    let mut a = srv.client();
    a.login_json("dana", "correct horse");
    let (st, r) = a.post(
        "/api/v1/profiles",
        json!({ "name": "web", "pan": vm_pan("web", "web") }),
    );
    assert_eq!(st, 201, "{r}");
    let drawing = json!({
        "name": "pair",
        "switches": [{ "name": "lan", "network": "10.31.0.0", "prefix": 24, "gateway": "10.31.0.1" }],
        "vms": [{ "name": "front", "object": "web" }, { "name": "back", "object": "web" }],
        "links": [{ "vm": "front", "switch": "lan", "address": "10.31.0.10" },
                  { "vm": "back", "switch": "lan" }]
    });
    let (st, saved) = a.post("/api/v1/designs", json!({ "drawing": drawing }));
    assert_eq!(st, 201, "{saved}");
    let id = saved["id"].as_i64().unwrap();
    let (st, r) = a.post(
        &format!("/api/v1/designs/{id}/deploy"),
        json!({ "dry_run": true }),
    );
    assert_eq!(st, 200, "{r}");
    let b = r["build"].as_array().unwrap();
    assert_eq!(b.len(), 2, "{r}");
    let by = |n: &str| b.iter().find(|m| m["name"] == n).unwrap().clone();
    let (f, k) = (by("front"), by("back"));
    assert_eq!(f["hostname"], "front");
    assert_eq!(f["interfaces"][0]["address"], "10.31.0.10", "{f}");
    assert_eq!(f["interfaces"][0]["gateway"], "10.31.0.1", "{f}");
    assert_eq!(f["interfaces"][0]["bridge"], "br-lan", "{f}");
    assert_eq!(k["interfaces"][0]["address"], "10.31.0.2", "{k}");
    let names: Vec<&str> = k["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["front", "back"], "{k}");

    // another user: 404, also for deploying
    let mut m = srv.client();
    m.login_json("mallory", "correct horse");
    assert_eq!(
        m.post(&format!("/api/v1/designs/{id}/deploy"), json!({})).0,
        404
    );
    // not ready (a VM with no profile of its name or object): 409 naming it
    let mut d = drawing.clone();
    d["vms"][1]["object"] = json!("nosuch");
    let (_, saved) = a.post("/api/v1/designs", json!({ "drawing": d }));
    let (st, r) = a.post(
        &format!("/api/v1/designs/{}/deploy", saved["id"]),
        json!({ "dry_run": true }),
    );
    assert_eq!(st, 409, "{r}");
    assert!(r["error"].as_str().unwrap().contains("back"), "{r}");
    // a VM on two switches
    let mut d = drawing.clone();
    d["switches"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "name": "san", "network": "10.32.0.0", "prefix": 24 }));
    d["links"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "vm": "front", "switch": "san" }));
    let (st, saved) = a.post("/api/v1/designs", json!({ "drawing": d }));
    assert_eq!(st, 201, "{saved}");
    let (st, r) = a.post(
        &format!("/api/v1/designs/{}/deploy", saved["id"]),
        json!({ "dry_run": true }),
    );
    assert_eq!(st, 409, "{r}");
    assert!(r["error"].as_str().unwrap().contains("2 switches"), "{r}");
    // an unknown host
    let (st, _) = a.post(
        &format!("/api/v1/designs/{id}/deploy"),
        json!({ "host": "nosuchhost" }),
    );
    assert_eq!(st, 400);
}

/// Taking a deployed design down: refused before it is deployed, refused for another user's
/// design (404) or for a design whose network name another user holds (409, as deploying
/// it is); the owner's `rm` stops and removes every member and forgets the network.
#[test]
fn down_takes_the_owners_network_down_and_no_one_elses() {
    let srv = server();
    srv.add_user("dana", "correct horse", false);
    srv.add_user("mallory", "correct horse", false);
    let mut a = srv.client();
    a.login_json("dana", "correct horse");
    let mut m = srv.client();
    m.login_json("mallory", "correct horse");
    let drawing = json!({
        "name": "pair",
        "switches": [{ "name": "lan", "network": "10.31.0.0", "prefix": 24 }],
        "vms": [{ "name": "front", "object": "web" }],
        "links": [{ "vm": "front", "switch": "lan" }]
    });
    for c in [&mut a, &mut m] {
        let (st, r) = c.post(
            "/api/v1/profiles",
            json!({ "name": "web", "pan": vm_pan("web", "web") }),
        );
        assert_eq!(st, 201, "{r}");
    }
    let (_, saved) = a.post("/api/v1/designs", json!({ "drawing": drawing }));
    let id = saved["id"].as_i64().unwrap();
    let (_, theirs) = m.post("/api/v1/designs", json!({ "drawing": drawing }));
    let mid = theirs["id"].as_i64().unwrap();
    let down = format!("/api/v1/designs/{id}/down");
    let (st, r) = a.post(&down, json!({}));
    assert_eq!(st, 409, "{r}");
    assert!(r["error"].as_str().unwrap().contains("not deployed"), "{r}");
    // What `deploy` records: the network and its member, dana's, with its machine spec.
    let (st, v) = a.post(
        "/api/v1/profiles",
        json!({ "name": "front", "pan": vm_pan("front", "front") }),
    );
    assert_eq!(st, 201, "{v}");
    let (_, v) = a.get(&format!("/api/v1/profiles/{}", v["id"]));
    let xml = v["latest"]["xml"].as_str().unwrap().to_string();
    let p = vmcs_model::VmProfile::from_text(&xml, Some("xml")).unwrap();
    let mut o = vmcs_image::SpawnOptions::new(srv.dir.path());
    o.dry_run = true;
    o.progress = false;
    o.trusted = false;
    let (_, report) = vmcs_image::build(&p, &o).unwrap();
    let machine = report.machines[0].to_json();
    srv.app
        .db_blocking(move |s| {
            s.put_network(&vmcs_store::NetworkRow {
                name: "pair".into(),
                owner: "dana".into(),
                spec: "{}".into(),
                state: "up".into(),
                created: 0,
            })?;
            s.reserve_instance(&vmcs_store::NewInstance {
                name: "front".into(),
                owner: "dana".into(),
                host: "local".into(),
                uuid: "00000000-0000-0000-0000-000000000031".into(),
                profile_id: None,
                profile_version: None,
                network: Some("pair".into()),
                backend: "qemu".into(),
                machine,
            })?;
            s.set_instance_state("front", "stopped")
        })
        .unwrap();
    assert_eq!(m.post(&down, json!({})).0, 404);
    let (st, r) = m.post(&format!("/api/v1/designs/{mid}/down"), json!({}));
    assert_eq!(st, 409, "{r}");
    assert!(
        r["error"].as_str().unwrap().contains("another user's"),
        "{r}"
    );
    let (st, r) = m.post(
        &format!("/api/v1/designs/{mid}/deploy"),
        json!({ "dry_run": true }),
    );
    assert_eq!(st, 409, "{r}");
    assert!(
        r["error"].as_str().unwrap().contains("another user's"),
        "{r}"
    );
    assert_eq!(a.post(&down, json!({ "rm": "yes" })).0, 422);
    let (st, r) = a.post(&down, json!({ "rm": true }));
    assert_eq!(st, 202, "{r}");
    let job = r["job"].as_u64().unwrap();
    assert_eq!(m.get(&format!("/api/v1/jobs/{job}")).0, 404);
    let t = std::time::Instant::now();
    let result = loop {
        let (_, j) = a.get(&format!("/api/v1/jobs/{job}"));
        if j["finished"] == true {
            break j["result"].clone();
        }
        assert!(t.elapsed().as_secs() < 30, "{j}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(result["ok"], true, "{result}");
    assert_eq!(result["members"][0]["name"], "front", "{result}");
    let gone = srv
        .app
        .db_blocking(|s| Ok((s.network("pair")?, s.instance("front")?)))
        .unwrap();
    assert!(gone.0.is_none() && gone.1.is_none(), "{gone:?}");
    // Mallory's design of the same name may now be deployed (dry run).
    assert_eq!(
        m.post(
            &format!("/api/v1/designs/{mid}/deploy"),
            json!({ "dry_run": true })
        )
        .0,
        200
    );
}
