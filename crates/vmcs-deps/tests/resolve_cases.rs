//! Data-driven resolver cases: each `tests/data/resolve/*.case` is a small Packages index
//! whose leading `#` lines say what to resolve and what to expect:
//!
//! - `# request: SPEC` (repeatable): a request, as on the command line;
//! - `# base: NAME VERSION [SOURCE [SOURCE-VERSION]]` (repeatable): an installed package of the base;
//! - `# base-field: NAME Field: value` (repeatable): another field of that installed package;
//! - `# knowledge: {json}` (repeatable): a Pan-authored package;
//! - `# expect: A B C`: the install order (base packages excluded);
//! - `# expect-cycle: A B`: a cycle found (names sorted);
//! - `# expect-why: PKG = R -> X -> PKG; R2 -> PKG`: the chains `why PKG` gives;
//! - `# expect-error: CODE` and `# expect-message: TEXT` (repeatable: substrings of the
//!   message and its help);
//! - `# apt: skip REASON`: the case is not for apt (`apt_cases.rs` checks the others
//!   against apt-get itself).

use std::path::Path;
use vmcs_deps::{local_packages_from_json, IndexKind, Request, Universe};

#[derive(Default)]
struct Case {
    requests: Vec<String>,
    base: Vec<(String, String, String)>,
    knowledge: Vec<serde_json::Value>,
    expect: Option<String>,
    cycles: Vec<String>,
    why: Vec<(String, String)>,
    error: Option<String>,
    messages: Vec<String>,
}

fn header(text: &str) -> Case {
    let mut c = Case::default();
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        // Free comments are allowed: a header is `# word: value`.
        let Some((key, value)) = line[1..].trim().split_once(':') else {
            continue;
        };
        if key.contains(' ') {
            continue;
        }
        let value = value.trim().to_string();
        match key.trim() {
            "request" => c.requests.push(value),
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
                let b = c
                    .base
                    .iter_mut()
                    .find(|b| b.0 == name)
                    .expect("base-field after its base");
                b.2.push_str(field.trim());
                b.2.push('\n');
            }
            "apt" => {}
            "knowledge" => c
                .knowledge
                .push(serde_json::from_str(&value).expect("knowledge json")),
            "expect" => c.expect = Some(value),
            "expect-cycle" => c.cycles.push(value),
            "expect-why" => {
                let (p, chains) = value.split_once(" = ").expect("expect-why: PKG = chains");
                c.why.push((p.to_string(), chains.to_string()));
            }
            "expect-error" => c.error = Some(value),
            "expect-message" => c.messages.push(value),
            other => panic!("unknown header `{other}`"),
        }
    }
    c
}

fn run(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let c = header(&text);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut u = Universe::new("amd64");
    let outcome = (|| {
        u.add_buffer(
            "test",
            &name,
            text.clone().into_bytes(),
            IndexKind::Packages,
        )?;
        if !c.base.is_empty() {
            let status: String = c
                .base
                .iter()
                .map(|(n, v, src)| {
                    format!("Package: {n}\nStatus: install ok installed\nVersion: {v}\n{src}Architecture: amd64\n\n")
                })
                .collect();
            u.add_buffer("status", "status", status.into_bytes(), IndexKind::Status)?;
        }
        for k in &c.knowledge {
            let profile = serde_json::json!({"software": {"knowledge": {"k": k}}});
            for l in local_packages_from_json(&profile)? {
                u.add_local(l)?;
            }
        }
        let reqs = c
            .requests
            .iter()
            .map(|r| Request::parse(r))
            .collect::<Result<Vec<_>, _>>()?;
        u.resolve(&reqs)
    })();
    match (outcome, &c.error) {
        (Ok(r), None) => {
            let got = r.order.join(" ");
            if let Some(want) = &c.expect {
                if &got != want {
                    return Err(format!("order: got `{got}`, want `{want}`"));
                }
            }
            let cycles: Vec<String> = r.cycles.iter().map(|c| c.join(" ")).collect();
            if cycles != c.cycles {
                return Err(format!("cycles: got {cycles:?}, want {:?}", c.cycles));
            }
            for (p, want) in &c.why {
                let got: Vec<String> = r.why(p).iter().map(|ch| ch.join(" -> ")).collect();
                if got.join("; ") != *want {
                    return Err(format!("why {p}: got `{}`, want `{want}`", got.join("; ")));
                }
            }
            Ok(())
        }
        (Ok(r), Some(code)) => Err(format!(
            "expected error {code}, got order `{}`",
            r.order.join(" ")
        )),
        (Err(e), None) => Err(format!("unexpected error: {e}")),
        (Err(e), Some(code)) => {
            if &e.code_str() != code {
                return Err(format!(
                    "error code: got {}, want {code} ({e})",
                    e.code_str()
                ));
            }
            let shown = format!("{e} {}", miette_help(&e));
            match c.messages.iter().find(|m| !shown.contains(m.as_str())) {
                Some(m) => Err(format!("message: got `{shown}`, want it to contain `{m}`")),
                None => Ok(()),
            }
        }
    }
}

fn miette_help(e: &vmcs_deps::DepsError) -> String {
    use miette::Diagnostic;
    e.help().map(|h| h.to_string()).unwrap_or_default()
}

#[test]
fn resolve_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/resolve");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "case"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 15,
        "expected the resolver cases in {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for f in &files {
        match run(f) {
            Ok(()) => println!("ok   {}", f.file_name().unwrap().to_string_lossy()),
            Err(e) => failures.push(format!("{}: {e}", f.file_name().unwrap().to_string_lossy())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn a_very_long_chain_neither_overflows_nor_hangs() {
    // 2900 packages, each depending on the next: deep recursion, as in apt (limit 3000).
    let n = 2900;
    let text: String = (0..n)
        .map(|i| {
            let dep = if i + 1 < n {
                format!("Depends: p{}\n", i + 1)
            } else {
                String::new()
            };
            format!("Package: p{i}\nVersion: 1\nArchitecture: amd64\n{dep}\n")
        })
        .collect();
    let mut u = Universe::new("amd64");
    u.add_buffer("chain", "chain", text.into_bytes(), IndexKind::Packages)
        .unwrap();
    let r = u.resolve(&[Request::new("p0")]).unwrap();
    assert_eq!(r.order.len(), n);
    assert_eq!(r.order[0], format!("p{}", n - 1));
    // Past apt's depth limit the request fails cleanly.
    let text: String = (0..3100)
        .map(|i| {
            format!(
                "Package: q{i}\nVersion: 1\nArchitecture: amd64\nDepends: q{}\n\n",
                i + 1
            )
        })
        .collect();
    let mut u = Universe::new("amd64");
    u.add_buffer("chain", "chain", text.into_bytes(), IndexKind::Packages)
        .unwrap();
    let e = u.resolve(&[Request::new("q0")]).unwrap_err();
    assert_eq!(e.code_str(), "vmcs::deps::unsatisfiable");
    let msg = e.to_string();
    assert!(
        msg.starts_with("cannot install `q0`: q0 1 -> q1 -> q1 1 -> q2"),
        "{msg}"
    );
    assert!(msg.contains("more steps") && msg.len() < 400, "{msg}");
}
