//! Every class of bad profile value is refused with its profile path, the same way whether
//! the profile comes as JSON or as pan XML (cases in `data/bad_values.txt`).

use serde_json::Value;
use std::path::Path;
use vmcs_model::{ModelError, VmProfile};

fn data(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .unwrap()
}

/// A JSON value tree as panc's pan XML (what `vmcs compile --formats pan` writes).
fn to_pan_xml(v: &Value) -> String {
    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }
    fn el(name: Option<&str>, v: &Value, out: &mut String) {
        let n = name
            .map(|n| format!(" name=\"{}\"", esc(n)))
            .unwrap_or_default();
        match v {
            Value::Object(m) => {
                out.push_str(&format!("<nlist{n}>"));
                for (k, x) in m {
                    el(Some(k), x, out);
                }
                out.push_str("</nlist>");
            }
            Value::Array(a) => {
                out.push_str(&format!("<list{n}>"));
                for x in a {
                    el(None, x, out);
                }
                out.push_str("</list>");
            }
            Value::String(s) if s.chars().any(|c| c.is_control()) => {
                use base64::Engine;
                let b = base64::engine::general_purpose::STANDARD.encode(s);
                out.push_str(&format!("<string{n} encoding=\"base64\">{b}</string>"));
            }
            Value::String(s) => out.push_str(&format!("<string{n}>{}</string>", esc(s))),
            Value::Number(x) if x.is_f64() => out.push_str(&format!("<double{n}>{x}</double>")),
            Value::Number(x) => out.push_str(&format!("<long{n}>{x}</long>")),
            Value::Bool(b) => out.push_str(&format!("<boolean{n}>{b}</boolean>")),
            Value::Null => {}
        }
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let Value::Object(m) = v else {
        panic!("a profile is a dict")
    };
    out.push_str("<nlist format=\"pan\" name=\"profile\">");
    for (k, x) in m {
        el(Some(k), x, &mut out);
    }
    out.push_str("</nlist>\n");
    out
}

fn set(v: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let p = v
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent} in base.json"));
    match p {
        Value::Object(m) => {
            m.insert(key.to_string(), new);
        }
        Value::Array(a) => a[key.parse::<usize>().unwrap()] = new,
        _ => panic!("{parent} is a scalar"),
    }
}

#[test]
fn the_base_profile_is_valid_in_both_forms() {
    let v: Value = serde_json::from_str(&data("base.json")).unwrap();
    let a = VmProfile::from_json_str(&v.to_string()).unwrap();
    let b = VmProfile::from_pan_xml_str(&to_pan_xml(&v)).unwrap();
    assert_eq!(a, b, "JSON and pan XML describe the same VM");
    assert_eq!(a.system.users.len(), 1);
    assert_eq!(a.system.units.len(), 1);
}

#[test]
fn every_bad_value_is_refused_with_its_path() {
    let base: Value = serde_json::from_str(&data("base.json")).unwrap();
    let mut n = 0;
    for line in data("bad_values.txt").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 4, "bad case line: {line}");
        let mut v = base.clone();
        set(
            &mut v,
            f[0],
            serde_json::from_str(f[1]).unwrap_or_else(|e| panic!("{line}: {e}")),
        );
        for (form, r) in [
            ("json", VmProfile::from_json_str(&v.to_string())),
            ("xml", VmProfile::from_pan_xml_str(&to_pan_xml(&v))),
        ] {
            match r {
                Err(ModelError::Schema { path, message }) => {
                    assert_eq!(path, f[2], "{form}: {line}\n  got: {message}");
                    assert!(message.contains(f[3]), "{form}: {line}\n  got: {message}");
                }
                other => panic!("{form}: {line}\n  accepted or wrong error: {other:?}"),
            }
        }
        n += 1;
    }
    assert!(n >= 40, "only {n} cases");
}

#[test]
fn deep_xml_is_refused_not_overflowed() {
    let mut xml = String::from("<nlist format=\"pan\" name=\"profile\">");
    for _ in 0..100_000 {
        xml.push_str("<nlist name=\"a\">");
    }
    let e = VmProfile::from_pan_xml_str(&xml).unwrap_err().to_string();
    assert!(e.contains("nested deeper than"), "{e}");
    let deep_json = "[".repeat(100_000);
    assert!(VmProfile::from_json_str(&deep_json).is_err());
}
