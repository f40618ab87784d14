//! The administrator's manager through the API: hosts (add, drain, undrain, remove, the
//! overview and its load), the rule repository editor (a saved site rule changes what later
//! compiles accept; reset brings the shipped rule back), and the operating pages with their
//! vendored assets. Users who are not administrators get none of it.

mod support;

use serde_json::json;
use support::*;

fn logged(s: &Server, user: &str, password: &str) -> Session {
    let mut c = s.client();
    assert_eq!(c.login_json(user, password).0, 200);
    c
}

#[test]
fn hosts_are_managed_by_admins_only() {
    let s = server();
    s.add_user("root", "password-r", true);
    s.add_user("alice", "password-a", false);
    let r = logged(&s, "root", "password-r");
    let a = logged(&s, "alice", "password-a");
    for (m, p) in [
        ("GET", "/api/v1/hosts"),
        ("POST", "/api/v1/hosts"),
        ("DELETE", "/api/v1/hosts/local"),
        ("GET", "/api/v1/hosts/local/metrics"),
        ("POST", "/api/v1/hosts/local/drain"),
        ("POST", "/api/v1/hosts/local/undrain"),
    ] {
        let body =
            (m == "POST").then(|| json!({"name": "x", "uri": "qemu+tcp://127.0.0.1/system"}));
        assert_eq!(a.call(m, p, body, true).0, 403, "{m} {p}");
    }
    let (st, v) = r.get("/api/v1/hosts");
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["hosts"][0]["name"], "local");
    assert!(v["hosts"][0]["reachable"].is_boolean());
    // Add: checked like `vmcs host add`.
    let add = |body| r.post("/api/v1/hosts", body).0;
    assert_eq!(
        add(json!({"name": "Bad Name", "uri": "qemu+tcp://127.0.0.1/system"})),
        400
    );
    assert_eq!(add(json!({"name": "h2", "uri": "not a uri"})), 400);
    assert_eq!(
        add(json!({"name": "h2", "uri": "qemu+tcp://127.0.0.1/system", "ssh": "-oProxyCommand=x"})),
        400
    );
    assert_eq!(add(json!({"name": "h2", "uri": 5})), 422);
    assert_eq!(
        add(json!({"name": "h2", "uri": "qemu+tcp://127.0.0.1:1/system", "ssh": "root@127.0.0.1"})),
        201
    );
    assert_eq!(
        add(json!({"name": "h2", "uri": "qemu+tcp://127.0.0.1:1/system"})),
        409
    );
    let (_, v) = r.get("/api/v1/hosts");
    let h2 = v["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["name"] == "h2")
        .unwrap()
        .clone();
    assert_eq!(h2["reachable"], false, "{h2}");
    assert!(h2["error"].is_string());
    assert_eq!(h2["vms"], 0);
    let (st, v) = r.get("/api/v1/hosts/h2/metrics");
    assert_eq!((st, &v["metrics"]), (200, &json!([])));
    assert_eq!(r.get("/api/v1/hosts/nohost/metrics").0, 404);
    // Drain is a job; undrain puts the host back in service.
    let (st, v) = r.post("/api/v1/hosts/h2/drain", json!({}));
    assert_eq!(st, 202, "{v}");
    let job = v["job"].as_u64().unwrap();
    let t = std::time::Instant::now();
    loop {
        let (_, j) = r.get(&format!("/api/v1/jobs/{job}"));
        if j["finished"] == true {
            break;
        }
        assert!(t.elapsed().as_secs() < 30, "{j}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(a.get(&format!("/api/v1/jobs/{job}")).0, 404);
    assert_eq!(r.post("/api/v1/hosts/h2/undrain", json!({})).0, 200);
    let (_, v) = r.get("/api/v1/admin/hosts");
    assert_eq!(v["hosts"][0]["state"], "active");
    // Remove: refused while a VM is on it, then done, then gone.
    s.app
        .db_blocking(|st| {
            st.reserve_instance(&vmcs_store::NewInstance {
                name: "onh2".into(),
                owner: "alice".into(),
                host: "h2".into(),
                uuid: "00000000-0000-0000-0000-000000000003".into(),
                profile_id: None,
                profile_version: None,
                network: None,
                backend: "libvirt".into(),
                machine: "{}".into(),
            })
        })
        .unwrap();
    assert_eq!(r.call("DELETE", "/api/v1/hosts/h2", None, true).0, 409);
    s.app.db_blocking(|st| st.delete_instance("onh2")).unwrap();
    assert_eq!(r.call("DELETE", "/api/v1/hosts/h2", None, false).0, 403);
    assert_eq!(r.call("DELETE", "/api/v1/hosts/h2", None, true).0, 200);
    assert_eq!(r.call("DELETE", "/api/v1/hosts/h2", None, true).0, 404);
}

const RULES: &str = "vmcs/knowledge/rules";

#[test]
fn a_site_rule_saved_by_an_admin_applies_to_later_compiles() {
    let s = server();
    s.add_user("root", "password-r", true);
    s.add_user("alice", "password-a", false);
    let r = logged(&s, "root", "password-r");
    let a = logged(&s, "alice", "password-a");
    let q = format!("/api/v1/admin/rules/template?path={RULES}");
    assert_eq!(a.get("/api/v1/admin/rules").0, 403);
    assert_eq!(a.get(&q).0, 403);
    let (st, v) = r.get("/api/v1/admin/rules");
    assert_eq!(st, 200);
    let list: Vec<&str> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["path"].as_str())
        .collect();
    assert!(
        list.contains(&RULES) && list.contains(&"vmcs/knowledge/suggestions"),
        "{list:?}"
    );
    assert!(list.contains(&"vmcs/knowledge/rules/hardware"));
    for bad in [
        "../../etc/passwd",
        "vmcs/vm",
        "vmcs/knowledge/rules/../../vm",
        "",
    ] {
        assert_eq!(
            r.get(&format!("/api/v1/admin/rules/template?path={bad}")).0,
            404,
            "{bad}"
        );
    }
    let (_, v) = r.get(&q);
    let stock = v["text"].as_str().unwrap().to_string();
    assert_eq!(v["overridden"], false);
    // Checks: a parse error, a wrong name and a rule that breaks the stock preset are refused.
    let check = |text: &str| {
        r.post(
            "/api/v1/admin/rules/check",
            json!({"path": RULES, "text": text}),
        )
        .1
    };
    assert_eq!(check("template vmcs/knowledge/rules; 'x' = ;")["ok"], false);
    assert_eq!(check("template other;")["ok"], false);
    let breaks = format!("{stock}\nvalid '/system' = error('site rule: nothing passes');\n");
    let v = check(&breaks);
    assert_eq!(v["ok"], false);
    assert!(
        v["error"].as_str().unwrap().contains("stock web preset"),
        "{v}"
    );
    let (st, _) = r.call(
        "PUT",
        "/api/v1/admin/rules/template",
        Some(json!({"path": RULES, "text": breaks})),
        true,
    );
    assert_eq!(st, 422);
    // A site rule: the host name `blocked` is refused.
    let site = format!(
        "{stock}\nvalid '/system' = if (SELF['hostname'] == 'blocked') error('site rule: hostname blocked') else true;\n"
    );
    assert_eq!(check(&site)["ok"], true, "{}", check(&site));
    let blocked = json!({"name": "b", "pan": vm_pan("blocked1", "blocked")});
    assert_eq!(a.post("/api/v1/profiles", blocked.clone()).0, 201);
    let (st, v) = r.call(
        "PUT",
        "/api/v1/admin/rules/template",
        Some(json!({"path": RULES, "text": site})),
        true,
    );
    assert_eq!(st, 200, "{v}");
    let (_, v) = r.get(&q);
    assert_eq!(v["overridden"], true);
    assert_eq!(v["stock"], stock.as_str());
    let (st, v) = a.post("/api/v1/profiles", blocked.clone());
    assert_eq!(st, 422, "{v}");
    assert!(
        v["error"].as_str().unwrap().contains("hostname blocked"),
        "{v}"
    );
    assert_eq!(
        a.post(
            "/api/v1/profiles",
            json!({"name": "f", "pan": vm_pan("fine1", "fine")})
        )
        .0,
        201
    );
    // The binary's stdlib is untouched; reset brings the shipped rule back.
    assert!(
        !std::fs::read_to_string(s.app.0.stdlib.join(format!("{RULES}.pan")))
            .unwrap()
            .contains("site rule")
    );
    assert_eq!(r.call("DELETE", &q, None, true).0, 200);
    assert_eq!(a.post("/api/v1/profiles", blocked).0, 201);
}

#[test]
fn operating_pages_and_assets() {
    let s = server();
    s.add_user("root", "password-r", true);
    s.add_user("alice", "password-a", false);
    s.add_user("bob", "password-b", false);
    let r = logged(&s, "root", "password-r");
    let a = logged(&s, "alice", "password-a");
    let b = logged(&s, "bob", "password-b");
    let (_, v) = a.post(
        "/api/v1/profiles",
        json!({"name": "p<b>", "pan": vm_pan("page1", "page1")}),
    );
    let id = v["id"].as_i64().unwrap();
    let (st, html) = a.page(&format!("/profiles/{id}/spawn"));
    assert_eq!(st, 200);
    assert!(
        html.contains("p&lt;b&gt;") && !html.contains("p<b>"),
        "escaped name"
    );
    assert!(html.contains("/assets/ops.js") && html.contains("automatic placement"));
    assert_eq!(b.page(&format!("/profiles/{id}/spawn")).0, 404);
    assert!(a
        .page(&format!("/profiles/{id}"))
        .1
        .contains(&format!("/profiles/{id}/spawn")));
    for p in ["/hosts", "/admin/rules"] {
        assert_eq!(r.page(p).0, 200, "{p}");
        assert_eq!(a.page(p).0, 403, "{p}");
        assert!(s.client().page(p).1.contains("login"), "{p}");
    }
    assert!(r.page("/admin/rules").1.contains("rules&#x2f;hardware"));
    for (p, what) in [
        ("/assets/ops.js", "EventSource"),
        ("/assets/vendor/xterm.js", "Terminal"),
        ("/assets/vendor/xterm.css", ".xterm"),
        ("/assets/vendor/xterm-LICENSE.txt", "The xterm.js authors"),
    ] {
        let (st, body) = s.client().page(p);
        assert_eq!(st, 200, "{p}");
        assert!(body.contains(what), "{p}");
    }
}
