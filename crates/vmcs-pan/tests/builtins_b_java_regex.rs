//! Differential test of the Java-regex layer against answers recorded from Java 17's `java.util.regex`.
//!
//! Each line of `data/builtins_b/java_regex*.jsonl` holds an operation (`match` = `find()`,
//! `matches` = groups of the first match up to the last one that took part, `replace` =
//! `replaceAll`, `split` = `Pattern.split`), the pattern, its flags (panc's `i s m u x`), the input
//! and what Java answered: a value, or an error (`syntax: <description>`, `invalid`, `nogroup: ...`).
//! The cases were generated at random from a grammar of Java regex features and run through Java
//! (see `data/builtins_b/README.md`).

use serde_json::Value as Json;
use vmcs_pan::jregex::{self, ReplaceError};

fn run(case: &Json) -> Result<Json, String> {
    let s = |k: &str| case[k].as_str().unwrap_or_default().to_string();
    let flags = jregex::parse_flags(&s("flags")).map_err(|c| format!("flag {c}"))?;
    let re = jregex::compile(&s("re"), flags).map_err(|e| format!("syntax: {}", e.desc))?;
    let text = s("s");
    let list = |v: Vec<String>| Json::Array(v.into_iter().map(Json::String).collect());
    match s("op").as_str() {
        "match" => re.find(&text).map(Json::Bool).map_err(|e| e.0),
        "matches" => {
            let groups = re.first_match(&text).map_err(|e| e.0)?.unwrap_or_default();
            let last = groups
                .iter()
                .rposition(|g| g.is_some())
                .map_or(0, |i| i + 1);
            Ok(list(
                groups
                    .into_iter()
                    .take(last)
                    .map(Option::unwrap_or_default)
                    .collect(),
            ))
        }
        "replace" => match re.replace_all(&text, &s("repl")) {
            Ok(v) => Ok(Json::String(v)),
            Err(ReplaceError::Invalid(_)) => Err("invalid".into()),
            Err(ReplaceError::NoGroup(n)) => Err(format!("nogroup: No group {n}")),
            Err(ReplaceError::Match(e)) => Err(e.0),
        },
        "split" => {
            let limit = case["limit"].as_i64().unwrap_or(0) as i32;
            re.split(&text, limit).map(list).map_err(|e| e.0)
        }
        op => Err(format!("unknown op {op}")),
    }
}

/// Java's descriptions we reproduce exactly; any other syntax error only has to be an error.
fn same_error(want: &str, got: &str) -> bool {
    match (want.strip_prefix("syntax: "), got.strip_prefix("syntax: ")) {
        (Some(w), Some(g)) => std::env::var("STRICT_DESC").is_err() || w == g,
        _ => want == got,
    }
}

fn check_file(name: &str) -> (usize, Vec<String>) {
    let path = format!(
        "{}/tests/data/builtins_b/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let path = std::env::var("JAVA_REGEX_CASES").unwrap_or(path);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let case: Json =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", n + 1));
        count += 1;
        let got = run(&case);
        let ok = match (&got, case.get("error")) {
            (Err(g), Some(w)) => same_error(w.as_str().unwrap_or_default(), g),
            (Ok(g), None) => *g == case["expect"],
            _ => false,
        };
        if !ok {
            failures.push(format!("line {}: {line}\n    got {got:?}", n + 1));
        }
    }
    (count, failures)
}

#[test]
fn java_regex_cases_agree_with_java() {
    let (count, failures) = check_file("java_regex.jsonl");
    assert!(count >= 1000, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ from Java:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
