//! The output writers against every profile panc wrote in the oracle corpus.
//!
//! Each expected `.xml` is read back into a `Value` (a small reader for panc's pan XML below);
//! writing that value must reproduce the `.xml`, the `.json` and the `.txt` byte for byte, and
//! the `.dep` lines (shuffled first) must come back sorted as panc wrote them.

use std::path::{Path, PathBuf};

use vmcs_pan::output::{
    self, write_dep, write_json, write_pan_xml, write_text, DepKind, Dependency,
};
use vmcs_pan::{Dict, Key, Value};

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

/// A reader for exactly the XML panc writes: elements, `name`/`encoding` attributes, entities.
struct XmlReader<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> XmlReader<'a> {
    fn skip_ws(&mut self) {
        while self.s[self.pos..].starts_with([' ', '\n']) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, lit: &str) {
        assert!(
            self.s[self.pos..].starts_with(lit),
            "expected {lit:?} at {}: {:?}",
            self.pos,
            &self.s[self.pos..]
        );
        self.pos += lit.len();
    }

    /// Reads `<tag a="v" ...>` or `<tag .../>`: (tag, attributes, self-closing).
    fn open(&mut self) -> (String, Vec<(String, String)>, bool) {
        self.expect("<");
        let end = self.pos + self.s[self.pos..].find([' ', '>', '/']).unwrap();
        let tag = self.s[self.pos..end].to_string();
        self.pos = end;
        let mut attrs = Vec::new();
        loop {
            self.skip_ws();
            if self.s[self.pos..].starts_with("/>") {
                self.pos += 2;
                return (tag, attrs, true);
            }
            if self.s[self.pos..].starts_with('>') {
                self.pos += 1;
                return (tag, attrs, false);
            }
            let eq = self.pos + self.s[self.pos..].find('=').unwrap();
            let name = self.s[self.pos..eq].to_string();
            self.pos = eq + 2;
            let close = self.pos + self.s[self.pos..].find('"').unwrap();
            attrs.push((name, unescape(&self.s[self.pos..close])));
            self.pos = close + 1;
        }
    }

    fn element(&mut self) -> (Option<String>, Value) {
        let (tag, attrs, empty) = self.open();
        let attr = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        let name = attr("name");
        let value = match tag.as_str() {
            "nlist" | "list" => {
                let mut dict = Dict::new();
                let mut list = Vec::new();
                if !empty {
                    loop {
                        self.skip_ws();
                        if self.s[self.pos..].starts_with("</") {
                            break;
                        }
                        let (k, v) = self.element();
                        match k {
                            Some(k) if tag == "nlist" => {
                                dict.insert(Key::new(&k), v);
                            }
                            _ => list.push(v),
                        }
                    }
                    self.expect(&format!("</{tag}>"));
                }
                if tag == "nlist" {
                    Value::dict(dict)
                } else {
                    Value::list(list)
                }
            }
            _ => {
                let text = if empty {
                    String::new()
                } else {
                    let close = self.pos + self.s[self.pos..].find("</").unwrap();
                    let raw = &self.s[self.pos..close];
                    self.pos = close;
                    self.expect(&format!("</{tag}>"));
                    raw.to_string()
                };
                match tag.as_str() {
                    "string" if attr("encoding").is_some() => Value::string(from_base64(&text)),
                    "string" => Value::string(unescape(&text)),
                    "long" => Value::Long(text.parse().unwrap()),
                    "double" => Value::Double(text.parse().unwrap()),
                    "boolean" => Value::Bool(text == "true"),
                    other => panic!("unknown element {other}"),
                }
            }
        };
        (name, value)
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = i + rest[i..].find(';').unwrap();
        let entity = &rest[i + 1..end];
        out.push(match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            _ => char::from_u32(entity.strip_prefix('#').unwrap().parse().unwrap()).unwrap(),
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn from_base64(text: &str) -> String {
    use base64::Engine;
    let compact: String = text.chars().filter(|c| *c != '\n').collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact)
        .unwrap();
    let s = String::from_utf8(bytes).unwrap();
    if output::xml::is_valid_xml(&s) {
        // Only a lone surrogate (written `?` by Java's encoder) made panc encode this.
        s.replace('?', &output::lone_surrogate(0xDE00).to_string())
    } else {
        s
    }
}

fn parse_profile(xml: &str) -> Value {
    let mut r = XmlReader { s: xml, pos: 0 };
    r.expect("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let (_, v) = r.element();
    r.expect("\n");
    assert_eq!(r.pos, xml.len());
    v
}

fn xml_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            xml_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "xml") {
            found.push(path);
        }
    }
}

fn parse_dep(text: &str) -> Vec<Dependency> {
    text.lines()
        .map(|line| {
            let mut parts = line.splitn(3, ' ');
            let name = parts.next().unwrap().to_string();
            let kind = match parts.next().unwrap() {
                "PAN" => DepKind::Pan,
                "TPL" => DepKind::Tpl,
                "TEXT" => DepKind::Text,
                "ABSENT_SOURCE" => DepKind::AbsentSource,
                "ABSENT_TEXT" => DepKind::AbsentText,
                other => panic!("unknown dep type {other}"),
            };
            let uri = parts.next().unwrap();
            let dir = uri
                .strip_prefix("file:$CASEDIR")
                .map(|rest| PathBuf::from(format!("/CASEDIR{rest}")));
            Dependency { name, kind, dir }
        })
        .collect()
}

#[test]
fn writers_reproduce_every_oracle_profile() {
    let mut files = Vec::new();
    xml_files(&oracle().join("expected"), &mut files);
    files.sort();
    let (mut xml_ok, mut json_ok, mut txt_ok, mut dep_ok) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for path in &files {
        let expected_xml = std::fs::read_to_string(path).unwrap();
        let profile = parse_profile(&expected_xml);
        let mut out = Vec::new();
        write_pan_xml(&profile, &mut out);
        if out == expected_xml.as_bytes() {
            xml_ok += 1;
        } else {
            failures.push(format!(
                "{}:\n{}",
                path.display(),
                String::from_utf8_lossy(&out)
            ));
        }
        for (ext, count) in [("json", &mut json_ok), ("txt", &mut txt_ok)] {
            let Ok(expected) = std::fs::read(path.with_extension(ext)) else {
                continue;
            };
            out.clear();
            if ext == "json" {
                write_json(&profile, &mut out);
            } else {
                write_text(&profile, &mut out);
            }
            if out == expected {
                *count += 1;
            } else {
                failures.push(format!(
                    "{}.{ext}:\n{}",
                    path.display(),
                    String::from_utf8_lossy(&out)
                ));
            }
        }
        if let Ok(expected) = std::fs::read_to_string(path.with_extension("dep")) {
            let mut deps = parse_dep(&expected);
            deps.reverse();
            out.clear();
            write_dep(&deps, &mut out);
            if String::from_utf8(out.clone())
                .unwrap()
                .replace("file:/CASEDIR", "file:$CASEDIR")
                == expected
            {
                dep_ok += 1;
            } else {
                failures.push(format!(
                    "{}.dep:\n{}",
                    path.display(),
                    String::from_utf8_lossy(&out)
                ));
            }
        }
    }
    eprintln!(
        "{} profiles: xml {xml_ok}, json {json_ok}, txt {txt_ok}, dep {dep_ok}",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(files.len() > 790, "oracle profiles found: {}", files.len());
}
