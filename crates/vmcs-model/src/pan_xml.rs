//! Reader for panc's `pan` XML profile format, turned into `serde_json::Value` for the model.
//!
//! The format nests `<nlist name="..">` (maps) and `<list name="..">` (sequences, whose
//! children carry no name) down to scalar leaves: `<string>`, `<long>`, `<double>`,
//! `<boolean>`. A string may carry `encoding="base64"`. Errors name the profile path.

use crate::ModelError;
use base64::Engine;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde_json::{Map, Number, Value};

/// Deepest nesting accepted (a VM profile needs about 8 levels).
pub const MAX_DEPTH: usize = 64;

/// One open element while reading.
struct Frame {
    kind: Kind,
    /// Path of this element in the profile (`/hardware/disks/0`).
    path: String,
    /// Name under which it goes into its parent (None for list children).
    name: Option<String>,
    base64: bool,
    text: String,
    map: Map<String, Value>,
    seq: Vec<Value>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Nlist,
    List,
    Str,
    Long,
    Double,
    Boolean,
}

fn err(path: &str, message: impl Into<String>) -> ModelError {
    let path = if path.is_empty() {
        "/".to_string()
    } else {
        path.to_string()
    };
    ModelError::Schema {
        path,
        message: message.into(),
    }
}

fn attrs(e: &BytesStart<'_>, path: &str) -> Result<(Option<String>, bool), ModelError> {
    let mut name = None;
    let mut base64 = false;
    for a in e.attributes() {
        let a = a.map_err(|x| err(path, format!("bad attribute: {x}")))?;
        let v = a
            .unescape_value()
            .map_err(|x| err(path, format!("bad attribute value: {x}")))?;
        match a.key.as_ref() {
            b"name" => name = Some(v.into_owned()),
            b"encoding" => base64 = v == "base64",
            _ => {}
        }
    }
    Ok((name, base64))
}

fn kind_of(tag: &[u8]) -> Option<Kind> {
    Some(match tag {
        b"nlist" => Kind::Nlist,
        b"list" => Kind::List,
        b"string" => Kind::Str,
        b"long" => Kind::Long,
        b"double" => Kind::Double,
        b"boolean" => Kind::Boolean,
        _ => return None,
    })
}

fn open(stack: &[Frame], e: &BytesStart<'_>) -> Result<Frame, ModelError> {
    let parent_path = stack.last().map(|f| f.path.as_str()).unwrap_or("");
    let tag = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let kind = kind_of(e.name().as_ref())
        .ok_or_else(|| err(parent_path, format!("unknown element `<{tag}>`")))?;
    let (name, base64) = attrs(e, parent_path)?;
    let path = match (stack.last(), &name) {
        // The root element is the profile itself; its name (`profile`) is not part of paths.
        (None, _) => String::new(),
        (Some(p), _) if p.kind == Kind::List => format!("{}/{}", p.path, p.seq.len()),
        (Some(p), Some(n)) => format!("{}/{}", p.path, n),
        (Some(p), None) => {
            return Err(err(
                &p.path,
                format!("`<{tag}>` inside an nlist needs a `name` attribute"),
            ))
        }
    };
    if let Some(p) = stack.last() {
        if !matches!(p.kind, Kind::Nlist | Kind::List) {
            return Err(err(&p.path, "a scalar cannot contain elements"));
        }
    }
    let name = if stack.last().is_some_and(|p| p.kind == Kind::List) {
        None
    } else {
        name
    };
    Ok(Frame {
        kind,
        path,
        name,
        base64,
        text: String::new(),
        map: Map::new(),
        seq: Vec::new(),
    })
}

fn finish(f: Frame) -> Result<(Option<String>, Value), ModelError> {
    let text = f.text.trim();
    let v = match f.kind {
        Kind::Nlist => Value::Object(f.map),
        Kind::List => Value::Array(f.seq),
        Kind::Str if f.base64 => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text.as_bytes())
                .map_err(|e| err(&f.path, format!("bad base64 string: {e}")))?;
            Value::String(
                String::from_utf8(bytes).map_err(|_| err(&f.path, "base64 string is not UTF-8"))?,
            )
        }
        Kind::Str => Value::String(f.text),
        Kind::Long => Value::Number(
            text.parse::<i64>()
                .map_err(|_| err(&f.path, format!("expected a long, found `{text}`")))?
                .into(),
        ),
        Kind::Double => {
            let d = text
                .parse::<f64>()
                .map_err(|_| err(&f.path, format!("expected a double, found `{text}`")))?;
            Value::Number(Number::from_f64(d).ok_or_else(|| err(&f.path, "double is not finite"))?)
        }
        Kind::Boolean => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Err(err(&f.path, format!("expected a boolean, found `{text}`"))),
        },
    };
    Ok((f.name, v))
}

fn attach(stack: &mut [Frame], name: Option<String>, v: Value) -> Option<Value> {
    match stack.last_mut() {
        None => Some(v),
        Some(p) if p.kind == Kind::List => {
            p.seq.push(v);
            None
        }
        Some(p) => {
            p.map.insert(name.unwrap_or_default(), v);
            None
        }
    }
}

/// Parse a pan-format XML profile into a JSON value tree.
pub fn pan_xml_to_value(text: &str) -> Result<Value, ModelError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    loop {
        let ev = reader.read_event().map_err(|e| {
            ModelError::Read(format!("bad XML at byte {}: {e}", reader.buffer_position()))
        })?;
        match ev {
            Event::Start(e) => {
                let f = open(&stack, &e)?;
                if stack.len() >= MAX_DEPTH {
                    return Err(err(
                        &f.path,
                        format!("nested deeper than {MAX_DEPTH} levels"),
                    ));
                }
                stack.push(f);
            }
            Event::Empty(e) => {
                let f = open(&stack, &e)?;
                let (name, v) = finish(f)?;
                if let Some(root) = attach(&mut stack, name, v) {
                    return Ok(root);
                }
            }
            Event::End(_) => {
                let f = stack
                    .pop()
                    .ok_or_else(|| ModelError::Read("unbalanced XML".into()))?;
                let (name, v) = finish(f)?;
                if let Some(root) = attach(&mut stack, name, v) {
                    return Ok(root);
                }
            }
            Event::Text(t) => {
                if let Some(f) = stack.last_mut() {
                    let s = t
                        .unescape()
                        .map_err(|e| err(&f.path, format!("bad text: {e}")))?;
                    f.text.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Some(f) = stack.last_mut() {
                    f.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::Eof => return Err(ModelError::Read("XML ended before the profile did".into())),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_lists_and_scalars() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?><nlist format="pan" name="profile">
            <nlist name="a"><long name="n">3</long><boolean name="b">true</boolean>
            <string name="s" encoding="base64">aGk=</string><double name="d">1.5</double>
            <list name="l"><string>x</string><nlist><long name="k">1</long></nlist></list></nlist></nlist>"#;
        let v = pan_xml_to_value(xml).unwrap();
        assert_eq!(
            v.to_string(),
            r#"{"a":{"b":true,"d":1.5,"l":["x",{"k":1}],"n":3,"s":"hi"}}"#
        );
    }

    #[test]
    fn bad_long_names_its_path() {
        let xml = r#"<nlist format="pan" name="profile"><nlist name="hardware"><long name="vcpus">one</long></nlist></nlist>"#;
        let e = pan_xml_to_value(xml).unwrap_err().to_string();
        assert_eq!(
            e,
            "profile does not fit the VM schema at `/hardware/vcpus`: expected a long, found `one`"
        );
    }
}
