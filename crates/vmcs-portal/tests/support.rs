//! A real portal on 127.0.0.1 (a random port) over a temporary state directory, and a small
//! blocking client that keeps its session cookie and CSRF token.

#![allow(dead_code)]

use reqwest::blocking::{Client, Response};
use serde_json::{json, Value};

pub struct Server {
    pub base: String,
    pub dir: tempfile::TempDir,
    pub app: vmcs_portal::state::App,
}

pub fn server() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let (base, app) = serve(dir.path());
    Server { base, dir, app }
}

/// A portal over the state directory `state` on 127.0.0.1 (a random port): its URL and app.
pub fn serve(state: &std::path::Path) -> (String, vmcs_portal::state::App) {
    let app = vmcs_portal::state::App::open(state, false).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let a = app.clone();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(l.local_addr().unwrap()).unwrap();
            vmcs_portal::serve_on(l, a).await.unwrap();
        });
    });
    let addr = rx.recv().unwrap();
    (format!("http://{addr}"), app)
}

impl Server {
    pub fn add_user(&self, name: &str, password: &str, admin: bool) {
        let h = vmcs_portal::auth::hash_password(password).unwrap();
        self.app
            .db_blocking(|s| s.add_user(name, &h, admin))
            .unwrap();
    }

    pub fn client(&self) -> Session {
        Session {
            base: self.base.clone(),
            http: Client::builder().build().unwrap(),
            cookie: None,
            csrf: None,
            bearer: None,
        }
    }

    /// A logged-in session (panics if the login fails).
    pub fn login(&self, user: &str, password: &str) -> Session {
        let mut s = self.client();
        let r = s.login(user, password);
        assert_eq!(r.status(), 200, "login of {user}");
        s
    }
}

pub struct Session {
    pub base: String,
    pub http: Client,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    pub bearer: Option<String>,
}

/// The `name=value` of a Set-Cookie header for the session cookie.
pub fn set_cookie(r: &Response) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("vmcs_session="))
        .map(str::to_string)
}

impl Session {
    pub fn login(&mut self, user: &str, password: &str) -> Response {
        let mut req = self
            .http
            .post(format!("{}/api/v1/login", self.base))
            .json(&json!({ "user": user, "password": password }));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let r = req.send().unwrap();
        if r.status() == 200 {
            let c = set_cookie(&r).expect("a session cookie");
            self.cookie = Some(c.split(';').next().unwrap().to_string());
        }
        r
    }

    /// Log in and read the body (keeps the CSRF token).
    pub fn login_json(&mut self, user: &str, password: &str) -> (u16, Value) {
        let r = self.login(user, password);
        let status = r.status().as_u16();
        let v: Value = r.json().unwrap_or(Value::Null);
        if let Some(t) = v["csrf"].as_str() {
            self.csrf = Some(t.to_string());
        }
        (status, v)
    }

    pub fn call(&self, method: &str, path: &str, body: Option<Value>, csrf: bool) -> (u16, Value) {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self.http.request(m, format!("{}{}", self.base, path));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        if let Some(b) = &self.bearer {
            req = req.header("authorization", format!("Bearer {b}"));
        }
        if csrf {
            if let Some(t) = &self.csrf {
                req = req.header("x-csrf-token", t);
            }
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().unwrap();
        let status = r.status().as_u16();
        let text = r.text().unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub fn get(&self, path: &str) -> (u16, Value) {
        self.call("GET", path, None, false)
    }

    pub fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.call("POST", path, Some(body), true)
    }

    /// A page's HTML.
    pub fn page(&self, path: &str) -> (u16, String) {
        let mut req = self.http.get(format!("{}{}", self.base, path));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let r = req.send().unwrap();
        (r.status().as_u16(), r.text().unwrap_or_default())
    }
}

/// A small VM profile that compiles clean and asks nothing of the host.
pub fn vm_pan(object: &str, hostname: &str) -> String {
    format!(
        "object template {object};\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/web';\n'/system/hostname' = '{hostname}';\n"
    )
}
