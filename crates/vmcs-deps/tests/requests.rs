//! Request syntax apt-get accepts: `name/release` (a suite, codename or release version,
//! with apt's switching of dependency candidates to that release) and `name:arch`, on lists
//! laid out as apt keeps them (`*_Packages` with their `InRelease` beside). Each answer is
//! also checked against apt-get on the same lists when apt-get is installed.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use vmcs_deps::{Request, Universe};

const STABLE: &str = "Package: curl\nVersion: 1\nArchitecture: amd64\nDepends: libcurl (>= 1)\n\n\
Package: libcurl\nVersion: 1\nArchitecture: amd64\n\n\
Package: tool\nVersion: 1\nArchitecture: amd64\n";
const BACKPORTS: &str =
    "Package: curl\nVersion: 2\nArchitecture: amd64\nDepends: libcurl (>= 2)\n\n\
Package: libcurl\nVersion: 2\nArchitecture: amd64\n";

fn lists() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let w = |n: &str, body: &str| std::fs::write(d.path().join(n), body).unwrap();
    let with_files = |body: &str| -> String {
        body.split("\n\n")
            .enumerate()
            .map(|(i, st)| {
                format!(
                    "{}\nFilename: pool/{i}.deb\nSize: 1\nSHA256: {}\n\n",
                    st.trim_end(),
                    "0".repeat(64)
                )
            })
            .collect()
    };
    w(
        "h_d_dists_bookworm_main_binary-amd64_Packages",
        &with_files(STABLE),
    );
    w(
        "h_d_dists_bookworm_InRelease",
        "Origin: Debian\nSuite: oldstable\nCodename: bookworm\nVersion: 12.15\n",
    );
    w(
        "h_d_dists_bookworm-backports_main_binary-amd64_Packages",
        &with_files(BACKPORTS),
    );
    w(
        "h_d_dists_bookworm-backports_InRelease",
        "Origin: Debian\nSuite: oldstable-backports\nCodename: bookworm-backports\nVersion: 12\nNotAutomatic: yes\nButAutomaticUpgrades: yes\n",
    );
    d
}

fn vmcs(dir: &Path, specs: &[&str]) -> Result<BTreeSet<String>, vmcs_deps::DepsError> {
    let mut u = Universe::new("amd64");
    u.load_apt_lists(dir)?;
    let reqs = specs
        .iter()
        .map(|s| Request::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    let r = u.resolve(&reqs)?;
    Ok(r.to_install()
        .map(|p| format!("{}={}", p.name, p.version))
        .collect())
}

/// apt-get on the same lists; `None` when apt-get is not installed.
fn apt(dir: &Path, specs: &[&str]) -> Option<Result<BTreeSet<String>, String>> {
    let etc = tempfile::tempdir().unwrap();
    for sub in ["apt.conf.d", "preferences.d", "sources.list.d"] {
        std::fs::create_dir_all(etc.path().join(sub)).unwrap();
    }
    std::fs::write(
        etc.path().join("sources.list"),
        "deb [trusted=yes] http://h/d bookworm main\ndeb [trusted=yes] http://h/d bookworm-backports main\n",
    )
    .unwrap();
    let state = tempfile::tempdir().unwrap();
    std::fs::write(state.path().join("status"), "").unwrap();
    std::fs::create_dir_all(dir.join("partial")).unwrap();
    let o = |k: &str, v: &Path| format!("{k}={}", v.display());
    let out = Command::new("apt-get")
        .args([
            "-s",
            "-o",
            "Debug::NoLocking=1",
            "-o",
            "APT::Architecture=amd64",
            "-o",
            "APT::Architectures=amd64",
        ])
        .args([
            "-o",
            &o("Dir::Etc", etc.path()),
            "-o",
            &o("Dir::State::Lists", dir),
        ])
        .args(["-o", &o("Dir::State::status", &state.path().join("status"))])
        .args([
            "-o",
            &o("Dir::State::extended_states", &state.path().join("ext")),
        ])
        .args(["-o", &o("Dir::Cache", state.path())])
        .args(["install", "--no-install-recommends"])
        .args(specs)
        .env("LC_ALL", "C")
        .output()
        .ok()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let set: BTreeSet<String> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("Inst "))
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            Some(format!(
                "{}={}",
                w.next()?,
                w.next()?.trim_start_matches('(')
            ))
        })
        .collect();
    Some(if set.is_empty() {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    } else {
        Ok(set)
    })
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn release_and_architecture_requests_pick_versions_like_apt() {
    let d = lists();
    let cases: Vec<(&[&str], Option<&[&str]>)> = vec![
        (&["curl"], Some(&["curl=1", "libcurl=1"])),
        (&["curl:amd64"], Some(&["curl=1", "libcurl=1"])),
        (&["curl/bookworm"], Some(&["curl=1", "libcurl=1"])),
        (&["curl/oldstable"], Some(&["curl=1", "libcurl=1"])),
        // The backports curl needs the backports libcurl: apt switches its candidate too.
        (&["curl/bookworm-backports"], Some(&["curl=2", "libcurl=2"])),
        (
            &["curl/oldstable-backports", "tool"],
            Some(&["curl=2", "libcurl=2", "tool=1"]),
        ),
        (&["curl/12.15"], Some(&["curl=1", "libcurl=1"])),
        (&["curl=2"], None),
        (&["curl/stable"], None),
        (&["curl:i386"], None),
    ];
    for (specs, want) in cases {
        let got = vmcs(d.path(), specs);
        match (want, &got) {
            (Some(w), Ok(g)) => assert_eq!(g, &set(w), "{specs:?}"),
            (None, Err(_)) => {}
            _ => panic!("{specs:?}: got {got:?}, want {want:?}"),
        }
        if let Some(theirs) = apt(d.path(), specs) {
            match (&got, &theirs) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{specs:?}: vmcs and apt-get"),
                (Err(_), Err(_)) => {}
                _ => panic!("{specs:?}: vmcs {got:?}, apt-get {theirs:?}"),
            }
        }
    }
    let e = vmcs(d.path(), &["curl/stable"]).unwrap_err();
    assert_eq!(e.code_str(), "vmcs::deps::unknown_release");
    let shown = format!("{:?}", miette::Report::new(e));
    assert!(
        shown.contains("`curl` has 1 in bookworm (oldstable), 2 in bookworm-backports"),
        "{shown}"
    );
}

#[test]
fn request_syntax() {
    let r = Request::parse("curl:amd64=7.88.1-10").unwrap();
    assert_eq!(
        (r.name.as_str(), r.arch.as_deref()),
        ("curl", Some("amd64"))
    );
    assert_eq!(r.to_string(), "curl:amd64 (= 7.88.1-10)");
    let r = Request::parse("curl/bookworm-security").unwrap();
    assert_eq!(r.release.as_deref(), Some("bookworm-security"));
    assert_eq!(r.to_string(), "curl/bookworm-security");
    let r = Request::parse("python3:any (>= 3.11)").unwrap();
    assert_eq!(r.arch.as_deref(), Some("any"));
    for bad in ["curl:", "curl/", ":amd64", "a b", "curl/x/y", "a|b"] {
        let e = Request::parse(bad).unwrap_err();
        assert_eq!(e.code_str(), "vmcs::deps::bad_target", "{bad}");
    }
}
