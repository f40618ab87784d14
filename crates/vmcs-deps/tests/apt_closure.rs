//! vmcs's closure against apt's: every request of `tests/data/apt_requests.txt` is
//! resolved by vmcs and simulated by `apt-get -s install --no-install-recommends` from an
//! empty dpkg status on the same indexes; the sets of (package, version) must be equal,
//! except for the deliberate differences listed in `tests/data/apt_known_differences.txt`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use vmcs_deps::Request;

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[test]
fn closure_matches_apt_for_common_requests() {
    let Some(u) = common::real_universe() else {
        return;
    };
    let status = common::empty_status();
    compare_with_apt(&u, "apt_requests.txt", 30, status.path());
}

#[test]
fn closure_on_installed_base_matches_apt() {
    let base = "/var/lib/dpkg/status";
    let Some(mut u) = common::real_universe() else {
        return;
    };
    if !std::path::Path::new(base).exists() {
        println!("skipping: no {base}");
        return;
    }
    u.load_status(base).expect("the dpkg status loads");
    compare_with_apt(
        &u,
        "apt_requests_with_base.txt",
        10,
        std::path::Path::new(base),
    );
}

/// Resolves every request of a data file with vmcs and apt-get (apt from `status`).
fn compare_with_apt(
    u: &vmcs_deps::Universe,
    file: &str,
    at_least: usize,
    status: &std::path::Path,
) {
    let requests: Vec<&str> = lines(Box::leak(data(file).into_boxed_str())).collect();
    assert!(requests.len() >= at_least, "at least {at_least} requests");
    let known_text = data("apt_known_differences.txt");
    let mut known: BTreeMap<(String, String, String), String> = BTreeMap::new();
    for l in lines(&known_text) {
        let f: Vec<&str> = l.split('|').map(str::trim).collect();
        assert_eq!(f.len(), 4, "bad line in apt_known_differences.txt: {l}");
        known.insert((f[0].into(), f[1].into(), f[2].into()), f[3].into());
    }
    // apt takes about two seconds a request: run it on both cores, sharing its caches
    // (built by a first run, so the two threads do not race to write them).
    let cache = tempfile::tempdir().unwrap();
    common::apt_closure(&["make"], status, cache.path()).expect("apt-get runs");
    let apt: Mutex<BTreeMap<&str, Result<common::InstallSet, String>>> =
        Mutex::new(BTreeMap::new());
    let next = Mutex::new(requests.iter());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let Some(req) = next.lock().unwrap().next().copied() else {
                    break;
                };
                let pkgs: Vec<&str> = req.split_whitespace().collect();
                let got = common::apt_closure(&pkgs, status, cache.path());
                apt.lock().unwrap().insert(req, got);
            });
        }
    });
    let apt = apt.into_inner().unwrap();
    let mut problems = Vec::new();
    let mut seen_known = BTreeSet::new();
    let mut compared = 0;
    for req in &requests {
        let reqs: Vec<Request> = req
            .split_whitespace()
            .map(|p| Request::parse(p).unwrap())
            .collect();
        let ours = u.resolve(&reqs);
        let want = match (&apt[req], &ours) {
            (Ok(w), _) => w,
            (Err(_), Err(e)) => {
                // No installable set: both refuse (vmcs explains why as a chain).
                println!("{req}: both fail: {e}");
                compared += 1;
                continue;
            }
            (Err(e), Ok(_)) => {
                problems.push(format!("`{req}`: apt-get fails ({e}) but vmcs resolves it"));
                continue;
            }
        };
        let got: BTreeSet<(String, String)> = match ours {
            Ok(r) => r
                .to_install()
                .map(|p| (p.name.clone(), p.version.clone()))
                .collect(),
            Err(e) => {
                problems.push(format!("`{req}`: vmcs failed: {e}"));
                continue;
            }
        };
        compared += 1;
        let mut report = |side: &str, pkg: &(String, String)| {
            let key = (req.to_string(), pkg.0.clone(), side.to_string());
            if known.contains_key(&key) {
                seen_known.insert(key);
            } else {
                let who = if side == "+" { "only vmcs" } else { "only apt" };
                problems.push(format!("`{req}`: {who} installs {} {}", pkg.0, pkg.1));
            }
        };
        for p in got.difference(want) {
            report("+", p);
        }
        for p in want.difference(&got) {
            report("-", p);
        }
        println!("{req}: {} packages, same as apt", got.len());
    }
    for (key, reason) in &known {
        if !seen_known.contains(key) {
            problems.push(format!("stale known difference {key:?} ({reason})"));
        }
    }
    assert!(compared >= at_least || !problems.is_empty());
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
