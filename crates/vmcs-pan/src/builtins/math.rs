//! `min` and `max`: exactly two numbers; two longs give a long, otherwise a double
//! with Java's `Math.min`/`Math.max` rules for NaN and signed zeros.

use super::BuiltinDef;
use crate::error::BuiltinError;
use crate::value::Value;

pub const BUILTINS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "min",
        check: check_min,
        call: call_min,
    },
    BuiltinDef {
        name: "max",
        check: check_max,
        call: call_max,
    },
];

fn check_two(name: &str, args: &[Option<&Value>]) -> Result<(), BuiltinError> {
    if args.len() != 2 {
        return Err(BuiltinError::syntax(format!(
            "{name}() requires exactly two arguments"
        )));
    }
    Ok(())
}

fn check_min(args: &[Option<&Value>]) -> Result<(), BuiltinError> {
    check_two("min", args)
}

fn check_max(args: &[Option<&Value>]) -> Result<(), BuiltinError> {
    check_two("max", args)
}

fn as_double(v: &Value) -> Option<f64> {
    match v {
        Value::Long(n) => Some(*n as f64),
        Value::Double(x) => Some(*x),
        _ => None,
    }
}

/// Java's `Math.max(double, double)`: NaN wins, +0.0 is larger than -0.0.
pub fn java_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == 0.0 && b == 0.0 {
        if a.is_sign_negative() {
            b
        } else {
            a
        }
    } else if a >= b {
        a
    } else {
        b
    }
}

/// Java's `Math.min(double, double)`: NaN wins, -0.0 is smaller than +0.0.
pub fn java_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == 0.0 && b == 0.0 {
        if a.is_sign_negative() {
            a
        } else {
            b
        }
    } else if a <= b {
        a
    } else {
        b
    }
}

fn min_max(
    name: &str,
    args: &[Value],
    longs: fn(i64, i64) -> i64,
    doubles: fn(f64, f64) -> f64,
) -> Result<Value, BuiltinError> {
    let [a, b] = args else {
        return Err(BuiltinError::syntax(format!(
            "{name}() requires exactly two arguments"
        )));
    };
    if let (Value::Long(a), Value::Long(b)) = (a, b) {
        return Ok(Value::Long(longs(*a, *b)));
    }
    match (as_double(a), as_double(b)) {
        (Some(a), Some(b)) => Ok(Value::Double(doubles(a, b))),
        _ => Err(BuiltinError::eval(format!(
            "all arguments to {name} must be longs or doubles"
        ))),
    }
}

fn call_min(args: &[Value]) -> Result<Value, BuiltinError> {
    min_max("min", args, i64::min, java_min)
}

fn call_max(args: &[Value]) -> Result<Value, BuiltinError> {
    min_max("max", args, i64::max, java_max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_min_max_edges() {
        assert!(java_max(f64::NAN, 1.0).is_nan());
        assert!(java_min(1.0, f64::NAN).is_nan());
        assert!(java_max(-0.0, 0.0).is_sign_positive());
        assert!(java_max(0.0, -0.0).is_sign_positive());
        assert!(java_min(0.0, -0.0).is_sign_negative());
        assert_eq!(java_max(f64::INFINITY, 1.0), f64::INFINITY);
    }
}
