//! Conversion builtins: `to_string`, `to_long`, `to_double`, `to_boolean`,
//! `ip4_to_long` and `long_to_ip4`, with panc's messages and Java's parsing rules.

mod javanum;

use super::BuiltinDef;
use crate::error::BuiltinError;
use crate::render::to_pan_string;
use crate::value::Value;

pub use javanum::{decode_long, math_round, parse_double, parse_long};

pub const BUILTINS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "to_string",
        check: one_arg_check::<0>,
        call: to_string,
    },
    BuiltinDef {
        name: "to_long",
        check: check_to_long,
        call: to_long,
    },
    BuiltinDef {
        name: "to_double",
        check: one_arg_check::<1>,
        call: to_double,
    },
    BuiltinDef {
        name: "to_boolean",
        check: one_arg_check::<2>,
        call: to_boolean,
    },
    BuiltinDef {
        name: "ip4_to_long",
        check: one_arg_check::<3>,
        call: ip4_to_long,
    },
    BuiltinDef {
        name: "long_to_ip4",
        check: one_arg_check::<4>,
        call: long_to_ip4,
    },
];

const ONE_ARG_NAMES: [&str; 5] = [
    "to_string",
    "to_double",
    "to_boolean",
    "ip4_to_long",
    "long_to_ip4",
];

/// panc's `{0}() requires exactly one argument`, checked when the call is built.
fn one_arg_check<const N: usize>(args: &[Option<&Value>]) -> Result<(), BuiltinError> {
    if args.len() != 1 {
        return Err(BuiltinError::syntax(format!(
            "{}() requires exactly one argument",
            ONE_ARG_NAMES[N]
        )));
    }
    Ok(())
}

/// The single argument of a one-argument builtin (the evaluator runs the check first;
/// this keeps `call` total anyway).
fn only<const N: usize>(args: &[Value]) -> Result<&Value, BuiltinError> {
    match args {
        [v] => Ok(v),
        _ => Err(BuiltinError::syntax(format!(
            "{}() requires exactly one argument",
            ONE_ARG_NAMES[N]
        ))),
    }
}

fn check_to_long(args: &[Option<&Value>]) -> Result<(), BuiltinError> {
    if args.is_empty() || args.len() > 2 {
        return Err(BuiltinError::syntax(
            "to_long() requires exactly one or two arguments",
        ));
    }
    Ok(())
}

fn to_string(args: &[Value]) -> Result<Value, BuiltinError> {
    Ok(Value::string(to_pan_string(only::<0>(args)?)))
}

/// Java's `MessageFormat` rendering of a long in `{0}`: digit grouping with commas.
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let groups: Vec<&str> = digits
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|g| std::str::from_utf8(g).expect("ASCII digits"))
        .collect();
    format!("{}{}", if n < 0 { "-" } else { "" }, groups.join(","))
}

/// The Java class of panc's property element, as `Class.toString()` shows it.
fn property_class(v: &Value) -> &'static str {
    match v {
        Value::Bool(_) => "class org.quattor.pan.dml.data.BooleanProperty",
        Value::Long(_) => "class org.quattor.pan.dml.data.LongProperty",
        Value::Double(_) => "class org.quattor.pan.dml.data.DoubleProperty",
        _ => "class org.quattor.pan.dml.data.StringProperty",
    }
}

fn not_property(v: &Value) -> BuiltinError {
    BuiltinError::eval(format!(
        "invalid argument of type {}; expecting a property",
        v.type_name()
    ))
}

fn to_long(args: &[Value]) -> Result<Value, BuiltinError> {
    check_to_long(&args.iter().map(Some).collect::<Vec<_>>())?;
    let radix = match args.get(1) {
        None => None,
        Some(Value::Long(r)) if (2..=36).contains(r) => Some(*r as u32),
        Some(Value::Long(r)) => {
            return Err(BuiltinError::eval(format!(
                "radix value {} is not within valid range [2, 36]",
                grouped(*r)
            )))
        }
        Some(r) if r.is_property() => {
            return Err(BuiltinError::eval(format!(
                "radix must be a long not {}",
                property_class(r)
            )))
        }
        Some(r) => return Err(not_property(r)),
    };
    let v = &args[0];
    Ok(Value::Long(match v {
        Value::Bool(b) => i64::from(*b),
        Value::Long(n) => *n,
        Value::Double(x) => math_round(*x),
        Value::Str(s) => {
            let parsed = match radix {
                Some(r) => parse_long(s, r),
                None => decode_long(s),
            };
            parsed.ok_or_else(|| {
                BuiltinError::eval(format!("string cannot be converted to long: {s}"))
            })?
        }
        _ => return Err(not_property(v)),
    }))
}

fn to_double(args: &[Value]) -> Result<Value, BuiltinError> {
    let v = only::<1>(args)?;
    Ok(Value::Double(match v {
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Long(n) => *n as f64,
        Value::Double(x) => *x,
        Value::Str(s) => parse_double(s).ok_or_else(|| {
            BuiltinError::eval(format!("string cannot be converted to double: {s}"))
        })?,
        _ => {
            return Err(BuiltinError::eval(format!(
                "to_double argument is not a property: {}",
                v.type_name()
            )))
        }
    }))
}

/// Java's `String.equalsIgnoreCase`: unit by unit, equal after upper- or lower-casing.
fn java_equals_ignore_case(a: &str, b: &str) -> bool {
    fn simple(c: char, upper: bool) -> char {
        let mut m: Vec<char> = if upper {
            c.to_uppercase().collect()
        } else {
            c.to_lowercase().collect()
        };
        if m.len() == 1 {
            m.pop().unwrap_or(c)
        } else {
            c
        }
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len() == b.len()
        && a.iter().zip(&b).all(|(&x, &y)| {
            let (ux, uy) = (simple(x, true), simple(y, true));
            x == y || ux == uy || simple(ux, false) == simple(uy, false)
        })
}

fn to_boolean(args: &[Value]) -> Result<Value, BuiltinError> {
    let v = only::<2>(args)?;
    Ok(Value::Bool(match v {
        Value::Bool(b) => *b,
        Value::Long(n) => *n != 0,
        Value::Double(x) => *x != 0.0,
        Value::Str(s) => !(s.is_empty() || java_equals_ignore_case(s, "false")),
        _ => {
            return Err(BuiltinError::eval(format!(
                "to_boolean argument is not a property: {}",
                v.type_name()
            )))
        }
    }))
}

const IP4_FORMAT: &str =
    "argument to ip4_to_long() must be a string in dotted notation with an optional bitmask, like \"127.0.0.1/8\"";

/// Java's `$` without MULTILINE also matches before a final line terminator.
fn strip_final_line_terminator(s: &str) -> &str {
    if let Some(r) = s.strip_suffix("\r\n") {
        return r;
    }
    s.strip_suffix(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .unwrap_or(s)
}

/// The parts of `^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:/(\d+))?$`, or `None`.
fn ip4_parts(s: &str) -> Option<(Vec<&str>, Option<&str>)> {
    let s = strip_final_line_terminator(s);
    let (addr, mask) = match s.split_once('/') {
        Some((a, m)) => (a, Some(m)),
        None => (s, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
    let octets: Vec<&str> = addr.split('.').collect();
    (octets.len() == 4 && octets.iter().all(|o| digits(o)) && mask.is_none_or(digits))
        .then_some((octets, mask))
}

fn ip4_to_long(args: &[Value]) -> Result<Value, BuiltinError> {
    let Value::Str(ip) = only::<3>(args)? else {
        return Err(BuiltinError::eval(
            "argument to ip4_to_long() must be a string",
        ));
    };
    let (octets, mask) = ip4_parts(ip).ok_or_else(|| BuiltinError::eval(IP4_FORMAT))?;
    let mut address: i64 = 0;
    for octet in octets {
        // Long.parseLong: an overflow is a NumberFormatException that panc does not catch.
        let n: i64 = octet.parse().map_err(|_| {
            BuiltinError::system(format!(
                "java.lang.NumberFormatException: For input string: \"{octet}\""
            ))
        })?;
        if n > 255 {
            return Err(BuiltinError::eval(IP4_FORMAT));
        }
        address = (address << 8) | n;
    }
    // Integer.parseInt of the mask; when it is absent or overflows, the mask stays /32.
    let mut bits: i64 = 0xFFFF_FFFF;
    if let Some(Ok(n)) = mask.map(str::parse::<i32>) {
        if !(0..=32).contains(&n) {
            return Err(BuiltinError::eval(
                "bitmask to IP must be between 0 and 32.",
            ));
        }
        let shift = 32 - n;
        bits = (bits >> shift) << shift;
    }
    Ok(Value::list(vec![Value::Long(address), Value::Long(bits)]))
}

fn long_to_ip4(args: &[Value]) -> Result<Value, BuiltinError> {
    let Value::Long(n) = *only::<4>(args)? else {
        return Err(BuiltinError::eval("argument to ip4_to_long must be a long"));
    };
    if !(0..=0xFFFF_FFFF).contains(&n) {
        return Err(BuiltinError::eval(
            "argument to ip4_to_long must be a 32-bit integer",
        ));
    }
    Ok(Value::string(format!(
        "{}.{}.{}.{}",
        n >> 24,
        (n >> 16) & 0xFF,
        (n >> 8) & 0xFF,
        n & 0xFF
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_ignore_case_like_java() {
        assert!(java_equals_ignore_case("FaLsE", "false"));
        assert!(java_equals_ignore_case("fal\u{17F}e", "false")); // long s upper-cases to S
        assert!(!java_equals_ignore_case(" false", "false"));
    }

    #[test]
    fn grouping_like_message_format() {
        assert_eq!(grouped(37), "37");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(-1234567), "-1,234,567");
    }

    #[test]
    fn ip4_pattern() {
        assert!(ip4_parts("1.2.3.4\n").is_some());
        assert!(ip4_parts("1.2.3.4/8\r\n").is_some());
        assert!(ip4_parts("1.2.3.4\n\n").is_none());
        assert!(ip4_parts("1.2.3.4/").is_none());
        assert!(ip4_parts("1.2.3.4/8/8").is_none());
        assert!(ip4_parts("1.2.3").is_none());
    }
}
