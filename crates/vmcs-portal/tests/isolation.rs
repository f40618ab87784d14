//! Per-user isolation: a second user tries every owner-scoped URL and API call with the first
//! user's ids and gets 404 (or 403), and sees none of their things in lists.

mod support;
use serde_json::json;
use support::*;

#[test]
fn a_second_user_cannot_see_or_touch_the_first_users_things() {
    let s = server();
    s.add_user("alice", "password-a", false);
    s.add_user("bob", "password-b", false);
    let mut a = s.client();
    a.login_json("alice", "password-a");
    let mut b = s.client();
    b.login_json("bob", "password-b");

    let (st, v) = a.post(
        "/api/v1/profiles",
        json!({"name": "web", "pan": vm_pan("web", "web1")}),
    );
    assert_eq!(st, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    a.call(
        "PUT",
        &format!("/api/v1/profiles/{id}"),
        Some(json!({"pan": vm_pan("web", "web2")})),
        true,
    );
    let (st, v) = a.post(
        "/api/v1/templates",
        json!({"name": "site/base", "text": "template site/base;\n"}),
    );
    assert_eq!(st, 201, "{v}");
    let tid = v["id"].as_i64().unwrap();
    // A VM of alice's, recorded as spawn records it.
    s.app
        .db_blocking(|st| {
            st.reserve_instance(&vmcs_store::NewInstance {
                name: "alice-web".into(),
                owner: "alice".into(),
                host: "local".into(),
                uuid: "00000000-0000-0000-0000-000000000001".into(),
                profile_id: Some(id),
                profile_version: Some(1),
                network: None,
                backend: "qemu".into(),
                machine: "{}".into(),
            })
        })
        .unwrap();
    assert_eq!(a.get("/api/v1/vms").1["vms"].as_array().unwrap().len(), 1);
    // A design of alice's, and a job of hers (a dry-run spawn).
    let (st, v) = a.post(
        "/api/v1/designs",
        json!({"drawing": {"name": "lab", "switches": [{"name": "lan", "network": "10.40.0.0"}],
            "vms": [{"name": "web"}], "links": [{"vm": "web", "switch": "lan"}]}}),
    );
    assert_eq!(st, 201, "{v}");
    let did = v["id"].as_i64().unwrap();
    let (st, v) = a.post(
        &format!("/api/v1/profiles/{id}/spawn"),
        json!({"dry_run": true}),
    );
    assert_eq!(st, 202, "{v}");
    let job = v["job"].as_u64().unwrap();

    // Alice reaches all of it.
    assert_eq!(a.get(&format!("/api/v1/profiles/{id}")).0, 200);
    assert_eq!(a.get("/api/v1/vms/alice-web").0, 200);
    assert_eq!(a.page(&format!("/profiles/{id}")).0, 200);

    let reads = [
        format!("/api/v1/profiles/{id}"),
        format!("/api/v1/profiles/{id}/versions"),
        format!("/api/v1/profiles/{id}/versions/1"),
        format!("/api/v1/profiles/{id}/diff?from=1&to=2"),
        format!("/api/v1/templates/{tid}"),
        "/api/v1/vms/alice-web".into(),
        "/api/v1/vms/alice-web/metrics".into(),
        format!("/api/v1/designs/{did}"),
        format!("/api/v1/jobs/{job}"),
        format!("/api/v1/jobs/{job}/events"),
    ];
    for path in &reads {
        let (st, v) = b.get(path);
        assert_eq!(st, 404, "GET {path}: {v}");
    }
    let (st, _) = b.page(&format!("/profiles/{id}"));
    assert_eq!(st, 404, "profile page");
    assert_eq!(b.page("/vms/alice-web").0, 404, "VM page");
    assert_eq!(
        b.page(&format!("/profiles/{id}/spawn")).0,
        404,
        "spawn page"
    );
    let writes: Vec<(&str, String, Option<serde_json::Value>)> = vec![
        (
            "PUT",
            format!("/api/v1/profiles/{id}"),
            Some(json!({"pan": vm_pan("web", "evil")})),
        ),
        ("DELETE", format!("/api/v1/profiles/{id}"), None),
        ("POST", format!("/api/v1/profiles/{id}/restore/1"), None),
        ("DELETE", format!("/api/v1/templates/{tid}"), None),
        ("POST", "/api/v1/vms/alice-web/start".into(), None),
        ("POST", "/api/v1/vms/alice-web/stop".into(), None),
        ("POST", "/api/v1/vms/alice-web/destroy".into(), None),
        ("POST", "/api/v1/vms/alice-web/keep".into(), None),
        ("POST", "/api/v1/vms/alice-web/unkeep".into(), None),
        ("POST", "/api/v1/vms/alice-web/reboot".into(), None),
        ("POST", "/api/v1/vms/alice-web/suspend".into(), None),
        ("POST", "/api/v1/vms/alice-web/resume".into(), None),
        ("POST", "/api/v1/vms/alice-web/save".into(), None),
        ("POST", "/api/v1/vms/alice-web/restore".into(), None),
        (
            "POST",
            format!("/api/v1/profiles/{id}/spawn"),
            Some(json!({"dry_run": true})),
        ),
        (
            "POST",
            format!("/api/v1/designs/{did}/plan"),
            Some(json!({})),
        ),
        (
            "POST",
            format!("/api/v1/designs/{did}/deploy"),
            Some(json!({"dry_run": true})),
        ),
        (
            "POST",
            format!("/api/v1/designs/{did}/down"),
            Some(json!({"rm": true})),
        ),
        ("DELETE", format!("/api/v1/designs/{did}"), None),
        ("DELETE", "/api/v1/tokens/ci".into(), None),
    ];
    for (m, path, body) in writes {
        let (st, v) = b.call(m, &path, body, true);
        assert!(st == 404 || st == 403, "{m} {path}: {st} {v}");
    }
    for admin in [
        "/api/v1/admin/users",
        "/api/v1/admin/vms",
        "/api/v1/admin/hosts",
        "/api/v1/admin/rules",
        "/api/v1/hosts",
        "/api/v1/hosts/local/metrics",
    ] {
        assert_eq!(b.get(admin).0, 403, "{admin}");
    }
    for (m, path, body) in [
        (
            "POST",
            "/api/v1/hosts",
            Some(json!({"name": "h9", "uri": "qemu+tcp://127.0.0.1:1/system"})),
        ),
        ("DELETE", "/api/v1/hosts/local", None),
        ("POST", "/api/v1/hosts/local/drain", None),
        ("POST", "/api/v1/hosts/local/undrain", None),
        (
            "POST",
            "/api/v1/admin/users",
            Some(json!({"name": "eve", "password": "password-e"})),
        ),
        (
            "POST",
            "/api/v1/admin/users/alice",
            Some(json!({"disabled": true})),
        ),
        (
            "POST",
            "/api/v1/admin/rules/check",
            Some(json!({"path": "vmcs/knowledge/rules/hardware", "text": "x"})),
        ),
    ] {
        let (st, v) = b.call(m, path, body, true);
        assert_eq!(st, 403, "{m} {path}: {v}");
    }
    assert_eq!(b.page("/admin").0, 403);
    // Bob's lists hold nothing of alice's.
    assert_eq!(b.get("/api/v1/profiles").1["profiles"], json!([]));
    assert_eq!(b.get("/api/v1/vms").1["vms"], json!([]));
    assert_eq!(b.get("/api/v1/templates").1["templates"], json!([]));
    assert_eq!(b.get("/api/v1/designs").1["designs"], json!([]));
    let (_, home) = b.page("/");
    assert!(
        !home.contains("alice-web") && !home.contains("/profiles/"),
        "{home}"
    );
    // And nothing changed for alice.
    let (_, v) = a.get(&format!("/api/v1/profiles/{id}"));
    assert_eq!(v["profile"]["latest"], 2);
    assert!(a.get("/api/v1/vms/alice-web").1["vm"]["keep"] == json!(false));
    assert_eq!(a.get(&format!("/api/v1/designs/{did}")).0, 200);
    assert_eq!(a.get(&format!("/api/v1/jobs/{job}")).0, 200);
}
