//! Every resolver case (`tests/data/resolve/*.case`) checked against apt-get itself: the
//! case's index becomes the only list of a private apt configuration, its `# base:` lines
//! a dpkg status, and `apt-get -s install --no-install-recommends` must install the same
//! (package, version) set as vmcs, or fail where vmcs fails. Cases apt cannot express
//! (Pan knowledge, build profiles, relation syntax on the command line) say
//! `# apt: skip REASON`. Skipped with a message when apt-get is not installed.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use vmcs_deps::{local_packages_from_json, IndexKind, Request, Universe};

struct Case {
    requests: Vec<String>,
    /// (name, version, extra status lines)
    base: Vec<(String, String, String)>,
    knowledge: Vec<serde_json::Value>,
    skip: Option<String>,
}

fn header(text: &str) -> Case {
    let mut c = Case {
        requests: Vec::new(),
        base: Vec::new(),
        knowledge: Vec::new(),
        skip: None,
    };
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        let Some((key, value)) = line[1..].trim().split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "request" => c.requests.push(value.to_string()),
            "base" => {
                let w: Vec<&str> = value.split_whitespace().collect();
                let src = match (w.get(2), w.get(3)) {
                    (Some(s), Some(v)) => format!("Source: {s} ({v})\n"),
                    (Some(s), None) => format!("Source: {s}\n"),
                    _ => String::new(),
                };
                c.base.push((w[0].to_string(), w[1].to_string(), src));
            }
            "base-field" => {
                let (name, field) = value
                    .split_once(' ')
                    .expect("base-field: NAME Field: value");
                if let Some(b) = c.base.iter_mut().find(|b| b.0 == name) {
                    b.2.push_str(field.trim());
                    b.2.push('\n');
                }
            }
            "knowledge" => c.knowledge.push(serde_json::from_str(value).expect("json")),
            "apt" => c.skip = Some(value.trim_start_matches("skip").trim().to_string()),
            _ => {}
        }
    }
    c
}

fn status_text(c: &Case) -> String {
    c.base
        .iter()
        .map(|(n, v, extra)| {
            format!("Package: {n}\nStatus: install ok installed\nVersion: {v}\n{extra}Architecture: amd64\n\n")
        })
        .collect()
}

/// The stanzas of the case with the fields apt needs to simulate a download.
fn apt_index(text: &str) -> String {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    body.split("\n\n")
        .filter(|st| !st.trim().is_empty())
        .enumerate()
        .map(|(i, st)| {
            format!(
                "{}\nFilename: pool/{i}.deb\nSize: 1\nSHA256: {}\n\n",
                st.trim_end(),
                "0".repeat(64)
            )
        })
        .collect()
}

/// What apt-get installs for the case (`Err` with its errors when it installs nothing).
fn apt(c: &Case, text: &str) -> Result<BTreeSet<(String, String)>, String> {
    let d = tempfile::tempdir().map_err(|e| e.to_string())?;
    let p = d.path();
    for sub in [
        "lists/partial",
        "etc/apt.conf.d",
        "etc/preferences.d",
        "etc/sources.list.d",
        "cache",
    ] {
        std::fs::create_dir_all(p.join(sub)).map_err(|e| e.to_string())?;
    }
    let write =
        |name: &str, body: &str| std::fs::write(p.join(name), body).map_err(|e| e.to_string());
    write(
        "etc/sources.list",
        "deb [trusted=yes] http://example.invalid/debian test main\n",
    )?;
    write(
        "lists/example.invalid_debian_dists_test_main_binary-amd64_Packages",
        &apt_index(text),
    )?;
    write(
        "lists/example.invalid_debian_dists_test_Release",
        "Origin: x\nLabel: x\nSuite: test\nCodename: test\nArchitectures: amd64\nComponents: main\n",
    )?;
    write("status", &status_text(c))?;
    let opt = |k: &str, v: &Path| format!("{k}={}", v.display());
    let out = Command::new("apt-get")
        .args([
            "-s",
            "-o",
            "Debug::NoLocking=1",
            "-o",
            "APT::Architecture=amd64",
        ])
        .args(["-o", "APT::Architectures=amd64", "-o"])
        .arg(opt("Dir::Etc", &p.join("etc")))
        .arg("-o")
        .arg(opt("Dir::State::Lists", &p.join("lists")))
        .arg("-o")
        .arg(opt("Dir::State::status", &p.join("status")))
        .arg("-o")
        .arg(opt(
            "Dir::State::extended_states",
            &p.join("extended_states"),
        ))
        .arg("-o")
        .arg(opt("Dir::Cache", &p.join("cache")))
        .args(["install", "--no-install-recommends"])
        .args(&c.requests)
        .env("LC_ALL", "C")
        .output()
        .map_err(|e| format!("cannot run apt-get: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let set: BTreeSet<(String, String)> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("Inst "))
        .filter_map(|l| {
            let (name, rest) = l.split_once(' ')?;
            let rest = rest
                .strip_prefix('[')
                .map_or(rest, |r| r.split_once("] ").map_or(r, |x| x.1));
            Some((
                name.to_string(),
                rest.strip_prefix('(')?
                    .split_whitespace()
                    .next()?
                    .to_string(),
            ))
        })
        .collect();
    if set.is_empty() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(set)
}

fn vmcs(c: &Case, name: &str, text: &str) -> Result<BTreeSet<(String, String)>, String> {
    let mut u = Universe::new("amd64");
    let e = |e: vmcs_deps::DepsError| e.to_string();
    u.add_buffer("test", name, text.as_bytes().to_vec(), IndexKind::Packages)
        .map_err(e)?;
    if !c.base.is_empty() {
        u.add_buffer(
            "status",
            "status",
            status_text(c).into_bytes(),
            IndexKind::Status,
        )
        .map_err(e)?;
    }
    for k in &c.knowledge {
        let profile = serde_json::json!({"software": {"knowledge": {"k": k}}});
        for l in local_packages_from_json(&profile).map_err(e)? {
            u.add_local(l).map_err(e)?;
        }
    }
    let reqs = c
        .requests
        .iter()
        .map(|r| Request::parse(r))
        .collect::<Result<Vec<_>, _>>()
        .map_err(e)?;
    let r = u.resolve(&reqs).map_err(e)?;
    Ok(r.to_install()
        .map(|p| (p.name.clone(), p.version.clone()))
        .collect())
}

#[test]
fn resolver_cases_agree_with_apt_get() {
    if Command::new("apt-get").arg("--version").output().is_err() {
        println!("skipping: apt-get is not installed");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/resolve");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "case"))
        .collect();
    files.sort();
    let (mut checked, mut problems) = (0, Vec::new());
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(f).unwrap();
        let c = header(&text);
        if let Some(reason) = &c.skip {
            assert!(!reason.is_empty(), "{name}: `# apt: skip` needs a reason");
            println!("skip {name}: {reason}");
            continue;
        }
        checked += 1;
        match (vmcs(&c, &name, &text), apt(&c, &text)) {
            (Ok(a), Ok(b)) if a == b => println!("ok   {name}: {} packages", a.len()),
            (Err(_), Err(_)) => println!("ok   {name}: both fail"),
            (ours, theirs) => problems.push(format!("{name}: vmcs {ours:?}, apt {theirs:?}")),
        }
    }
    assert!(checked >= 20, "only {checked} cases checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
