//! panc's `dot` format: the profile tree as a Graphviz digraph (panc's `DotFormatter`).
//!
//! One node per path, labelled with the last path term; properties add `\n` and their value,
//! newlines and carriage returns squeezed to a space, strings single-quoted, and anything
//! longer than 15 UTF-16 units (quote included) cut to 12 plus `...`. Labels are not escaped,
//! exactly as panc does it.

use super::push_java_utf8;
use crate::javafmt;
use crate::value::Value;
use crate::walk::{walk, Flow, Name, Step};

/// Write `root` as panc's dot graph.
pub fn write_dot(root: &Value, out: &mut Vec<u8>) {
    out.extend_from_slice(
        b"digraph \"profile\" {\nbgcolor = beige\nnode [ color = black, shape = box, fontname=Helvetica ]\nedge [ color = black ]\n",
    );
    out.extend_from_slice(b"\"/profile\" [ label = \"profile\"]\n");
    nodes(out, root);
    out.extend_from_slice(b"}\n");
}

/// One node and one edge per element below the root; `path` holds the node names.
fn nodes(out: &mut Vec<u8>, root: &Value) {
    let mut path = String::from("/profile");
    // The length of `path` at each depth.
    let mut lens: Vec<usize> = vec![path.len()];
    walk(root, |step| {
        let Step::Enter {
            name, value, depth, ..
        } = step
        else {
            return Flow::Over;
        };
        if depth == 0 {
            return Flow::Into;
        }
        let parent_len = lens[depth - 1];
        path.truncate(parent_len);
        let name = match name {
            Name::Key(k) => k.as_str().to_string(),
            Name::Index(i) => i.to_string(),
            Name::Root => unreachable!("depth > 0"),
        };
        path.push('/');
        path.push_str(&name);
        lens.truncate(depth);
        lens.push(path.len());
        let label = match value {
            Value::Dict(_) | Value::List(_) => None,
            Value::Str(s) => Some(fix_label(s, "'")),
            Value::Long(n) => Some(fix_label(&n.to_string(), "")),
            Value::Double(x) => Some(fix_label(&javafmt::double_to_string(*x), "")),
            Value::Bool(b) => Some(fix_label(if *b { "true" } else { "false" }, "")),
            Value::Undef => Some(fix_label("undef", "")),
            Value::Null => Some(fix_label("null", "")),
        };
        out.push(b'"');
        push_java_utf8(out, &path);
        out.extend_from_slice(b"\" [ label = \"");
        push_java_utf8(out, &name);
        if let Some(label) = &label {
            out.extend_from_slice(b"\\n");
            push_java_utf8(out, label);
        }
        out.extend_from_slice(b"\" ]\n\"");
        push_java_utf8(out, &path[..parent_len]);
        out.extend_from_slice(b"\" -> \"");
        push_java_utf8(out, &path);
        out.extend_from_slice(b"\"\n");
        if label.is_none() {
            Flow::Into
        } else {
            Flow::Over
        }
    });
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
