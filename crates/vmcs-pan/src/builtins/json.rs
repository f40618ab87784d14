//! Pure builtins `json_encode` and `json_decode`, as panc implements them on top of Gson.
//!
//! `json_encode` returns Gson's pretty printing (the writer of the `json` output format).
//! `json_decode` reads with Gson's lenient `JsonReader` (single quotes, unquoted names and
//! strings, comments, `=`/`=>`, `;` separators, empty array slots as null), then checks that
//! nothing but whitespace follows in *strict* mode, as `JsonParser.parse` does; its error
//! messages, line/column and JSON path included, are Gson's. The result becomes Pan values:
//! a number with a `.` is a double, any other is parsed as a long (so `1e2` and integers past
//! 64 bits fail with Java's bare `For input string: "1e2"`); `null` members of an object are
//! dropped, `null` array elements stay as null elements, duplicate names keep the last value.

use super::BuiltinDef;
use crate::error::BuiltinError;
use crate::output::json::to_json_string;
use crate::output::json_reader::{self, Json};
use crate::value::{Dict, Key, Value};

pub const BUILTINS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "json_encode",
        check: check_json_encode,
        call: json_encode,
    },
    BuiltinDef {
        name: "json_decode",
        check: check_json_decode,
        call: json_decode,
    },
];

fn check_json_encode(args: &[Option<&Value>]) -> Result<(), BuiltinError> {
    if args.len() != 1 {
        return Err(BuiltinError::syntax(
            "json_encode() requires exactly one argument",
        ));
    }
    Ok(())
}

fn check_json_decode(args: &[Option<&Value>]) -> Result<(), BuiltinError> {
    if args.len() != 1 {
        return Err(BuiltinError::syntax(
            "json_decode() requires exactly one argument",
        ));
    }
    Ok(())
}

fn contains_undef(v: &Value) -> bool {
    let mut found = false;
    crate::walk::walk(v, |step| match step {
        crate::walk::Step::Enter {
            value: Value::Undef,
            ..
        } => {
            found = true;
            crate::walk::Flow::Stop
        }
        _ => crate::walk::Flow::Into,
    });
    found
}

/// `json_encode(value)`: Gson's pretty JSON of the value.
pub fn json_encode(args: &[Value]) -> Result<Value, BuiltinError> {
    let [v] = args else {
        return Err(BuiltinError::syntax(
            "json_encode() requires exactly one argument",
        ));
    };
    if contains_undef(v) {
        return Err(BuiltinError::eval("undef cannot be converted to JSON"));
    }
    Ok(Value::string(to_json_string(v)))
}

/// `json_decode(string)`: the Pan value of a JSON text (null for an empty text).
pub fn json_decode(args: &[Value]) -> Result<Value, BuiltinError> {
    let [v] = args else {
        return Err(BuiltinError::syntax(
            "json_decode() requires exactly one argument",
        ));
    };
    let Value::Str(s) = v else {
        return Err(BuiltinError::eval(
            "argument for json_decode() must be a string",
        ));
    };
    let json = json_reader::parse(s)
        .map_err(|e| BuiltinError::eval(format!("invalid JSON value {s}: {}", e.java_message())))?;
    to_pan(json, &mut String::from("$"))
}

/// The Pan value of a JSON value found at JSON path `at` (for messages).
fn to_pan(json: Json, at: &mut String) -> Result<Value, BuiltinError> {
    Ok(match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(b),
        Json::Str(s) => Value::string(s),
        Json::Number(n) => {
            if n.contains('.') {
                Value::Double(n.parse().map_err(|_| for_input_string(&n))?)
            } else {
                Value::Long(n.parse().map_err(|_| for_input_string(&n))?)
            }
        }
        Json::Array(items) => {
            let mut list = Vec::with_capacity(items.len());
            for (i, v) in items.into_iter().enumerate() {
                let len = at.len();
                at.push_str(&format!("[{i}]"));
                list.push(to_pan(v, at)?);
                at.truncate(len);
            }
            Value::list(list)
        }
        Json::Object(members) => {
            let mut dict = Dict::new();
            for (name, v) in members {
                if v == Json::Null {
                    continue;
                }
                let len = at.len();
                at.push('.');
                at.push_str(&name);
                // A key that is a list index (digits) names no dict entry in a Pan path.
                if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(BuiltinError::eval(format!(
                        "JSON path '{at}' is not a valid PAN path"
                    )));
                }
                check_key(&name)?;
                dict.insert(Key::new(&name), to_pan(v, at)?);
                at.truncate(len);
            }
            Value::dict(dict)
        }
    })
}

/// Java's `NumberFormatException` message, which panc lets escape without an error class.
fn for_input_string(s: &str) -> BuiltinError {
    BuiltinError::eval(format!("For input string: \"{s}\""))
}

/// panc's dict key rule: not empty, not an index (all digits), `[A-Za-z0-9_][A-Za-z0-9_+.-]*`.
fn check_key(k: &str) -> Result<(), BuiltinError> {
    if k.is_empty() {
        return Err(BuiltinError::eval(
            "empty string cannot be used as a path term or nlist key",
        ));
    }
    let b = k.as_bytes();
    let first_ok = b[0].is_ascii_alphanumeric() || b[0] == b'_';
    let rest_ok = b[1..]
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || b"_+-.".contains(&c));
    if !first_ok || !rest_ok || b.iter().all(u8::is_ascii_digit) {
        return Err(BuiltinError::eval(format!(
            "invalid path term or nlist key: '{k}'"
        )));
    }
    Ok(())
}
