//! Pure builtins on strings: `substr`, `index`, `length`, `to_uppercase`, `to_lowercase`, `join`,
//! `substitute` and `splice`, with panc's messages and error classes.
//!
//! panc is Java: string lengths and indexes count UTF-16 code units (`length('😀')` is 2). A
//! substring that splits a surrogate pair cannot be held in a Rust string; the lone half becomes
//! U+FFFD (panc itself writes it as `?` in its output files). `index` and `length` also take
//! resources, and `splice` takes lists, so each name is implemented completely here.

use super::BuiltinDef;
use crate::error::BuiltinError;
use crate::value::{Key, Value};

pub const BUILTINS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "substr",
        check: check_substr,
        call: substr,
    },
    BuiltinDef {
        name: "index",
        check: check_index,
        call: index,
    },
    BuiltinDef {
        name: "length",
        check: check_length,
        call: length,
    },
    BuiltinDef {
        name: "to_uppercase",
        check: check_to_uppercase,
        call: to_uppercase,
    },
    BuiltinDef {
        name: "to_lowercase",
        check: check_to_lowercase,
        call: to_lowercase,
    },
    BuiltinDef {
        name: "join",
        check: check_join,
        call: join,
    },
    BuiltinDef {
        name: "substitute",
        check: check_substitute,
        call: substitute,
    },
    BuiltinDef {
        name: "splice",
        check: check_splice,
        call: splice,
    },
];

type Check = Result<(), BuiltinError>;
type Call = Result<Value, BuiltinError>;

/// A syntax error unless the call has between `min` and `max` arguments.
pub(crate) fn arity(n: usize, min: usize, max: usize, message: &str) -> Check {
    if n < min || n > max {
        return Err(BuiltinError::syntax(message));
    }
    Ok(())
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// Java's `substring`: lone surrogates become the writers' sentinel characters.
fn from_utf16(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or_else(|e| crate::output::lone_surrogate(e.unpaired_surrogate())))
        .collect()
}

/// A long argument as a Java int, or the `cannot be converted to int` error.
fn to_int(n: i64, which: &str, name: &str) -> Result<i32, BuiltinError> {
    i32::try_from(n).map_err(|_| {
        BuiltinError::eval(format!(
            "{which} argument to {name}() cannot be converted to int: {n}"
        ))
    })
}

fn check_substr(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        2,
        3,
        "substr() must have two or three arguments",
    )
}

fn substr(args: &[Value]) -> Call {
    let Value::Str(s) = &args[0] else {
        return Err(BuiltinError::eval(
            "first argument to substr() must be a string",
        ));
    };
    let Value::Long(start) = args[1] else {
        return Err(BuiltinError::eval(
            "second argument to substr() must be a long",
        ));
    };
    let units = utf16(s);
    let len = units.len() as i32;
    let mut start = to_int(start, "second", "substr")?;
    if start < 0 {
        start = len.wrapping_add(start);
    }
    if start > len {
        return Err(BuiltinError::eval(
            "start index in substr() is greater than the string length",
        ));
    }
    if start < 0 {
        return Err(BuiltinError::eval(
            "start index in substr() is less than zero",
        ));
    }
    let mut end = len;
    if let Some(third) = args.get(2) {
        let Value::Long(n) = *third else {
            return Err(BuiltinError::eval(
                "second and optional third arguments to substr() must be longs",
            ));
        };
        let n = to_int(n, "third", "substr")?;
        end = if n >= 0 {
            start.wrapping_add(n)
        } else {
            len.wrapping_add(n)
        };
        if end > len {
            return Err(BuiltinError::eval(
                "end index in substr() is greater than the string length",
            ));
        }
        if end < 0 {
            return Err(BuiltinError::eval(
                "end index in substr() is less than zero",
            ));
        }
        if end < start {
            return Err(BuiltinError::eval(
                "start index is after ending index in substr()",
            ));
        }
    }
    Ok(Value::string(from_utf16(
        &units[start as usize..end as usize],
    )))
}

fn check_index(args: &[Option<&Value>]) -> Check {
    arity(args.len(), 2, 3, "index() must have two or three arguments")
}

/// Java's `Element.equals` as `index` uses it: same kind and value; resources never equal.
fn java_equals(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Double(x), Value::Double(y)) => x.to_bits() == y.to_bits(),
        (Value::List(_) | Value::Dict(_), _) => false,
        _ => a.same(b),
    }
}

/// Java's `String.indexOf(sub, from)` in UTF-16 units.
fn index_of(s: &str, sub: &str, from: i32) -> i64 {
    let (hay, needle) = (utf16(s), utf16(sub));
    let from = from.max(0) as usize;
    if from >= hay.len() {
        return if needle.is_empty() {
            hay.len() as i64
        } else {
            -1
        };
    }
    if needle.is_empty() {
        return from as i64;
    }
    (from..=hay.len().saturating_sub(needle.len()))
        .find(|&i| hay[i..].starts_with(&needle))
        .map_or(-1, |i| i as i64)
}

/// `index()` element test: Java `equals`, structural for resources.
fn index_matches(x: &Value, v: &Value) -> bool {
    match (x, v) {
        (Value::List(a), Value::List(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(p, q)| index_matches(p, q))
        }
        (Value::Dict(a), Value::Dict(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b.iter())
                    .all(|((ka, va), (kb, vb))| ka == kb && index_matches(va, vb))
        }
        _ => java_equals(x, v),
    }
}

fn index(args: &[Value]) -> Call {
    let mut from = 0;
    if let Some(third) = args.get(2) {
        let Value::Long(n) = *third else {
            return Err(BuiltinError::eval(
                "third argument of index() must be a long",
            ));
        };
        // Java's `intValue()` truncates.
        from = (n as i32).max(0);
    }
    match (&args[0], &args[1]) {
        (Value::Str(sub), Value::Str(s)) => Ok(Value::Long(index_of(s, sub, from))),
        (x, Value::List(list)) => {
            let found = list
                .iter()
                .enumerate()
                .skip(from as usize)
                .find(|(_, v)| index_matches(x, v));
            Ok(Value::Long(found.map_or(-1, |(i, _)| i as i64)))
        }
        (x, Value::Dict(dict)) => {
            let found = dict
                .iter()
                .filter(|(_, v)| index_matches(x, v))
                .nth(from as usize);
            Ok(Value::str(found.map_or("", |(k, _)| k.as_str())))
        }
        _ => Err(BuiltinError::eval("invalid argument(s) in call to index()")),
    }
}

fn check_length(args: &[Option<&Value>]) -> Check {
    arity(args.len(), 1, 1, "length() requires exactly one argument")
}

fn length(args: &[Value]) -> Call {
    Ok(Value::Long(match &args[0] {
        Value::Str(s) => s.encode_utf16().count() as i64,
        Value::List(l) => l.len() as i64,
        Value::Dict(d) => d.len() as i64,
        Value::Undef => 0,
        other => {
            return Err(BuiltinError::eval(format!(
                "argument to length must be undef, string, or resource; element of type {} is not valid",
                other.type_name()
            )))
        }
    }))
}

fn check_to_uppercase(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        1,
        1,
        "to_uppercase() requires exactly one string argument",
    )
}

fn check_to_lowercase(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        1,
        1,
        "to_lowercase() requires exactly one string argument",
    )
}

/// `String.toUpperCase(Locale.US)`: full Unicode case mapping (`ß` becomes `SS`).
fn to_uppercase(args: &[Value]) -> Call {
    match &args[0] {
        Value::Str(s) => Ok(Value::string(s.to_uppercase())),
        _ => Err(BuiltinError::eval(
            "invalid argument to to_uppercase(); string required",
        )),
    }
}

/// `String.toLowerCase(Locale.US)`: full mapping, final sigma included (`ΟΔΟΣ` becomes `οδος`).
fn to_lowercase(args: &[Value]) -> Call {
    match &args[0] {
        Value::Str(s) => Ok(Value::string(s.to_lowercase())),
        _ => Err(BuiltinError::eval(
            "invalid argument to to_lowercase(); string required",
        )),
    }
}

fn check_join(args: &[Option<&Value>]) -> Check {
    if args.len() < 2 {
        return Err(BuiltinError::syntax(
            "join() requires two or more arguments",
        ));
    }
    if matches!(args[0], Some(Value::Null)) {
        return Err(BuiltinError::syntax("value cannot be null for join()"));
    }
    if args.len() == 2 {
        match args[1] {
            Some(Value::List(_)) | None => {}
            Some(_) => {
                return Err(BuiltinError::syntax(
                    "second argument of join() must be a variable reference or a list",
                ))
            }
        }
    }
    Ok(())
}

fn join(args: &[Value]) -> Call {
    let Value::Str(sep) = &args[0] else {
        return Err(BuiltinError::eval(
            "first argument in join() must be a string",
        ));
    };
    let mut parts: Vec<&str> = Vec::new();
    if args.len() == 2 {
        let Value::List(list) = &args[1] else {
            return Err(BuiltinError::eval(
                "the second argument in join() should be a list",
            ));
        };
        for v in list.iter() {
            match v {
                Value::Str(s) => parts.push(s),
                Value::List(_) | Value::Dict(_) => {
                    return Err(BuiltinError::eval(
                        "join() doesn't accept nested elements in the passed list",
                    ))
                }
                _ => {
                    return Err(BuiltinError::eval(
                        "join() only accepts strings as elements in the list",
                    ))
                }
            }
        }
    } else {
        for v in &args[1..] {
            match v {
                Value::Str(s) => parts.push(s),
                Value::List(_) => {
                    return Err(BuiltinError::eval(
                        "join() only accepts a single list as an argument or all the arguments individually",
                    ))
                }
                _ => {
                    return Err(BuiltinError::eval("join() only accepts strings or a list of strings as input arguments"))
                }
            }
        }
    }
    Ok(Value::string(parts.join(sep)))
}

fn check_substitute(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        1,
        2,
        "substitute() requires exactly one or two arguments",
    )
}

/// `substitute(template, dict)`. The one-argument form reads the variables in scope, which only
/// the evaluator knows: it calls [`substitute_template`] with its own lookup.
fn substitute(args: &[Value]) -> Call {
    let Value::Str(template) = &args[0] else {
        return Err(BuiltinError::eval(
            "first argument to substitute() must be a string",
        ));
    };
    let Some(vars) = args.get(1) else {
        return Err(BuiltinError::eval(
            "substitute() with one argument needs the variables in scope (evaluator)",
        ));
    };
    let Value::Dict(dict) = vars else {
        return Err(BuiltinError::eval(
            "second argument to substitute() must be an nlist",
        ));
    };
    let mut lookup = |name: &str| dict.get(&Key::new(name)).map(render);
    substitute_template(template, &mut lookup).map(Value::string)
}

/// Expand `${name}` in `template` as panc does with Apache `StrSubstitutor`: `$${x}` is the
/// escape for a literal `${x}`, values are expanded again, unterminated `${x` stays, and
/// `lookup` gives the rendered value of a variable (`None`: `variable (x) undefined`).
pub fn substitute_template(
    template: &str,
    lookup: &mut dyn FnMut(&str) -> Option<String>,
) -> Result<String, BuiltinError> {
    let mut buf: Vec<char> = template.chars().collect();
    let len = buf.len();
    let mut prior = vec![template.to_string()];
    expand(&mut buf, 0, len, &mut prior, lookup)?;
    Ok(buf.into_iter().collect())
}

/// `StrSubstitutor.substitute` on `buf[offset..offset + length]`; returns the change in length.
fn expand(
    buf: &mut Vec<char>,
    offset: usize,
    length: usize,
    prior: &mut Vec<String>,
    lookup: &mut dyn FnMut(&str) -> Option<String>,
) -> Result<isize, BuiltinError> {
    let mut end = offset + length;
    let mut pos = offset;
    let mut change: isize = 0;
    while pos < end {
        if !(buf[pos] == '$' && pos + 1 < end && buf[pos + 1] == '{') {
            pos += 1;
            continue;
        }
        if pos > offset && buf[pos - 1] == '$' {
            // Escaped: drop the escape character and leave the rest as it is.
            buf.remove(pos - 1);
            change -= 1;
            end -= 1;
            continue;
        }
        let start = pos;
        pos += 2;
        while pos < end {
            if buf[pos] != '}' {
                pos += 1;
                continue;
            }
            let expr: String = buf[start + 2..pos].iter().collect();
            pos += 1;
            // A `:-default` part is split off; panc's lookup never lets the default apply.
            let name = match (expr.find(":-"), expr.find("${")) {
                (Some(i), None) => expr[..i].to_string(),
                (Some(i), Some(j)) if i < j => expr[..i].to_string(),
                _ => expr,
            };
            if prior.contains(&name) {
                let chain: Vec<&str> = prior[1..].iter().map(String::as_str).collect();
                return Err(BuiltinError::system(format!(
                    "Infinite loop in property interpolation of {}: {}",
                    prior[0],
                    chain.join("->")
                )));
            }
            prior.push(name.clone());
            let Some(value) = lookup(&name) else {
                return Err(BuiltinError::eval(format!(
                    "variable ({name}) undefined in substitute()"
                )));
            };
            let value: Vec<char> = value.chars().collect();
            let vlen = value.len();
            let replaced = pos - start;
            buf.splice(start..pos, value);
            let inner = expand(buf, start, vlen, prior, lookup)?;
            let delta = inner + vlen as isize - replaced as isize;
            pos = (pos as isize + delta) as usize;
            end = (end as isize + delta) as usize;
            change += delta;
            prior.pop();
            break;
        }
    }
    Ok(change)
}

/// panc's `Element.toString()` for `substitute` (`[ 1, 2 ]`, `{ k, v }`, raw strings).
fn render(v: &Value) -> String {
    crate::render::to_pan_string(v)
}

fn check_splice(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        3,
        4,
        "splice() must have three or four arguments",
    )
}

/// `splice(str, start, length[, repl])` and `splice(list, start, length[, list])`.
fn splice(args: &[Value]) -> Call {
    let Value::Long(start) = args[1] else {
        return Err(BuiltinError::eval(
            "second argument to splice() must be a long",
        ));
    };
    let start = to_int(start, "second", "splice")?;
    let Value::Long(length) = args[2] else {
        return Err(BuiltinError::eval(
            "third argument to splice() must be a long",
        ));
    };
    let length = to_int(length, "third", "splice")?;
    let same_type = |ok: bool| {
        if args.len() == 4 && !ok {
            return Err(BuiltinError::eval(
                "fourth argument of splice() must be of the same type as the first",
            ));
        }
        Ok(())
    };
    let bounds = |size: usize, what: &str| -> Result<(usize, usize), BuiltinError> {
        let size = size as i32;
        let start = if start < 0 {
            size.wrapping_add(start)
        } else {
            start
        };
        let end = if length >= 0 {
            start.wrapping_add(length)
        } else {
            size.wrapping_add(length)
        };
        let fail = |m: String| Err(BuiltinError::eval(m));
        if start < 0 {
            return fail(format!(
                "start index in splice() is before beginning of {what}"
            ));
        }
        if start > size {
            return fail(format!("start index in splice() is after end of {what}"));
        }
        if end < 0 {
            return fail(format!(
                "end index in splice() is before beginning of {what}"
            ));
        }
        if end > size {
            return fail(format!("end index in splice() is after end of {what}"));
        }
        if end < start {
            return fail("end index is before the start index".to_string());
        }
        Ok((start as usize, end as usize))
    };
    match &args[0] {
        Value::Str(s) => {
            same_type(matches!(args.get(3), Some(Value::Str(_))))?;
            let units = utf16(s);
            let (start, end) = bounds(units.len(), "string")?;
            let middle = args.get(3).and_then(Value::as_str).unwrap_or("");
            let mut out = from_utf16(&units[..start]);
            out.push_str(middle);
            out.push_str(&from_utf16(&units[end..]));
            Ok(Value::string(out))
        }
        Value::List(list) => {
            same_type(matches!(args.get(3), Some(Value::List(_))))?;
            let (start, end) = bounds(list.len(), "list")?;
            let mut out: Vec<Value> = list[..start].to_vec();
            if let Some(Value::List(middle)) = args.get(3) {
                out.extend(middle.iter().cloned());
            }
            out.extend(list[end..].iter().cloned());
            Ok(Value::list(out))
        }
        _ => Err(BuiltinError::eval(
            "first argument of splice() must be a string or list",
        )),
    }
}
