//! Pan's unary and binary operators with panc's type rules, wrapping long arithmetic and
//! error messages.
//!
//! When both operands are literals the compiler folds the operation while parsing; panc then
//! reports "mismatched" and division-by-zero failures as syntax errors (see [`fold_class`]).

use crate::error::{BuiltinError, ErrorClass};
use crate::value::{java_cmp, Value};
use std::cmp::Ordering;
use vmcs_syntax::{BinOp, UnaryOp};

fn op_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Or => "logical-or (||)",
        BinOp::And => "logical-and (&&)",
        BinOp::BitOr => "bit-or (|)",
        BinOp::BitXor => "bit-xor (^)",
        BinOp::BitAnd => "bit-and (&)",
        BinOp::Eq => "equal (==)",
        BinOp::Ne => "not-equal (!=)",
        BinOp::Lt => "less-than (<)",
        BinOp::Le => "less-than-or-equal (<=)",
        BinOp::Gt => "greater-than (>)",
        BinOp::Ge => "greater-than-or-equal (>=)",
        BinOp::Add => "add (+)",
        BinOp::Sub => "subtract (-)",
        BinOp::Mul => "multiply (*)",
        BinOp::Div => "divide (/)",
        BinOp::Mod => "modulus (%)",
    }
}

fn err(msg: String) -> BuiltinError {
    BuiltinError::eval(msg)
}

fn mismatched(op: BinOp) -> BuiltinError {
    err(format!(
        "mismatched or invalid arguments for {} operation",
        op_name(op)
    ))
}

/// The class a folding failure gets when both operands were literals.
pub fn fold_class(e: &BuiltinError) -> ErrorClass {
    if e.message.starts_with("mismatched or invalid arguments") || e.message == "division by zero" {
        ErrorClass::Syntax
    } else {
        e.class
    }
}

fn is_num_or_str(v: &Value) -> bool {
    matches!(v, Value::Long(_) | Value::Double(_) | Value::Str(_))
}

/// Evaluate a binary operator other than `&&`/`||` (which short-circuit in the evaluator).
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Result<Value, BuiltinError> {
    use Value::*;
    match op {
        BinOp::Add | BinOp::Sub => {
            if a.is_property() && b.is_property() && (matches!(a, Bool(_)) || matches!(b, Bool(_)))
            {
                return Err(mismatched(op));
            }
            if !is_num_or_str(a) || !is_num_or_str(b) {
                return Err(err(format!(
                    "arguments for {} operation must be longs, doubles, or strings",
                    op_name(op)
                )));
            }
            match (a, b) {
                (Long(x), Long(y)) => Ok(Long(if op == BinOp::Add {
                    x.wrapping_add(*y)
                } else {
                    x.wrapping_sub(*y)
                })),
                (Str(x), Str(y)) if op == BinOp::Add => {
                    let mut s = String::with_capacity(x.len() + y.len());
                    s.push_str(x);
                    s.push_str(y);
                    Ok(Value::string(s))
                }
                (Str(_), Str(_)) => Err(err(format!(
                    "arguments for {} operation must be longs, doubles, or strings",
                    op_name(op)
                ))),
                _ => match (num(a), num(b)) {
                    (Some(x), Some(y)) => Ok(Double(if op == BinOp::Add { x + y } else { x - y })),
                    _ => Err(mismatched(op)),
                },
            }
        }
        BinOp::Mul | BinOp::Div => {
            let (x, y) = match (a, b) {
                (Long(x), Long(y)) => {
                    if op == BinOp::Mul {
                        return Ok(Long(x.wrapping_mul(*y)));
                    }
                    if *y == 0 {
                        return Err(err("division by zero".into()));
                    }
                    return Ok(Long(x.wrapping_div(*y)));
                }
                _ => match (num(a), num(b)) {
                    (Some(x), Some(y)) => (x, y),
                    _ => {
                        return Err(err(format!(
                            "arguments for {} operation must be longs or doubles",
                            op_name(op)
                        )));
                    }
                },
            };
            if op == BinOp::Mul {
                Ok(Double(x * y))
            } else if y == 0.0 {
                Err(err("division by zero".into()))
            } else {
                Ok(Double(x / y))
            }
        }
        BinOp::Mod => match (a, b) {
            (Long(_), Long(0)) => Err(err(
                "second argument for modulus (%) operation cannot be zero".into(),
            )),
            (Long(x), Long(y)) => Ok(Long(x.wrapping_rem(*y))),
            _ => Err(err(
                "arguments for modulus (%) operation must be long values".into(),
            )),
        },
        BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => match (a, b) {
            (Long(x), Long(y)) => Ok(Long(match op {
                BinOp::BitAnd => x & y,
                BinOp::BitOr => x | y,
                _ => x ^ y,
            })),
            _ => Err(err(format!(
                "arguments for {} operation must be long values",
                op_name(op)
            ))),
        },
        BinOp::Eq | BinOp::Ne => {
            let eq = match (a, b) {
                (Bool(x), Bool(y)) => x == y,
                (Str(x), Str(y)) => x == y,
                (Long(x), Long(y)) => x == y,
                _ if !a.is_property() || !b.is_property() => {
                    return Err(err(format!(
                        "arguments for {} operation must be longs, doubles, or strings",
                        op_name(op)
                    )));
                }
                _ => match (num(a), num(b)) {
                    (Some(x), Some(y)) => x == y,
                    _ => return Err(mismatched(op)),
                },
            };
            Ok(Bool(if op == BinOp::Eq { eq } else { !eq }))
        }
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            if !is_num_or_str(a) || !is_num_or_str(b) {
                if a.is_property() && b.is_property() {
                    return Err(mismatched(op));
                }
                return Err(err(format!(
                    "arguments for {} operation must be longs, doubles, or strings",
                    op_name(op)
                )));
            }
            let ord = match (a, b) {
                (Long(x), Long(y)) => Some(x.cmp(y)),
                (Str(x), Str(y)) => Some(java_cmp(x, y)),
                _ => match (num(a), num(b)) {
                    (Some(x), Some(y)) => x.partial_cmp(&y),
                    _ => return Err(mismatched(op)),
                },
            };
            let r = match ord {
                None => false,
                Some(o) => match op {
                    BinOp::Lt => o == Ordering::Less,
                    BinOp::Le => o != Ordering::Greater,
                    BinOp::Gt => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                },
            };
            Ok(Bool(r))
        }
        BinOp::And | BinOp::Or => {
            let (Bool(x), Bool(y)) = (a, b) else {
                return Err(err(format!(
                    "arguments for {} operation must be boolean values",
                    op_name(op)
                )));
            };
            Ok(Bool(if op == BinOp::And { *x && *y } else { *x || *y }))
        }
    }
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Long(n) => Some(*n as f64),
        Value::Double(x) => Some(*x),
        _ => None,
    }
}

/// Check one operand of `&&`/`||` (`first`/`second`).
pub fn logical_operand(op: BinOp, v: &Value, first: bool) -> Result<bool, BuiltinError> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(err(format!(
            "{} argument for {} operation must be a boolean value",
            if first { "first" } else { "second" },
            op_name(op)
        ))),
    }
}

pub fn unary(op: UnaryOp, v: &Value) -> Result<Value, BuiltinError> {
    match (op, v) {
        (UnaryOp::Plus, Value::Long(_) | Value::Double(_)) => Ok(v.clone()),
        (UnaryOp::Plus, _) => Err(err(
            "argument for unary plus (+) operation must be a long or double".into(),
        )),
        (UnaryOp::Neg, Value::Long(n)) => Ok(Value::Long(n.wrapping_neg())),
        (UnaryOp::Neg, Value::Double(x)) => Ok(Value::Double(-x)),
        (UnaryOp::Neg, _) => Err(err(
            "argument for unary minus (-) operation must be a long or double".into(),
        )),
        (UnaryOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
        (UnaryOp::Not, _) => Err(err(
            "argument for logical-not (!) operation must be a boolean value".into(),
        )),
        (UnaryOp::BitNot, Value::Long(n)) => Ok(Value::Long(!n)),
        (UnaryOp::BitNot, _) => Err(err(
            "argument for bit-not (~) operation must be a long value".into(),
        )),
    }
}
