//! `json_encode` / `json_decode` against the oracle's `fn_encode/json_*` cases and a table of
//! Gson behaviours (`tests/data/output/json_decode.txt`).
//!
//! Oracle cases are used when every statement is `'/key' = json_decode(LITERAL);` or
//! `'/key' = LITERAL;`: the decoded values are assembled into a profile whose JSON must equal
//! panc's, or the first error must have panc's class and message.

use std::path::{Path, PathBuf};

use vmcs_pan::builtins::json::{json_decode, json_encode, BUILTINS};
use vmcs_pan::output::write_json;
use vmcs_pan::{BuiltinError, Dict, ErrorClass, Key, Value};

/// The oracle corpus: `$VMCS_ORACLE`, or `shared/oracle` beside the repository (or above it).
fn oracle() -> PathBuf {
    if let Some(dir) = std::env::var_os("VMCS_ORACLE") {
        return PathBuf::from(dir);
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .map(|a| a.join("shared/oracle"))
        .find(|d| d.join("expected").is_dir())
        .expect(
            "oracle corpus not found: set VMCS_ORACLE or put shared/oracle beside the repository",
        )
}

/// A Pan string literal: `'...'` (`''` is a quote) or `"..."` with the common escapes.
fn pan_literal(s: &str) -> Option<String> {
    if let Some(body) = s.strip_prefix('\'').and_then(|b| b.strip_suffix('\'')) {
        return Some(body.replace("''", "'"));
    }
    let body = s.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            c @ ('\\' | '"' | '\'') => c,
            _ => return None,
        });
    }
    Some(out)
}

/// The statements of a case as (key, value-or-error), or None if it uses anything else.
fn run_case(source: &str) -> Option<Vec<(String, Result<Value, BuiltinError>)>> {
    let mut results = Vec::new();
    for line in source.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (path, rhs) = line.split_once(" = ")?;
        let key = path.strip_prefix("'/")?.strip_suffix('\'')?.to_string();
        let rhs = rhs.strip_suffix(';')?;
        let value = match rhs
            .strip_prefix("json_decode(")
            .and_then(|r| r.strip_suffix(')'))
        {
            Some(arg) => json_decode(&[Value::string(pan_literal(arg)?)]),
            None => Ok(Value::string(pan_literal(rhs)?)),
        };
        results.push((key, value));
    }
    Some(results)
}

fn has_null_in_list(v: &Value) -> bool {
    match v {
        Value::List(l) => l.iter().any(|x| x.is_null() || has_null_in_list(x)),
        Value::Dict(d) => d.values().any(has_null_in_list),
        _ => false,
    }
}

#[test]
fn json_decode_oracle_cases() {
    let mut checked = 0;
    let mut failures = Vec::new();
    let dir = oracle().join("cases/fn_encode");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("json_decode") && n.ends_with(".pan"))
        .collect();
    names.sort();
    for name in names {
        let case = name.trim_end_matches(".pan");
        let Some(results) = run_case(&std::fs::read_to_string(dir.join(&name)).unwrap()) else {
            continue;
        };
        let expected = oracle().join("expected/fn_encode").join(case);
        let got = if let Some((_, Err(e))) = results.iter().find(|(_, r)| r.is_err()) {
            // Bare Java exception messages are panc's `unclassified` errors.
            let class = if e.message.starts_with("For input string") {
                "unclassified"
            } else {
                e.class.name()
            };
            format!("{class}\n{}", e.message)
        } else {
            let mut profile = Dict::new();
            for (key, v) in results.into_iter().map(|(k, r)| (k, r.unwrap())) {
                if has_null_in_list(&v) {
                    profile.clear();
                    profile.insert(Key::new("validation"), Value::Null);
                    break;
                }
                if !v.is_null() {
                    profile.insert(Key::new(&key), v);
                }
            }
            if profile.contains_key(&Key::new("validation")) {
                "validation".to_string()
            } else {
                let mut out = Vec::new();
                write_json(&Value::dict(profile), &mut out);
                String::from_utf8(out).unwrap()
            }
        };
        let want = match std::fs::read_to_string(expected.join("error.txt")) {
            Ok(err) => {
                let lines: Vec<&str> = err.lines().collect();
                match lines[0] {
                    "unclassified" => format!("unclassified\n{}", lines[1]),
                    "validation" => "validation".to_string(),
                    class => format!("{class}\n{}", lines[2]),
                }
            }
            Err(_) => std::fs::read_to_string(expected.join(format!("{case}.json"))).unwrap(),
        };
        checked += 1;
        if got != want {
            failures.push(format!("{case}:\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    eprintln!("{checked} json_decode oracle cases checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 20, "only {checked} cases checked");
}

/// `tests/data/output/json_decode.txt`, made with Gson 2.10 by `GenJsonDecode.java`: lines
/// `input<TAB>expected`, the input with escapes `\n`, `\t`, `\B` (BOM) and `\\`, the expected
/// value as Gson's pretty JSON with line starts trimmed, `null`, or `error: message`.
#[test]
fn json_decode_table() {
    let table = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/output/json_decode.txt"),
    )
    .unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for line in table.lines() {
        let (input, want) = line.split_once('\t').unwrap();
        let input = unescape(input);
        let got = match json_decode(&[Value::string(input.clone())]) {
            Err(e) => format!(
                "error: {}",
                e.message
                    .strip_prefix(&format!("invalid JSON value {input}: "))
                    .unwrap_or(&e.message)
            ),
            Ok(Value::Null) => "null".to_string(),
            Ok(v) => {
                let mut out = Vec::new();
                write_json(&v, &mut out);
                String::from_utf8(out)
                    .unwrap()
                    .lines()
                    .map(str::trim_start)
                    .collect::<Vec<_>>()
                    .join("")
            }
        };
        n += 1;
        if got != want {
            failures.push(format!("{input:?}:\n  got:  {got}\n  want: {want}"));
        }
    }
    assert!(n > 30);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next().unwrap() {
            'n' => '\n',
            't' => '\t',
            'B' => '\u{FEFF}',
            other => other,
        });
    }
    out
}

#[test]
fn json_encode_like_gson() {
    let mut d = Dict::new();
    d.insert(Key::new("b"), Value::Long(1));
    d.insert(Key::new("a"), Value::Long(2));
    d.insert(Key::new("C"), Value::Long(3));
    let nested = Value::dict(Dict::from([
        (
            Key::new("l"),
            Value::list(vec![Value::dict(Dict::from([(
                Key::new("x"),
                Value::empty_list(),
            )]))]),
        ),
        (Key::new("e"), Value::empty_dict()),
    ]));
    let doubles = Value::list(
        [1e20, 0.1, 1.0, 1.0e-4, -0.0, 1e7]
            .map(Value::Double)
            .to_vec(),
    );
    for (v, want) in [
        (Value::dict(d), "{\n  \"C\": 3,\n  \"a\": 2,\n  \"b\": 1\n}"),
        (
            nested,
            "{\n  \"e\": {},\n  \"l\": [\n    {\n      \"x\": []\n    }\n  ]\n}",
        ),
        (
            doubles,
            "[\n  1.0E20,\n  0.1,\n  1.0,\n  1.0E-4,\n  -0.0,\n  1.0E7\n]",
        ),
        (
            Value::list(vec![Value::Long(i64::MAX), Value::Long(i64::MIN)]),
            "[\n  9223372036854775807,\n  -9223372036854775808\n]",
        ),
        (Value::Long(1), "1"),
        (Value::Double(1.5), "1.5"),
        (Value::str("a"), "\"a\""),
        (Value::Bool(true), "true"),
        (Value::str("😀"), "\"😀\""),
    ] {
        assert_eq!(json_encode(&[v]).unwrap().as_str(), Some(want));
    }
    let undef = BuiltinError::eval("undef cannot be converted to JSON");
    assert_eq!(json_encode(&[Value::Undef]).unwrap_err(), undef);
    assert_eq!(
        json_encode(&[Value::list(vec![Value::Long(1), Value::Undef])]).unwrap_err(),
        undef
    );
}

#[test]
fn argument_counts_are_syntax_errors() {
    for def in BUILTINS {
        for n in [0, 2] {
            let args = vec![None; n];
            let err = (def.check)(&args).unwrap_err();
            assert_eq!(err.class, ErrorClass::Syntax);
            assert_eq!(
                err.message,
                format!("{}() requires exactly one argument", def.name)
            );
        }
        assert!((def.check)(&[None]).is_ok());
    }
    assert_eq!(
        json_decode(&[Value::Long(1)]).unwrap_err().class,
        ErrorClass::Evaluation
    );
}
