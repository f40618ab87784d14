//! Bad input never crashes `vmcs compile`: each case must exit with status 1 and one JSON
//! error of the expected class (no panic, no hang, no stack overflow).

use std::path::Path;
use std::process::Command;

struct Case {
    name: &'static str,
    /// Files to write: (relative path, contents).
    files: Vec<(&'static str, Vec<u8>)>,
    args: &'static [&'static str],
    class: &'static str,
}

fn cases() -> Vec<Case> {
    let big: String = (0..200_000)
        .map(|i| format!("'/a/k{i}' = {i};\n"))
        .collect();
    let nested = format!(
        "object template nested;\n'/a' = {}1{};\n",
        "(".repeat(20_000),
        ")".repeat(20_000)
    );
    vec![
        Case { name: "invalid_utf8", files: vec![("invalid_utf8.pan", b"object template invalid_utf8;\n'/a' = '\xff\xfe';\n".to_vec())], args: &[], class: "parse" },
        Case { name: "utf8_bom", files: vec![("utf8_bom.pan", b"\xef\xbb\xbfobject template utf8_bom;\n".to_vec())], args: &[], class: "parse" },
        Case { name: "unknown_template", files: vec![("unknown_template.pan", b"object template unknown_template;\ninclude 'no/such/template';\n".to_vec())], args: &[], class: "evaluation" },
        Case { name: "wrong_name", files: vec![("wrong_name.pan", b"object template another_name;\n".to_vec())], args: &[], class: "syntax" },
        Case {
            name: "include_loop",
            files: vec![
                ("include_loop.pan", b"object template include_loop;\ninclude 'a';\n".to_vec()),
                ("a.pan", b"template a;\ninclude 'b';\n".to_vec()),
                ("b.pan", b"template b;\ninclude 'a';\n".to_vec()),
            ],
            args: &[],
            class: "evaluation",
        },
        Case {
            name: "unbounded_recursion",
            files: vec![("unbounded_recursion.pan", b"object template unbounded_recursion;\nfunction f = f(ARGV[0] + 1);\n'/a' = f(0);\n".to_vec())],
            args: &["--max-recursion", "100000000"],
            class: "evaluation",
        },
        Case {
            name: "runaway_loop",
            files: vec![("runaway_loop.pan", b"object template runaway_loop;\n'/a' = { i = value('/n'); while (true) i = i + 1; i; };\n'/n' = 0;\n".to_vec())],
            args: &[],
            class: "evaluation",
        },
        Case { name: "nested", files: vec![("nested.pan", nested.into_bytes())], args: &[], class: "parse" },
        Case {
            name: "huge_file",
            files: vec![("huge_file.pan", format!("object template huge_file;\n{big}'/a/k0' = 'x';\n").into_bytes())],
            args: &[],
            class: "evaluation",
        },
    ]
}

fn run(dir: &Path, c: &Case) -> Result<(), String> {
    for (p, body) in &c.files {
        std::fs::write(dir.join(p), body).map_err(|e| e.to_string())?;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_vmcs"))
        .arg("compile")
        .args([
            "--include-path",
            dir.to_str().unwrap(),
            "--output-dir",
            dir.join("out").to_str().unwrap(),
        ])
        .args(["--error-format", "json"])
        .args(c.args)
        .arg(dir.join(c.files[0].0))
        .output()
        .map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() != Some(1) {
        return Err(format!(
            "exit status {:?}, stderr: {}",
            out.status,
            &stderr[..stderr.len().min(300)]
        ));
    }
    let classes: Vec<String> = stderr
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["class"].as_str().map(str::to_string))
        .collect();
    if classes.first().map(String::as_str) != Some(c.class) {
        return Err(format!(
            "expected a {} error, got {classes:?}: {}",
            c.class,
            &stderr[..stderr.len().min(300)]
        ));
    }
    Ok(())
}

#[test]
fn bad_input_gives_a_classed_error_never_a_crash() {
    let mut failures = Vec::new();
    for c in cases() {
        let dir = tempfile::tempdir().unwrap();
        if let Err(why) = run(dir.path(), &c) {
            failures.push(format!("{}: {why}", c.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
