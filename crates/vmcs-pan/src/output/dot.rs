//! panc's `dot` format: the profile tree as a Graphviz digraph (panc's `DotFormatter`).
//!
//! One node per path, labelled with the last path term; properties add `\n` and their value,
//! newlines and carriage returns squeezed to a space, strings single-quoted, and anything
//! longer than 15 UTF-16 units (quote included) cut to 12 plus `...`. Labels are not escaped,
//! exactly as panc does it.

use super::push_java_utf8;
use crate::javafmt;
use crate::value::Value;

/// Write `root` as panc's dot graph.
pub fn write_dot(root: &Value, out: &mut Vec<u8>) {
    out.extend_from_slice(
        b"digraph \"profile\" {\nbgcolor = beige\nnode [ color = black, shape = box, fontname=Helvetica ]\nedge [ color = black ]\n",
    );
    out.extend_from_slice(b"\"/profile\" [ label = \"profile\"]\n");
    let mut path = String::from("/profile");
    children(out, &mut path, root);
    out.extend_from_slice(b"}\n");
}

fn children(out: &mut Vec<u8>, path: &mut String, v: &Value) {
    match v {
        Value::Dict(d) => {
            for (k, child) in d.iter() {
                node(out, path, k.as_str(), child);
            }
        }
        Value::List(l) => {
            for (i, child) in l.iter().enumerate() {
                node(out, path, &i.to_string(), child);
            }
        }
        _ => {}
    }
}

fn node(out: &mut Vec<u8>, parent: &mut String, name: &str, v: &Value) {
    let parent_len = parent.len();
    parent.push('/');
    parent.push_str(name);
    let label = match v {
        Value::Dict(_) | Value::List(_) => None,
        Value::Str(s) => Some(fix_label(s, "'")),
        Value::Long(n) => Some(fix_label(&n.to_string(), "")),
        Value::Double(x) => Some(fix_label(&javafmt::double_to_string(*x), "")),
        Value::Bool(b) => Some(fix_label(if *b { "true" } else { "false" }, "")),
        Value::Undef => Some(fix_label("undef", "")),
        Value::Null => Some(fix_label("null", "")),
    };
    out.push(b'"');
    push_java_utf8(out, parent);
    out.extend_from_slice(b"\" [ label = \"");
    push_java_utf8(out, name);
    if let Some(label) = &label {
        out.extend_from_slice(b"\\n");
        push_java_utf8(out, label);
    }
    out.extend_from_slice(b"\" ]\n\"");
    push_java_utf8(out, &parent[..parent_len]);
    out.extend_from_slice(b"\" -> \"");
    push_java_utf8(out, parent);
    out.extend_from_slice(b"\"\n");
    if label.is_none() {
        children(out, parent, v);
    }
    parent.truncate(parent_len);
}

/// panc's `fixString`: squeeze runs of CR/LF to one space, truncate past 15 UTF-16 units.
fn fix_label(s: &str, quote: &str) -> String {
    let mut sb = String::from(quote);
    let mut in_break = false;
    for c in s.chars() {
        if c == '\n' || c == '\r' {
            if !in_break {
                sb.push(' ');
            }
            in_break = true;
        } else {
            sb.push(c);
            in_break = false;
        }
    }
    let units: usize = sb.chars().map(char::len_utf16).sum();
    if units > 15 {
        // setLength(12) in UTF-16 units; a cut surrogate pair leaves a lone surrogate: `?`.
        let mut cut = String::new();
        let mut n = 0;
        for c in sb.chars() {
            let w = c.len_utf16();
            if n + w > 12 {
                if n < 12 {
                    cut.push(super::lone_surrogate(0xD800));
                }
                break;
            }
            cut.push(c);
            n += w;
        }
        sb = cut;
        sb.push_str("...");
    }
    sb.push_str(quote);
    sb
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Dict, Key};

    #[test]
    fn graph_like_panc() {
        let mut d = Dict::new();
        d.insert(
            Key::new("a"),
            Value::list(vec![Value::str("a very long string value\nhere")]),
        );
        d.insert(Key::new("n"), Value::Long(5));
        let mut out = Vec::new();
        write_dot(&Value::dict(d), &mut out);
        let expected = "digraph \"profile\" {\nbgcolor = beige\nnode [ color = black, shape = box, fontname=Helvetica ]\n\
edge [ color = black ]\n\"/profile\" [ label = \"profile\"]\n\
\"/profile/a\" [ label = \"a\" ]\n\"/profile\" -> \"/profile/a\"\n\
\"/profile/a/0\" [ label = \"0\\n'a very long...'\" ]\n\"/profile/a\" -> \"/profile/a/0\"\n\
\"/profile/n\" [ label = \"n\\n5\" ]\n\"/profile\" -> \"/profile/n\"\n}\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn labels_squeeze_and_cut() {
        assert_eq!(fix_label("a\r\n\nb", "'"), "'a b'");
        assert_eq!(fix_label("123456789012345", ""), "123456789012345");
        assert_eq!(fix_label("1234567890123456", ""), "123456789012...");
    }
}
