//! The API against a real server on 127.0.0.1: logins, cookies, CSRF, bearer tokens, rate
//! limiting, session fixation, per-user isolation, escaping, untrusted Pan, versions.

mod support;
use serde_json::json;
use support::*;

#[test]
fn login_answers_200_with_csrf_or_401() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    let (st, v) = c.login_json("alice", "wrong-password");
    assert_eq!(st, 401, "{v}");
    let (st, _) = c.login_json("nobody", "password-a");
    assert_eq!(st, 401);
    let (st, v) = c.login_json("alice", "password-a");
    assert_eq!(st, 200);
    assert_eq!(v["csrf"].as_str().map(str::len), Some(64), "{v}");
    assert_eq!(c.get("/api/v1/me").1["user"], "alice");
}

#[test]
fn session_cookie_is_httponly_and_samesite_strict() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let r = s.client().login("alice", "password-a");
    let c = set_cookie(&r).unwrap();
    assert!(c.contains("; HttpOnly"), "{c}");
    assert!(c.contains("; SameSite=Strict"), "{c}");
    assert!(!c.contains("Secure"), "plain HTTP here: {c}");
}

#[test]
fn secure_flag_when_behind_tls() {
    let dir = tempfile::tempdir().unwrap();
    let app = vmcs_portal::state::App::open(dir.path(), true).unwrap();
    let h = vmcs_portal::auth::hash_password("password-a").unwrap();
    app.db_blocking(|s| s.add_user("alice", &h, false)).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(l.local_addr().unwrap()).unwrap();
            vmcs_portal::serve_on(l, app).await.unwrap();
        });
    });
    let addr = rx.recv().unwrap();
    let r = reqwest::blocking::Client::new()
        .post(format!("http://{addr}/api/v1/login"))
        .json(&json!({"user": "alice", "password": "password-a"}))
        .send()
        .unwrap();
    assert!(set_cookie(&r).unwrap().contains("; Secure"));
}

#[test]
fn state_changing_calls_need_the_csrf_token() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    c.login_json("alice", "password-a");
    let body = json!({"name": "web", "pan": vm_pan("web", "web1")});
    let (st, _) = c.call("POST", "/api/v1/profiles", Some(body.clone()), false);
    assert_eq!(st, 403);
    let wrong = support::Session {
        csrf: Some("0".repeat(64)),
        cookie: c.cookie.clone(),
        ..s.client()
    };
    assert_eq!(wrong.post("/api/v1/profiles", body.clone()).0, 403);
    assert_eq!(c.call("POST", "/api/v1/logout", None, false).0, 403);
    let (st, v) = c.post("/api/v1/profiles", body);
    assert_eq!(st, 201, "{v}");
    assert!(v["id"].is_i64());
    // Logout with the token ends the session.
    assert_eq!(c.call("POST", "/api/v1/logout", None, true).0, 200);
    assert_eq!(c.get("/api/v1/vms").0, 401);
}

#[test]
fn bearer_tokens_act_for_their_owner_without_csrf() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    c.login_json("alice", "password-a");
    let (st, v) = c.post("/api/v1/tokens", json!({"name": "ci"}));
    assert_eq!(st, 201, "{v}");
    let token = v["token"].as_str().unwrap().to_string();
    let stored = s.app.db_blocking(|s| s.tokens("alice")).unwrap();
    assert_eq!(stored.len(), 1);
    let mut b = s.client();
    b.bearer = Some(token.clone());
    assert_eq!(b.get("/api/v1/me").1["user"], "alice");
    let (st, v) = b.call(
        "POST",
        "/api/v1/profiles",
        Some(json!({"name": "web", "pan": vm_pan("web", "web1")})),
        false,
    );
    assert_eq!(st, 201, "{v}");
    b.bearer = Some(format!("{token}x"));
    assert_eq!(b.get("/api/v1/vms").0, 401);
    assert_eq!(c.call("DELETE", "/api/v1/tokens/ci", None, true).0, 200);
    b.bearer = Some(token);
    assert_eq!(b.get("/api/v1/vms").0, 401, "revoked");
}

#[test]
fn failed_logins_are_rate_limited_per_user() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    for _ in 0..vmcs_portal::auth::MAX_PER_USER {
        assert_eq!(c.login_json("alice", "guess").0, 401);
    }
    assert_eq!(
        c.login_json("alice", "password-a").0,
        429,
        "locked even with the right password"
    );
    // Another user from the same address is not locked yet.
    s.add_user("bob", "password-b", false);
    assert_eq!(c.login_json("bob", "password-b").0, 200);
}

#[test]
fn failed_logins_are_rate_limited_per_address() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    for i in 0..vmcs_portal::auth::MAX_PER_ADDR {
        c.login_json(&format!("user{i}"), "guess");
    }
    assert_eq!(c.login_json("alice", "password-a").0, 429);
}

#[test]
fn login_issues_a_new_session_id_and_ignores_a_planted_one() {
    let s = server();
    s.add_user("alice", "password-a", false);
    let mut c = s.client();
    let planted = format!("vmcs_session={}", "a".repeat(64));
    c.cookie = Some(planted.clone());
    assert_eq!(c.get("/api/v1/me").0, 401, "a planted id is no session");
    c.login_json("alice", "password-a");
    let first = c.cookie.clone().unwrap();
    assert_ne!(first, planted);
    c.login_json("alice", "password-a");
    assert_ne!(
        c.cookie.clone().unwrap(),
        first,
        "every login gets a new id"
    );
    let mut attacker = s.client();
    attacker.cookie = Some(planted);
    assert_eq!(attacker.get("/api/v1/me").0, 401);
}

#[test]
fn disabled_users_lose_their_sessions() {
    let s = server();
    s.add_user("root", "password-r", true);
    s.add_user("alice", "password-a", false);
    let mut a = s.client();
    a.login_json("alice", "password-a");
    let mut r = s.client();
    r.login_json("root", "password-r");
    assert_eq!(a.get("/api/v1/admin/users").0, 403, "not an admin");
    assert_eq!(
        r.post("/api/v1/admin/users/alice", json!({"disabled": true}))
            .0,
        200
    );
    assert_eq!(a.get("/api/v1/vms").0, 401);
    assert_eq!(a.clone_login("alice", "password-a"), 401);
}

trait CloneLogin {
    fn clone_login(&self, u: &str, p: &str) -> u16;
}
impl CloneLogin for Session {
    fn clone_login(&self, u: &str, p: &str) -> u16 {
        let mut c = Session {
            base: self.base.clone(),
            http: self.http.clone(),
            cookie: None,
            csrf: None,
            bearer: None,
        };
        c.login_json(u, p).0
    }
}

#[test]
fn login_brings_back_kept_vms_and_reports_progress() {
    let s = server();
    s.add_user("alice", "password-a", false);
    s.app
        .db_blocking(|st| {
            st.reserve_instance(&vmcs_store::NewInstance {
                name: "kept".into(),
                owner: "alice".into(),
                host: "local".into(),
                uuid: "00000000-0000-0000-0000-000000000002".into(),
                profile_id: None,
                profile_version: None,
                network: None,
                backend: "qemu".into(),
                machine: "{}".into(),
            })?;
            st.set_instance_state("kept", "stopped")?;
            st.set_instance_keep("kept", true)
        })
        .unwrap();
    let mut c = s.client();
    let (st, v) = c.login_json("alice", "password-a");
    assert_eq!(st, 200);
    assert_eq!(v["respawn"], json!(["kept"]));
    // The machine spec here is empty, so the attempt fails; what matters is that it was
    // made and its outcome is reported.
    let t = std::time::Instant::now();
    loop {
        let (_, v) = c.get("/api/v1/respawn");
        let state = v["respawn"][0]["state"].as_str().unwrap_or("").to_string();
        assert_eq!(v["respawn"][0]["vm"], "kept");
        if state != "waiting" && state != "checking" {
            assert!(state.starts_with("failed"), "{state}");
            break;
        }
        assert!(t.elapsed().as_secs() < 20, "no outcome: {v}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
