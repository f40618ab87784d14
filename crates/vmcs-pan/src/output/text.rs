//! panc's `text` format: an indented tree, `+-name` for resources and
//! `$ name : (type) 'value'` for properties, two spaces per level.
//!
//! Values are printed raw (Java's `toString`): strings between single quotes with nothing
//! escaped, so embedded newlines and control characters appear as they are.

use super::{push_java_utf8, push_spaces};
use crate::javafmt::{push_double, push_long};
use crate::value::Value;
use crate::walk::{walk, Flow, Name, Step};

/// Write `root` as panc's text format.
pub fn write_text(root: &Value, out: &mut Vec<u8>) {
    nodes(out, root);
}

fn push_name(out: &mut Vec<u8>, name: Name) {
    match name {
        Name::Root => out.extend_from_slice(b"profile"),
        Name::Key(k) => push_java_utf8(out, k.as_str()),
        Name::Index(i) => push_long(out, i as i64),
    }
}

fn nodes(out: &mut Vec<u8>, root: &Value) {
    walk(root, |step| {
        let Step::Enter {
            name, value, depth, ..
        } = step
        else {
            return Flow::Over;
        };
        push_spaces(out, 2 * depth);
        let (type_name, text): (&[u8], Option<&[u8]>) = match value {
            Value::Dict(_) | Value::List(_) => {
                out.extend_from_slice(b"+-");
                push_name(out, name);
                out.push(b'\n');
                return Flow::Into;
            }
            Value::Str(_) => (b"string", None),
            Value::Long(_) => (b"long", None),
            Value::Double(_) => (b"double", None),
            Value::Bool(true) => (b"boolean", Some(b"true")),
            Value::Bool(false) => (b"boolean", Some(b"false")),
            Value::Undef => (b"undef", Some(b"undef")),
            Value::Null => (b"null", Some(b"null")),
        };
        out.extend_from_slice(b"$ ");
        push_name(out, name);
        out.extend_from_slice(b" : (");
        out.extend_from_slice(type_name);
        out.extend_from_slice(b") '");
        match (value, text) {
            (_, Some(t)) => out.extend_from_slice(t),
            (Value::Str(s), None) => push_java_utf8(out, s),
            (Value::Long(n), None) => push_long(out, *n),
            (Value::Double(x), None) => push_double(out, *x),
            _ => unreachable!("a property"),
        }
        out.extend_from_slice(b"'\n");
        Flow::Over
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Dict, Key};

    #[test]
    fn tree_like_panc() {
        let mut d = Dict::new();
        d.insert(
            Key::new("l"),
            Value::list(vec![Value::Long(1), Value::empty_dict()]),
        );
        d.insert(Key::new("s"), Value::str("a\nb"));
        d.insert(Key::new("x"), Value::Double(1e7));
        let mut out = Vec::new();
        write_text(&Value::dict(d), &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "+-profile\n  +-l\n    $ 0 : (long) '1'\n    +-1\n  $ s : (string) 'a\nb'\n  $ x : (double) '1.0E7'\n"
        );
    }
}
