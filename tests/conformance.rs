//! The Pan conformance tree: every `tests/pan/**/*.pan` object template that carries
//! `# @expect=` lines is compiled and checked.
//!
//! An expectation is either an XPath 1.0 expression over the `pan` XML output that must be
//! true (or a non-empty node set), or a panc exception class
//! (`org.quattor.pan.exceptions.EvaluationException`, `SyntaxException`,
//! `ValidationException`, `org.quattor.pan.parser.ParseException`), optionally followed by
//! `# @message=REGEX` that the error message must match. `# @json=FILE` names a file (relative
//! to the case) that the profile's JSON output must equal byte for byte. A case's include path
//! is its own directory, so helper templates sit next to the cases that use them.

use std::path::{Path, PathBuf};
use vmcs_pan::output::Format;
use vmcs_pan::{CompileOptions, Compiler, ErrorClass};

struct Case {
    file: PathBuf,
    expects: Vec<String>,
    message: Option<String>,
    json: Option<String>,
}

fn cases(root: &Path) -> Vec<Case> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.unwrap();
        let p = entry.path();
        if p.extension().and_then(|e| e.to_str()) != Some("pan") {
            continue;
        }
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let mut expects = Vec::new();
        let mut message = None;
        let mut json = None;
        for line in text.lines() {
            let l = line.trim_start();
            if let Some(e) = l.strip_prefix("# @expect=") {
                expects.push(e.trim().to_string());
            } else if let Some(m) = l.strip_prefix("# @message=") {
                message = Some(m.trim().to_string());
            } else if let Some(j) = l.strip_prefix("# @json=") {
                json = Some(j.trim().to_string());
            }
        }
        if !expects.is_empty() {
            out.push(Case {
                file: p.to_path_buf(),
                expects,
                message,
                json,
            });
        }
    }
    out
}

fn class_of(expect: &str) -> Option<ErrorClass> {
    Some(match expect.rsplit('.').next()? {
        "EvaluationException" => ErrorClass::Evaluation,
        "SyntaxException" => ErrorClass::Syntax,
        "ValidationException" => ErrorClass::Validation,
        "ParseException" => ErrorClass::Parse,
        "SystemException" => ErrorClass::System,
        _ => return None,
    })
}

fn run_case(case: &Case) -> Result<(), String> {
    let dir = case.file.parent().unwrap().to_path_buf();
    let opts = CompileOptions {
        include_dirs: vec![dir.clone()],
        nthread: 1,
        ..CompileOptions::default()
    };
    let compiler = Compiler::new(opts).map_err(|e| e.panc_form())?;
    let results = compiler.compile_files(std::slice::from_ref(&case.file));
    let name = compiler.object_name_for(&case.file);
    // The object is named by its header; a misnamed case fails before it has a name.
    let result = results
        .iter()
        .find(|(n, _)| **n == *name)
        .or_else(|| results.iter().find(|(_, r)| r.is_err()))
        .map(|(_, r)| r.clone())
        .ok_or("object was not compiled")?;
    let wanted_error = case.expects.iter().find_map(|e| class_of(e));
    match (result, wanted_error) {
        (Err(e), Some(class)) => {
            if e.class != class {
                return Err(format!(
                    "expected a {} error, got: {}",
                    class.name(),
                    e.panc_form()
                ));
            }
            if let Some(m) = &case.message {
                let re = regex::Regex::new(m).map_err(|e| format!("bad @message regex: {e}"))?;
                if !re.is_match(&e.message) {
                    return Err(format!("message {:?} does not match /{m}/", e.message));
                }
            }
            Ok(())
        }
        (Err(e), None) => Err(format!("expected success, got: {}", e.panc_form())),
        (Ok(_), Some(class)) => Err(format!(
            "expected a {} error, but the object compiled",
            class.name()
        )),
        (Ok(built), None) => {
            if let Some(j) = &case.json {
                let want = std::fs::read(dir.join(j)).map_err(|e| format!("{j}: {e}"))?;
                let mut got = Vec::new();
                Format::parse("json")
                    .unwrap()
                    .write(&built.root, &built.deps, &mut got);
                if got != want {
                    return Err(format!(
                        "JSON output differs from {j}:\n{}",
                        String::from_utf8_lossy(&got)
                    ));
                }
            }
            let mut xml = Vec::new();
            Format::parse("pan")
                .unwrap()
                .write(&built.root, &built.deps, &mut xml);
            let xml = String::from_utf8(xml).map_err(|e| e.to_string())?;
            let package = sxd_document::parser::parse(&xml)
                .map_err(|e| format!("output is not XML: {e:?}"))?;
            let doc = package.as_document();
            for x in &case.expects {
                let v = sxd_xpath::evaluate_xpath(&doc, x)
                    .map_err(|e| format!("bad XPath {x:?}: {e:?}"))?;
                let ok = match v {
                    sxd_xpath::Value::Boolean(b) => b,
                    sxd_xpath::Value::Nodeset(n) => n.size() > 0,
                    sxd_xpath::Value::Number(n) => n != 0.0 && !n.is_nan(),
                    sxd_xpath::Value::String(s) => !s.is_empty(),
                };
                if !ok {
                    return Err(format!("XPath is false: {x}\n{xml}"));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn pan_conformance_tree() {
    let root = manifest_dir().join("../../tests/pan");
    let all = cases(&root);
    assert!(!all.is_empty(), "no cases under {}", root.display());
    let mut failures = Vec::new();
    for c in &all {
        if let Err(why) = run_case(c) {
            failures.push(format!(
                "{}: {why}",
                c.file.strip_prefix(&root).unwrap_or(&c.file).display()
            ));
        }
    }
    println!(
        "conformance: {} passed, {} failed",
        all.len() - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

/// The package directory, from the variable cargo sets when it runs the test.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(Into::into)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
}
