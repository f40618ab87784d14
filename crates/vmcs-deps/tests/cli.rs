//! The `vmcs deps` command: targets, profiles (JSON and pan XML), `why`, the three output
//! formats, `--base`, and indexes fetched over plain HTTP from a loopback server.

use std::io::{Read, Write};
use std::net::TcpListener;
use vmcs_deps::cli::{load, plan, render, run, DepsArgs, Format};

fn data(name: &str) -> String {
    format!("{}/tests/data/profiles/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn args(targets: &[&str], index: Vec<String>) -> DepsArgs {
    DepsArgs {
        targets: targets.iter().map(|s| s.to_string()).collect(),
        index,
        arch: Some("amd64".into()),
        base: None,
        format: Format::Text,
        why: None,
        lists: "/nonexistent".into(),
    }
}

fn resolve(
    a: &DepsArgs,
) -> Result<(vmcs_deps::cli::Plan, vmcs_deps::Resolution), vmcs_deps::DepsError> {
    let p = plan(&a.targets, a.why.clone())?;
    let u = load(a, &p)?;
    let r = u.resolve(&p.requests)?;
    Ok((p, r))
}

#[test]
fn json_and_xml_profiles_resolve_the_same() {
    let mut outs = Vec::new();
    for profile in ["bench.json", "bench.xml"] {
        let a = args(&[&data(profile)], vec![data("small.Packages")]);
        let (_, r) = resolve(&a).unwrap();
        let bench = r.get("specbench").unwrap();
        assert_eq!(bench.source, vmcs_deps::Source::Iso);
        assert_eq!(bench.install.as_deref(), Some("/mnt/cdrom/install.sh"));
        assert!(bench.requested);
        assert_eq!(r.order.last().map(String::as_str), Some("specbench"));
        outs.push(r.to_json());
    }
    assert_eq!(outs[0], outs[1]);
}

#[test]
fn formats_and_why() {
    let idx = vec![data("small.Packages")];
    let a = args(
        &["why", "libc6", "openssh-server", "gcc=4:12.2.0-3"],
        idx.clone(),
    );
    let (p, r) = resolve(&a).unwrap();
    assert_eq!(p.why.as_deref(), Some("libc6"));
    let text = render(&r, p.why.as_deref(), Format::Text);
    assert_eq!(text, "openssh-server -> libssl3 -> libc6\ngcc -> libc6\n");
    let json: serde_json::Value =
        serde_json::from_str(&render(&r, Some("libc6"), Format::Json)).unwrap();
    assert_eq!(json["chains"][1], serde_json::json!(["gcc", "libc6"]));
    let dot = render(&r, Some("libc6"), Format::Dot);
    assert!(
        dot.contains("\"gcc\" -> \"libc6\"") && !dot.contains("openssh-client"),
        "{dot}"
    );
    let full = render(&r, None, Format::Text);
    assert!(
        full.starts_with("5 packages to install for openssh-server, gcc (= 4:12.2.0-3) (amd64)"),
        "{full}"
    );
    let json: serde_json::Value = serde_json::from_str(&render(&r, None, Format::Json)).unwrap();
    assert_eq!(json["order"][0], "libc6");
    assert_eq!(
        json["packages"][0]["pulled_in_by"],
        serde_json::json!(["gcc", "libssl3"])
    );
    let dot = render(&r, None, Format::Dot);
    assert!(dot.starts_with("digraph deps {"));
    // A label's line break is dot's `\n` escape: one backslash, not two.
    assert!(dot.contains("[label=\"gcc\\n4:12.2.0-3\""), "{dot}");
    assert!(!dot.contains("\\\\n"), "{dot}");
    // `--why` on a package outside the plan is an error; run() reports it.
    let mut a = args(&["gcc"], idx.clone());
    a.why = Some("openssh-server".into());
    assert!(run(a).is_err());
    assert!(run(args(&["python3"], idx)).is_ok());
}

#[test]
fn base_packages_are_not_reinstalled() {
    let dir = tempfile::tempdir().unwrap();
    let status = dir.path().join("status");
    std::fs::write(
        &status,
        "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9+deb12u4\nArchitecture: amd64\n\n\
         Package: libssl3\nStatus: deinstall ok config-files\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\n\n\
         Package: openssh-client\nStatus: install ok not-installed\nVersion: 1:9.2p1-2+deb12u3\nArchitecture: amd64\n\n\
         Package: python3\nStatus: hold ok installed\nVersion: 3.11.2-1+b1\nArchitecture: amd64\n\n",
    )
    .unwrap();
    let mut a = args(&["openssh-server"], vec![data("small.Packages")]);
    a.base = Some(status.to_string_lossy().into_owned());
    let (_, r) = resolve(&a).unwrap();
    assert_eq!(r.order, vec!["libssl3", "openssh-client", "openssh-server"]);
    assert_eq!(r.get("libc6").unwrap().source, vmcs_deps::Source::Base);
    assert_eq!(r.apt_specs()[0], "libssl3=3.0.11-1~deb12u2");
    let mut a = args(&["python3"], vec![data("small.Packages")]);
    a.base = Some(status.to_string_lossy().into_owned());
    let (_, r) = resolve(&a).unwrap();
    assert!(
        r.order.is_empty(),
        "a held package is installed: {:?}",
        r.order
    );
}

/// Serves `replies` in turn on a loopback port; returns the base URL.
fn serve(replies: Vec<Vec<u8>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for reply in replies {
            let (mut s, _) = listener.accept().unwrap();
            let mut buf = [0u8; 4096];
            let mut req = Vec::new();
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = s.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                req.extend_from_slice(&buf[..n]);
            }
            s.write_all(&reply).unwrap();
        }
    });
    format!("http://{addr}")
}

#[test]
fn indexes_over_http() {
    let text = std::fs::read(data("small.Packages")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&text).unwrap();
    let gz = gz.finish().unwrap();
    let mut ok = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", gz.len()).into_bytes();
    ok.extend_from_slice(&gz);
    let mut chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for c in text.chunks(100) {
        chunked.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        chunked.extend_from_slice(c);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let base = serve(vec![
        b"HTTP/1.1 301 Moved\r\nLocation: /real/Packages.gz\r\n\r\n".to_vec(),
        ok,
        chunked,
        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
    ]);
    // The redirect's Location is relative here; make it absolute like real servers do.
    let url = format!("{base}/Packages.gz");
    let mut u = vmcs_deps::Universe::new("amd64");
    let err = u.load_index(&url).unwrap_err();
    assert!(err.to_string().contains("not plain http"), "{err}");
    assert_eq!(
        u.load_index(&format!("{base}/again/Packages.gz")).unwrap(),
        6
    );
    assert_eq!(u.load_index(&format!("{base}/Packages")).unwrap(), 6);
    let e = u.load_index(&format!("{base}/missing")).unwrap_err();
    assert_eq!(e.code_str(), "vmcs::deps::fetch");
    assert!(e.to_string().contains("404"), "{e}");
    assert!(u
        .resolve(&[vmcs_deps::Request::new("openssh-server")])
        .is_ok());
}
