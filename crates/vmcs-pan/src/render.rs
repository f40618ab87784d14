//! panc's plain-text rendering of values: Java's `toString` of panc's elements.
//!
//! This is what `to_string`, `format('%s')`, `substitute` and many messages show:
//! `[ 1, a, true ]` for lists, `{ a, 1, b, [  ] }` for dicts (keys in Java order),
//! `undef`, `null`, strings without quotes and doubles as Java's `Double.toString`.

use std::fmt::Write;

use crate::javafmt::double_to_string;
use crate::value::Value;
use crate::walk::{walk, Flow, Name, Step};

/// Render a value as panc's `Element.toString()` does.
pub fn to_pan_string(v: &Value) -> String {
    let mut out = String::new();
    write_pan_string(&mut out, v);
    out
}

/// Append the rendering of `v` to `out` (see [`to_pan_string`]).
pub fn write_pan_string(out: &mut String, v: &Value) {
    walk(v, |step| match step {
        Step::Enter {
            name, value, index, ..
        } => {
            if index > 0 {
                out.push_str(", ");
            }
            // Java: a dict is "{ " + (key ", " value) joined by ", " + " }".
            if let Name::Key(k) = name {
                out.push_str(k.as_str());
                out.push_str(", ");
            }
            match value {
                Value::Undef => out.push_str("undef"),
                Value::Null => out.push_str("null"),
                Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Value::Long(n) => {
                    let _ = write!(out, "{n}");
                }
                Value::Double(x) => out.push_str(&double_to_string(*x)),
                Value::Str(s) => out.push_str(s),
                // Java: "[ " + elements joined by ", " + " ]", so an empty list is "[  ]".
                Value::List(_) => {
                    out.push_str("[ ");
                    return Flow::Into;
                }
                Value::Dict(_) => {
                    out.push_str("{ ");
                    return Flow::Into;
                }
            }
            Flow::Over
        }
        Step::Leave { value, .. } => {
            out.push_str(if matches!(value, Value::List(_)) {
                " ]"
            } else {
                " }"
            });
            Flow::Over
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Dict, Key};

    fn dict(pairs: &[(&str, Value)]) -> Value {
        let mut d = Dict::new();
        for (k, v) in pairs {
            d.insert(Key::new(k), v.clone());
        }
        Value::dict(d)
    }

    #[test]
    fn renders_like_panc() {
        let cases: Vec<(Value, &str)> = vec![
            (Value::Undef, "undef"),
            (Value::Null, "null"),
            (Value::Bool(true), "true"),
            (Value::Long(-9223372036854775808), "-9223372036854775808"),
            (Value::Double(1.5), "1.5"),
            (Value::str("with space"), "with space"),
            (Value::empty_list(), "[  ]"),
            (Value::empty_dict(), "{  }"),
            (
                dict(&[("b", Value::Long(1)), ("a", Value::empty_list())]),
                "{ a, [  ], b, 1 }",
            ),
            (
                Value::list(vec![
                    dict(&[("k", Value::list(vec![Value::Long(1), Value::empty_dict()]))]),
                    Value::empty_list(),
                ]),
                "[ { k, [ 1, {  } ] }, [  ] ]",
            ),
            (
                Value::list(vec![Value::str("a,b"), Value::str(""), Value::Undef]),
                "[ a,b, , undef ]",
            ),
        ];
        for (v, want) in cases {
            assert_eq!(to_pan_string(&v), want, "{v:?}");
        }
    }
}
