//! Bad input must give a clear error naming the file and line, never a panic.
//!
//! Each `tests/data/bad/*.txt` is an index whose leading `#` lines hold the expectation
//! (`# expect-error: CODE`, `# expect-message: TEXT` with `{file}` for its path, and
//! optionally `# request: SPEC`). Broken compression is made here from good data.

use std::io::Write;
use std::path::Path;
use vmcs_deps::{DepsError, Request, Universe};

fn load_and_resolve(path: &str, request: Option<&str>) -> Result<(), DepsError> {
    let mut u = Universe::new("amd64");
    u.load_index(path)?;
    u.validate()?;
    if let Some(r) = request {
        u.resolve(&[Request::parse(r)?])?;
    }
    Ok(())
}

fn header<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix(&format!("# {key}: ")))
}

#[test]
fn bad_index_files_are_clear_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 8);
    let mut failures = Vec::new();
    for f in &files {
        let path = f.to_string_lossy().into_owned();
        let text = std::fs::read_to_string(f).unwrap();
        let code = header(&text, "expect-error").expect("expect-error header");
        let message = header(&text, "expect-message")
            .expect("expect-message header")
            .replace("{file}", &path);
        match load_and_resolve(&path, header(&text, "request")) {
            Ok(()) => failures.push(format!("{path}: no error")),
            Err(e) => {
                if e.code_str() != code || !e.to_string().contains(&message) {
                    failures.push(format!(
                        "{path}: got {} `{e}`, want {code} `{message}`",
                        e.code_str()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn good_index() -> Vec<u8> {
    (0..2000)
        .map(|i| {
            format!(
                "Package: p{i}\nVersion: 1.{i}\nArchitecture: amd64\nDepends: p{}\n\n",
                i + 1
            )
        })
        .collect::<String>()
        .into_bytes()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn broken_compression_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = good_index();
    let mut lz = lz4_flex::frame::FrameEncoder::new(Vec::new());
    lz.write_all(&text).unwrap();
    let lz = lz.finish().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&text).unwrap();
    let gz = gz.finish().unwrap();
    let mut xz = xz2::write::XzEncoder::new(Vec::new(), 6);
    xz.write_all(&text).unwrap();
    let xz = xz.finish().unwrap();
    // The good files load.
    for (name, bytes) in [
        ("ok.lz4", &lz),
        ("ok.gz", &gz),
        ("ok.xz", &xz),
        ("ok", &text),
    ] {
        let p = write(dir.path(), name, bytes);
        let mut u = Universe::new("amd64");
        assert_eq!(u.load_index(&p).unwrap(), 2000, "{name}");
    }
    let mut corrupt = lz.clone();
    let mid = corrupt.len() / 2;
    corrupt[mid..mid + 64].fill(0xff);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "cut.lz4",
            lz[..lz.len() / 2].to_vec(),
            "vmcs::deps::bad_compression",
        ),
        ("corrupt.lz4", corrupt, "vmcs::deps::bad_compression"),
        (
            "cut.gz",
            gz[..gz.len() - 20].to_vec(),
            "vmcs::deps::bad_compression",
        ),
        (
            "cut.xz",
            xz[..xz.len() / 3].to_vec(),
            "vmcs::deps::bad_compression",
        ),
        (
            "index.bz2",
            b"BZh91AY&SY garbage".to_vec(),
            "vmcs::deps::bad_compression",
        ),
        (
            "cut-plain",
            text[..text.len() - 3].to_vec(),
            "vmcs::deps::malformed_index",
        ),
    ];
    for (name, bytes, code) in cases {
        let p = write(dir.path(), name, &bytes);
        let mut u = Universe::new("amd64");
        let e = u.load_index(&p).expect_err(name);
        assert_eq!(e.code_str(), code, "{name}: {e}");
        assert!(
            e.to_string().contains(&p),
            "{name}: the error names the file: {e}"
        );
    }
    let e = Universe::new("amd64")
        .load_index("/nonexistent/Packages")
        .unwrap_err();
    assert_eq!(e.code_str(), "vmcs::deps::io");
    let e = Universe::new("amd64")
        .load_index("https://deb.debian.org/x")
        .unwrap_err();
    assert!(
        e.to_string().contains("unsupported url scheme `https`"),
        "{e}"
    );
}

#[test]
fn an_endless_line_is_bounded_and_quoted_briefly() {
    // `/dev/zero` never ends a line: the scanner stops at its line limit.
    let mut sources = vec![];
    if Path::new("/dev/zero").exists() {
        sources.push("/dev/zero".to_string());
    }
    let dir = tempfile::tempdir().unwrap();
    let mut long = b"Package: a\nVersion: 1\nArchitecture: amd64\nDepends: ".to_vec();
    long.extend(std::iter::repeat_n(b'x', vmcs_deps::index::MAX_LINE + 10));
    long.extend_from_slice(b"\n\n");
    sources.push(write(dir.path(), "long-line", &long));
    for path in sources {
        let e = Universe::new("amd64").load_index(&path).unwrap_err();
        assert_eq!(e.code_str(), "vmcs::deps::malformed_index", "{path}: {e}");
        assert!(e.to_string().contains("longer than 4 MiB"), "{path}: {e}");
        let shown = format!("{:?}", miette::Report::new(e));
        assert!(
            shown.len() < 4096,
            "{path}: a short excerpt, not the line ({} bytes)",
            shown.len()
        );
    }
}

#[test]
fn a_huge_field_resolves_and_prints() {
    // A 65,536-character package name (and version) once panicked in the text table.
    let name = format!("p{}", "a".repeat(65_536));
    let version = format!("1.{}", "0".repeat(65_536));
    let text = format!("Package: {name}\nVersion: {version}\nArchitecture: amd64\n\n");
    let mut u = Universe::new("amd64");
    u.add_buffer("t", "t", text.into_bytes(), vmcs_deps::IndexKind::Packages)
        .unwrap();
    let r = u.resolve(&[Request::new(&name)]).unwrap();
    let out = vmcs_deps::cli::render(&r, None, vmcs_deps::cli::Format::Text);
    assert!(out.contains(&name) && out.contains(&version));
    let out = vmcs_deps::cli::render(&r, None, vmcs_deps::cli::Format::Dot);
    assert!(out.contains(&name));
}

#[test]
fn a_deeply_nested_profile_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = 100_000;
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<nlist format=\"pan\" name=\"profile\">{}{}</nlist>\n",
        "<nlist name=\"a\">".repeat(d),
        "</nlist>".repeat(d)
    );
    let path = write(dir.path(), "deep.xml", xml.as_bytes());
    let e = vmcs_deps::cli::plan(std::slice::from_ref(&path), None).unwrap_err();
    assert_eq!(e.code_str(), "vmcs::deps::bad_xml");
    assert!(e.to_string().contains(&format!("{path}:2:")), "{e}");
    assert!(e.to_string().contains("nest deeper than 512"), "{e}");
    let json = format!("{}1{}", "{\"a\":".repeat(d), "}".repeat(d));
    let path = write(dir.path(), "deep.json", json.as_bytes());
    let e = vmcs_deps::cli::plan(&[path], None).unwrap_err();
    assert_eq!(e.code_str(), "vmcs::deps::bad_profile");
}
