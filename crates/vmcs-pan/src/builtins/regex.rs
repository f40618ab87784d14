//! Pure builtins on regular expressions: `match`, `matches`, `replace` and `split`, with Java
//! regex semantics (see [`crate::jregex`]).
//!
//! As in panc, `match` and `matches` find the pattern anywhere in the string and take an
//! undocumented third argument of flags (`i s m u x`); a constant regex or flag string that is
//! invalid is a syntax error, one built at run time an evaluation error. `replace` and `split`
//! compile their pattern only when called, without flags.

use std::rc::Rc;

use super::string::arity;
use super::BuiltinDef;
use crate::error::BuiltinError;
use crate::jregex::{self, JavaRegex, ReplaceError};
use crate::value::Value;

pub const BUILTINS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "match",
        check: check_match,
        call: match_,
    },
    BuiltinDef {
        name: "matches",
        check: check_matches,
        call: matches,
    },
    BuiltinDef {
        name: "replace",
        check: check_replace,
        call: replace,
    },
    BuiltinDef {
        name: "split",
        check: check_split,
        call: split,
    },
];

type Check = Result<(), BuiltinError>;
type Call = Result<Value, BuiltinError>;

fn flags(s: &str) -> Result<u32, BuiltinError> {
    jregex::parse_flags(s).map_err(|c| {
        BuiltinError::eval(format!("invalid matching flag for regular expression: {c}"))
    })
}

fn compile(pattern: &str, flags: u32) -> Result<Rc<JavaRegex>, BuiltinError> {
    jregex::compile(pattern, flags)
        .map_err(|e| BuiltinError::eval(format!("invalid regular expression: {e}")))
}

fn as_syntax(e: BuiltinError) -> BuiltinError {
    BuiltinError::syntax(e.message)
}

/// What panc checks when it builds `match`/`matches`: constant arguments are strings, two or
/// three arguments, a constant regex compiles and constant flags are valid.
fn check_matcher(name: &str, args: &[Option<&Value>]) -> Check {
    if let Some(bad) = args.iter().flatten().find(|v| !matches!(v, Value::Str(_))) {
        return Err(BuiltinError::syntax(format!(
            "{name}() arguments must all be strings; {} found",
            bad.type_name()
        )));
    }
    arity(
        args.len(),
        2,
        3,
        &format!("{name}() must have two or three arguments"),
    )?;
    let mut fl = 0;
    if let Some(Some(Value::Str(f))) = args.get(2) {
        fl = flags(f).map_err(as_syntax)?;
    }
    if let Some(Value::Str(re)) = args[1] {
        compile(re, fl).map_err(as_syntax)?;
    }
    Ok(())
}

/// The string, pattern and flags of a `match`/`matches` call, as panc reads them.
fn matcher_args<'a>(
    name: &str,
    args: &'a [Value],
) -> Result<(&'a str, Rc<JavaRegex>), BuiltinError> {
    let all_strings = || {
        let bad = args
            .iter()
            .rev()
            .find(|v| !matches!(v, Value::Str(_)))
            .map_or("INTERNAL ERROR", |v| v.type_name());
        BuiltinError::eval(format!(
            "{name}() arguments must all be strings; {bad} found"
        ))
    };
    let Value::Str(s) = &args[0] else {
        return Err(all_strings());
    };
    let mut fl = 0;
    if let Some(f) = args.get(2) {
        let Value::Str(f) = f else {
            return Err(all_strings());
        };
        fl = flags(f)?;
    }
    let Value::Str(re) = &args[1] else {
        return Err(all_strings());
    };
    Ok((s, compile(re, fl)?))
}

fn check_match(args: &[Option<&Value>]) -> Check {
    check_matcher("match", args)
}

fn match_(args: &[Value]) -> Call {
    let (s, re) = matcher_args("match", args)?;
    re.find(s)
        .map(Value::Bool)
        .map_err(|e| BuiltinError::eval(e.0))
}

fn check_matches(args: &[Option<&Value>]) -> Check {
    check_matcher("matches", args)
}

/// The groups of the first match, group 0 first, up to the last group that took part; groups
/// that did not take part are `''`. No match gives an empty list.
fn matches(args: &[Value]) -> Call {
    let (s, re) = matcher_args("matches", args)?;
    let groups = re
        .first_match(s)
        .map_err(|e| BuiltinError::eval(e.0))?
        .unwrap_or_default();
    let last = groups
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |i| i + 1);
    Ok(Value::list(
        groups
            .into_iter()
            .take(last)
            .map(|g| Value::string(g.unwrap_or_default()))
            .collect(),
    ))
}

fn check_replace(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        3,
        3,
        "replace() requires exactly three arguments",
    )
}

/// `replace(regex, replacement, string)`: Java's `replaceAll`.
fn replace(args: &[Value]) -> Call {
    let Value::Str(re) = &args[0] else {
        return Err(BuiltinError::eval(
            "first argument to replace() must be a regular expression string",
        ));
    };
    let re = compile(re, 0)?;
    let Value::Str(repl) = &args[1] else {
        return Err(BuiltinError::eval(
            "second argument to replace() must be a replacement string",
        ));
    };
    let Value::Str(s) = &args[2] else {
        return Err(BuiltinError::eval(
            "third argument to replace() must be a string",
        ));
    };
    match re.replace_all(s, repl) {
        Ok(out) => Ok(Value::string(out)),
        Err(ReplaceError::Invalid(_)) => Err(BuiltinError::eval(
            "invalid replacement string; check '$' and '\\' characters",
        )),
        // Java's IndexOutOfBoundsException, which panc prints bare.
        Err(ReplaceError::NoGroup(n)) => Err(BuiltinError::system(format!("No group {n}"))),
        Err(ReplaceError::Match(e)) => Err(BuiltinError::eval(e.0)),
    }
}

fn check_split(args: &[Option<&Value>]) -> Check {
    arity(args.len(), 2, 3, "split() must have two or three arguments")
}

/// `split(regex[, limit], string)`: Java's `Pattern.split`.
fn split(args: &[Value]) -> Call {
    let Value::Str(re) = &args[0] else {
        return Err(BuiltinError::eval(
            "first argument to split() must be a regular expression string",
        ));
    };
    let re = compile(re, 0)?;
    let mut limit = 0;
    if args.len() == 3 {
        let Value::Long(n) = args[1] else {
            return Err(BuiltinError::eval(
                "second argument to split() must be a long value",
            ));
        };
        // Java's `intValue()` truncates.
        limit = n as i32;
    }
    let Value::Str(s) = &args[args.len() - 1] else {
        return Err(BuiltinError::eval(
            "last argument to split() must be a string",
        ));
    };
    let pieces = re.split(s, limit).map_err(|e| BuiltinError::eval(e.0))?;
    Ok(Value::list(pieces.into_iter().map(Value::string).collect()))
}
