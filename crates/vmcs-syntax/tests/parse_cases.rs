//! Parse every template of the panc oracle corpus and compare with what panc did: a file panc
//! rejected with a parse error must give a Parse-class error, a long literal panc choked on a
//! System-class error, and every other file must parse cleanly.
//!
//! The corpus is found through `VMCS_ORACLE`, else `shared/oracle` beside the workspace, else
//! `/work/shared/oracle`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use vmcs_syntax::{parse, ErrorClass};

/// Cases whose outcome at parse time differs from panc's for a known reason.
const ALLOWED: &[(&str, &str)] = &[];

fn oracle_dir() -> PathBuf {
    let candidates = [
        std::env::var_os("VMCS_ORACLE").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/oracle")),
        Some(PathBuf::from("/work/shared/oracle")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.join("cases").is_dir())
        .expect("the panc oracle corpus (set VMCS_ORACLE to its directory)")
}

/// What panc's error.txt says about one case: its class and the file its location names.
struct Expected {
    class: Option<String>,
    file: Option<String>,
    system_literal: bool,
}

fn expected(oracle: &Path, category: &str, case: &str) -> Expected {
    let text = std::fs::read_to_string(
        oracle.join("expected").join(category).join(case).join("error.txt"),
    )
    .unwrap_or_default();
    let mut lines = text.lines();
    let class = lines.next().map(str::to_string);
    let second = lines.next().unwrap_or("");
    // `parse error [$CASEDIR/sub/name.pan:3.1-3.3]`
    let file = second
        .split_once("[$CASEDIR/")
        .map(|(_, rest)| rest.split([':', ']']).next().unwrap_or("").to_string());
    let system_literal =
        class.as_deref() == Some("system") && text.contains("unexpected system exception");
    Expected { class, file, system_literal }
}

/// Every `.pan`/`.tpl` file under `dir`, as (path, path relative to `dir`).
fn templates(dir: &Path, base: &Path, out: &mut Vec<(PathBuf, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            templates(&p, base, out);
        } else if p.extension().is_some_and(|e| e == "pan" || e == "tpl") {
            let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
            out.push((p, rel));
        }
    }
}

#[test]
fn oracle_parse_agreement() {
    let oracle = oracle_dir();
    let mut mismatches = Vec::new();
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    let mut categories: Vec<_> =
        std::fs::read_dir(oracle.join("cases")).unwrap().flatten().map(|e| e.path()).collect();
    categories.sort();
    for cat_dir in categories {
        let category = cat_dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files = Vec::new();
        templates(&cat_dir, &cat_dir, &mut files);
        for (path, rel) in files {
            // `case.pan` (single file) or `case/any.pan` (multi-template case).
            let (case, in_case) = match rel.split_once('/') {
                Some((case, inner)) => (case.to_string(), inner.to_string()),
                None => (rel.trim_end_matches(".pan").to_string(), rel.clone()),
            };
            let exp = expected(&oracle, &category, &case);
            let blamed = exp.file.as_deref() == Some(in_case.as_str());
            let want = match exp.class.as_deref() {
                Some("parse") if blamed => Some(ErrorClass::Parse),
                Some("system") if blamed && exp.system_literal => Some(ErrorClass::System),
                _ => None,
            };
            let src = std::fs::read_to_string(&path).unwrap();
            let parsed = parse(&src);
            let got = parsed.errors.first().map(|e| e.class);
            let key = format!("{category}/{case}:{in_case}");
            let ok = got == want || ALLOWED.iter().any(|(k, _)| *k == key);
            *tally.entry(if ok { "agree" } else { "disagree" }).or_default() += 1;
            *tally
                .entry(if want.is_some() { "expected errors" } else { "expected clean" })
                .or_default() += 1;
            if !ok {
                let first = parsed.errors.first().map(|e| e.message.clone()).unwrap_or_default();
                mismatches.push(format!("{key}: want {want:?}, got {got:?} {first}"));
            }
            if want.is_none() && parsed.template.is_none() && got.is_none() {
                mismatches.push(format!("{key}: no errors but no template"));
            }
        }
    }
    println!("oracle parse agreement: {tally:?}");
    for m in &mismatches {
        println!("  {m}");
    }
    assert!(mismatches.is_empty(), "{} mismatches with panc (see above)", mismatches.len());
}
