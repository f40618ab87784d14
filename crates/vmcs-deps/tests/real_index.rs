//! The real bookworm indexes: every stanza loads, every relation field parses, and a broken
//! dependency is explained as a chain naming the indexes.

mod common;

use std::time::Instant;
use vmcs_deps::{LocalPackage, Request, Source, Universe};

#[test]
fn every_stanza_loads_and_every_relation_parses() {
    let Some(indexes) = common::real_indexes() else {
        return;
    };
    for path in &indexes {
        // Count the stanzas for amd64 and all independently of the scanner.
        let text = vmcs_deps::fetch::read_file(path).unwrap();
        let text = String::from_utf8_lossy(&text);
        let want = text
            .split("\n\n")
            .filter(|st| {
                st.lines()
                    .any(|l| l == "Architecture: amd64" || l == "Architecture: all")
            })
            .count();
        let t = Instant::now();
        let mut u = Universe::new("amd64");
        let got = u.load_index(path).unwrap();
        println!("{path}: {got} packages in {:?}", t.elapsed());
        assert_eq!(got, want, "{path}");
        u.validate().unwrap();
    }
}

#[test]
fn a_broken_dependency_is_explained_as_a_chain() {
    let Some(mut u) = common::real_universe() else {
        return;
    };
    // Pan knowledge shadows the real libssl3 with one too old for openssh-server.
    u.add_local(LocalPackage {
        name: "libssl3".into(),
        version: "1.0".into(),
        source: Source::Dir,
        requires: vec![],
        provides: vec![],
        conflicts: vec![],
        install: None,
    })
    .unwrap();
    let e = u.resolve(&[Request::new("openssh-server")]).unwrap_err();
    let msg = e.to_string();
    assert_eq!(e.code_str(), "vmcs::deps::unsatisfiable");
    assert!(
        msg.starts_with("cannot install `openssh-server`: openssh-server 1:"),
        "{msg}"
    );
    assert!(msg.contains(" -> libssl3 (>= 3.0."), "{msg}");
    assert!(
        msg.contains(") -> no candidate in ") && msg.contains("bookworm/main"),
        "{msg}"
    );
    assert!(
        msg.ends_with("amd64 satisfies it (have libssl3 1.0)"),
        "{msg}"
    );
}

#[test]
fn why_explains_the_real_closure() {
    let Some(u) = common::real_universe() else {
        return;
    };
    let r = u.resolve(&[Request::new("openssh-server")]).unwrap();
    let chains = r.why("libc6");
    assert_eq!(chains.len(), 1);
    assert_eq!(
        chains[0].first().map(String::as_str),
        Some("openssh-server")
    );
    assert_eq!(chains[0].last().map(String::as_str), Some("libc6"));
    // Dependencies come before their dependents (outside cycles).
    let pos = |n: &str| r.order.iter().position(|x| x == n).unwrap();
    assert!(pos("libc6") < pos("libssl3"));
    assert!(pos("openssh-client") < pos("openssh-server"));
    assert_eq!(r.order.last().map(String::as_str), Some("openssh-server"));
}
