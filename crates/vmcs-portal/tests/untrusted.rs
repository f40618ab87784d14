//! A user's Pan is untrusted: no reading host files, no other user's templates, no endless
//! loops or recursion, no host access in the profile; hostile strings are shown escaped;
//! every save is a version that can be diffed and restored.

mod support;
use serde_json::json;
use support::*;

fn save(c: &Session, name: &str, pan: &str) -> (u16, serde_json::Value) {
    c.post("/api/v1/profiles", json!({"name": name, "pan": pan}))
}

fn refused(c: &Session, pan: &str, expect: &str) {
    let (st, v) = save(c, "bad", pan);
    assert_eq!(st, 422, "{pan}\n{v}");
    let msg = v["error"].as_str().unwrap_or("");
    assert!(msg.contains(expect), "expected `{expect}` in `{msg}`");
}

#[test]
fn host_files_are_out_of_reach() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let c = s.login("alice", "password-a");
    let mut c = c;
    c.login_json("alice", "password-a");
    let base = "object template bad;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/web';\n";
    refused(
        &c,
        &format!("{base}'/vm/description' = file_contents('/etc/passwd');\n"),
        "file_contents",
    );
    refused(
        &c,
        &format!("{base}'/vm/description' = file_contents('../../../../../../etc/passwd');\n"),
        "invalid template name",
    );
    refused(
        &c,
        &format!(
            "{base}'/vm/description' = to_string(file_exists('../../../../../../etc/passwd'));\n"
        ),
        "invalid template name",
    );
    refused(
        &c,
        &format!("{base}'/vm/description' = to_string(file_exists('/etc/passwd'));\n"),
        "file_exists",
    );
    refused(
        &c,
        "object template bad;\ninclude '../../../../etc/passwd';\n",
        "",
    );
}

#[test]
fn another_users_templates_cannot_be_included() {
    let s = server();
    s.add_user("alice", "password-a", false);
    s.add_user("bob", "password-b", false);
    let mut b = s.client();
    b.login_json("bob", "password-b");
    let (st, _) = b.post(
        "/api/v1/templates",
        json!({"name": "site/secret", "text": "unique template site/secret;\n'/vm/description' = 'bob secret';\n"}),
    );
    assert_eq!(st, 201);
    // Bob can use his own.
    let own = "object template mine;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/web';\ninclude 'site/secret';\n";
    assert_eq!(save(&b, "mine", own).0, 201);
    let mut a = s.client();
    a.login_json("alice", "password-a");
    refused(&a, &own.replace("mine", "bad"), "site/secret");
}

#[test]
fn endless_loops_and_recursion_stop_with_a_clear_error() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    c.login_json("alice", "password-a");
    let t = std::time::Instant::now();
    refused(
        &c,
        "object template bad;\n'/x' = { i = 0; while (true) { i = i + 1; }; i; };\n",
        "iteration",
    );
    refused(
        &c,
        "object template bad;\nfunction f = f(ARGV[0] + 1);\n'/x' = f(1);\n",
        "call depth limit",
    );
    refused(
        &c,
        "object template bad;\n'/x' = { s = 'x'; while (true) { s = s + s; }; s; };\n",
        "",
    );
    assert!(
        t.elapsed().as_secs() < 30,
        "limits stop them quickly: {:?}",
        t.elapsed()
    );
}

#[test]
fn profiles_asking_for_host_access_are_refused() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    c.login_json("alice", "password-a");
    refused(
        &c,
        "object template bad;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/small';\n",
        "access to the host",
    );
}

#[test]
fn hostile_strings_are_shown_escaped() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    c.login_json("alice", "password-a");
    let evil = "<script>alert('x')</script>\"&";
    let pan = format!(
        "object template web;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/web';\n'/vm/description' = {};\n",
        vmcs_portal::panstr::quote(evil)
    );
    let (st, v) = c.post(
        "/api/v1/profiles",
        json!({"name": evil, "pan": pan, "comment": evil}),
    );
    assert_eq!(st, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    let (_, v) = c.post("/api/v1/templates", json!({"name": "site/x", "text": evil}));
    assert!(v["id"].is_i64());
    for page in ["/".to_string(), format!("/profiles/{id}")] {
        let (st, html) = c.page(&page);
        assert_eq!(st, 200);
        assert!(
            !html.contains("<script>alert"),
            "{page} has the raw string:\n{html}"
        );
        assert!(
            html.contains("&lt;script&gt;alert("),
            "{page} lacks the escaped string"
        );
    }
    let (_, html) = c.page(&format!("/profiles/{id}"));
    assert!(!html.contains("\"&<"), "comment escaped");
}

#[test]
fn every_save_is_a_version_with_diff_and_restore() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    c.login_json("alice", "password-a");
    let (st, v) = save(&c, "web", &vm_pan("web", "one"));
    assert_eq!(st, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    assert_eq!(v["version"], 1);
    let (st, v) = c.call(
        "PUT",
        &format!("/api/v1/profiles/{id}"),
        Some(json!({"pan": vm_pan("web", "two"), "comment": "rename"})),
        true,
    );
    assert_eq!((st, v["version"].as_i64()), (201, Some(2)));
    // A failed compile is not a version.
    let (st, _) = c.call(
        "PUT",
        &format!("/api/v1/profiles/{id}"),
        Some(json!({"pan": "object template web;\n'/x' = ;"})),
        true,
    );
    assert_eq!(st, 422);
    let (_, v) = c.get(&format!("/api/v1/profiles/{id}/versions"));
    assert_eq!(v["versions"].as_array().unwrap().len(), 2);
    let (_, d) = c.get(&format!("/api/v1/profiles/{id}/diff?from=1&to=2"));
    let pd = d["pan"].as_str().unwrap();
    assert!(
        pd.contains("-'/system/hostname' = 'one';") && pd.contains("+'/system/hostname' = 'two';"),
        "{pd}"
    );
    assert!(d["xml"].as_str().unwrap().contains("one"));
    let (st, v) = c.post(&format!("/api/v1/profiles/{id}/restore/1"), json!(null));
    assert_eq!((st, v["version"].as_i64()), (201, Some(3)));
    let (_, v) = c.get(&format!("/api/v1/profiles/{id}"));
    assert!(v["latest"]["pan"].as_str().unwrap().contains("'one'"));
    assert_eq!(v["latest"]["comment"], "restored from v1");
    assert!(v["latest"]["xml"].as_str().unwrap().contains("one"));
}

#[test]
fn oversized_bodies_are_refused() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    c.login_json("alice", "password-a");
    let big = "x".repeat(vmcs_portal::state::MAX_BODY + 10);
    let (st, _) = save(&c, "big", &big);
    assert_eq!(st, 413);
}

#[test]
fn a_rule_conflict_carries_its_suggestion_and_one_call_applies_the_fix() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    c.login_json("alice", "password-a");
    let pan = "object template lab;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/web';\n'/hardware/memory' = 1024;\n'/hardware/maxmem' = 512;\n";
    let (st, v) = c.post("/api/v1/compile", json!({ "pan": pan }));
    assert_eq!(st, 422, "{v}");
    let rule = &v["detail"]["rule"];
    assert_eq!(rule["path"], "/hardware/maxmem", "{v}");
    assert!(
        rule["suggest"].as_str().is_some_and(|t| !t.is_empty()),
        "{v}"
    );
    let (st, v) = c.post("/api/v1/fix", json!({ "pan": pan }));
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["applied"]["path"], "/hardware/maxmem");
    let fixed = v["pan"].as_str().unwrap();
    assert!(
        !fixed.contains("= 512;"),
        "the assignment is rewritten in place: {fixed}"
    );
    assert!(v["xml"].is_string(), "clean after the fix: {v}");
    assert_eq!(
        c.post("/api/v1/profiles", json!({"name": "lab", "pan": fixed}))
            .0,
        201
    );
}
