//! Reads a compiled profile in pan XML form into the same JSON value panc's JSON writer gives.
//!
//! `<nlist name=..>` becomes an object, `<list name=..>` an array (its children carry no
//! name), `<string>` a string (base64-decoded with `encoding="base64"`), `<long>`,
//! `<double>` and `<boolean>` numbers and booleans. The root is `<nlist format="pan"
//! name="profile">`.

use crate::error::DepsError;
use base64::Engine as _;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde_json::{Map, Value};

enum Frame {
    Dict(Option<String>, Map<String, Value>),
    List(Option<String>, Vec<Value>),
    Scalar {
        name: Option<String>,
        kind: String,
        base64: bool,
        text: String,
    },
}

fn attr(e: &BytesStart<'_>, key: &[u8]) -> Result<Option<String>, String> {
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        if a.key.as_ref() == key {
            let v = a.unescape_value().map_err(|e| e.to_string())?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

fn open(e: &BytesStart<'_>) -> Result<Frame, String> {
    let tag = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let name = attr(e, b"name")?;
    Ok(match tag.as_str() {
        "nlist" => Frame::Dict(name, Map::new()),
        "list" => Frame::List(name, Vec::new()),
        "string" | "long" | "double" | "boolean" => Frame::Scalar {
            name,
            base64: attr(e, b"encoding")?.as_deref() == Some("base64"),
            kind: tag,
            text: String::new(),
        },
        other => return Err(format!("unknown element `<{other}>`")),
    })
}

fn close(frame: Frame) -> Result<(Option<String>, Value), String> {
    Ok(match frame {
        Frame::Dict(n, m) => (n, Value::Object(m)),
        Frame::List(n, l) => (n, Value::Array(l)),
        Frame::Scalar {
            name,
            kind,
            base64,
            text,
        } => {
            let t = text.trim();
            let v = match kind.as_str() {
                "string" if base64 => {
                    let compact: String = text.split_whitespace().collect();
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(compact.as_bytes())
                        .map_err(|e| {
                            format!("bad base64 in `{}`: {e}", name.as_deref().unwrap_or("?"))
                        })?;
                    Value::String(String::from_utf8_lossy(&bytes).into_owned())
                }
                "string" => Value::String(text),
                "long" => Value::from(
                    t.parse::<i64>()
                        .map_err(|_| format!("`{t}` is not a long"))?,
                ),
                "double" => Value::from(
                    t.parse::<f64>()
                        .map_err(|_| format!("`{t}` is not a double"))?,
                ),
                _ => Value::Bool(match t {
                    "true" => true,
                    "false" => false,
                    _ => return Err(format!("`{t}` is not a boolean")),
                }),
            };
            (name, v)
        }
    })
}

fn attach(stack: &mut [Frame], name: Option<String>, v: Value) -> Result<(), String> {
    match stack.last_mut() {
        Some(Frame::Dict(_, m)) => {
            let k = name.ok_or("an nlist child has no `name`")?;
            m.insert(k, v);
            Ok(())
        }
        Some(Frame::List(_, l)) => {
            l.push(v);
            Ok(())
        }
        Some(Frame::Scalar { .. }) => Err("a scalar element has children".into()),
        None => Err("more than one root element".into()),
    }
}

/// How deep elements may nest: compiled profiles are a few dozen levels deep; a bound
/// keeps hostile input from exhausting memory or the stack (values drop recursively).
pub const MAX_DEPTH: usize = 512;

/// The 1-based line and column (in characters) of byte `pos` of `text`.
fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let before = &text[..pos];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Parses pan XML text into a JSON value (the root nlist becomes the top object).
pub fn pan_xml_to_json(text: &str, path: &str) -> Result<Value, DepsError> {
    let mut r = Reader::from_str(text);
    let fail_at = |pos: u64, m: String| {
        let (line, col) = line_col(text, pos as usize);
        DepsError::BadXml {
            path: format!("{path}:{line}:{col}"),
            message: m,
        }
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Value> = None;
    loop {
        let ev = r
            .read_event()
            .map_err(|e| fail_at(r.error_position(), e.to_string().to_lowercase()))?;
        let pos = r.buffer_position();
        let fail = |m: String| fail_at(pos, m);
        match ev {
            Event::Start(e) => {
                if stack.is_empty() && root.is_some() {
                    return Err(fail("more than one root element".into()));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(fail(format!(
                        "elements nest deeper than {MAX_DEPTH} levels; a compiled profile is never that deep"
                    )));
                }
                stack.push(open(&e).map_err(&fail)?);
            }
            Event::Empty(e) => {
                let (name, v) = close(open(&e).map_err(&fail)?).map_err(&fail)?;
                if stack.is_empty() {
                    root = Some(v);
                } else {
                    attach(&mut stack, name, v).map_err(&fail)?;
                }
            }
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| fail(e.to_string()))?;
                match stack.last_mut() {
                    Some(Frame::Scalar { text, .. }) => text.push_str(&s),
                    _ if s.trim().is_empty() => {}
                    _ => return Err(fail(format!("unexpected text `{}`", s.trim()))),
                }
            }
            Event::CData(t) => {
                if let Some(Frame::Scalar { text, .. }) = stack.last_mut() {
                    text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::End(_) => {
                let frame = stack
                    .pop()
                    .ok_or_else(|| fail("unbalanced end tag".into()))?;
                let (name, v) = close(frame).map_err(&fail)?;
                if stack.is_empty() {
                    root = Some(v);
                } else {
                    attach(&mut stack, name, v).map_err(&fail)?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let fail = |m: String| fail_at(text.len() as u64, m);
    if !stack.is_empty() {
        return Err(fail("the document ends inside an element".into()));
    }
    match root {
        Some(v @ Value::Object(_)) => Ok(v),
        Some(_) => Err(fail("the root element is not an nlist".into())),
        None => Err(fail("no root element".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_element_kind() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<nlist format="pan" name="profile">
  <nlist name="software">
    <nlist name="packages">
      <nlist name="openssh_2dserver"><string name="name">openssh-server</string></nlist>
    </nlist>
    <list name="l"><long>1</long><double>2.5</double><boolean>true</boolean><string/></list>
    <string name="b" encoding="base64">aGVsbG8g
d29ybGQ=</string>
    <string name="esc">a &amp; b</string>
    <nlist name="empty"/>
  </nlist>
</nlist>"#;
        let v = pan_xml_to_json(xml, "p.xml").unwrap();
        let sw = &v["software"];
        assert_eq!(sw["packages"]["openssh_2dserver"]["name"], "openssh-server");
        assert_eq!(sw["l"], serde_json::json!([1, 2.5, true, ""]));
        assert_eq!(sw["b"], "hello world");
        assert_eq!(sw["esc"], "a & b");
        assert_eq!(sw["empty"], serde_json::json!({}));
    }

    #[test]
    fn rejects_broken_documents() {
        let cases = [
            (
                "<nlist name=\"profile\"><long name=\"x\">abc</long></nlist>",
                "is not a long",
            ),
            (
                "<nlist name=\"profile\"><string>x</string></nlist>",
                "has no `name`",
            ),
            (
                "<nlist name=\"profile\"><foo/></nlist>",
                "unknown element `<foo>`",
            ),
            (
                "<nlist name=\"profile\"><list name=\"a\">",
                "ends inside an element",
            ),
            ("<list name=\"profile\"/>", "root element is not an nlist"),
        ];
        for (xml, want) in cases {
            let e = pan_xml_to_json(xml, "p.xml").unwrap_err();
            assert_eq!(e.code_str(), "vmcs::deps::bad_xml");
            assert!(e.to_string().contains(want), "{xml}: {e}");
        }
        let e = pan_xml_to_json(
            "<nlist name=\"profile\">\n  <long name=\"x\">abc</long></nlist>",
            "p.xml",
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with("`p.xml:2:"),
            "line and column: {e}"
        );
    }

    #[test]
    fn deep_nesting_is_a_clear_error_not_a_crash() {
        let d = 200_000;
        let xml = format!(
            "<nlist format=\"pan\" name=\"profile\">{}{}</nlist>",
            "<nlist name=\"a\">".repeat(d),
            "</nlist>".repeat(d)
        );
        let e = pan_xml_to_json(&xml, "deep.xml").unwrap_err();
        assert!(e.to_string().contains("nest deeper than 512"), "{e}");
        let ok = format!(
            "<nlist format=\"pan\" name=\"profile\">{}{}</nlist>",
            "<nlist name=\"a\">".repeat(MAX_DEPTH - 1),
            "</nlist>".repeat(MAX_DEPTH - 1)
        );
        assert!(pan_xml_to_json(&ok, "ok.xml").is_ok());
    }
}
