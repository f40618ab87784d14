//! `format()`: panc hands its arguments to Java's `String.format`, which this module
//! reimplements for the argument types panc passes (Long, Double, String, Boolean;
//! resources arrive as their `toString`).
//!
//! [`java_format`] parses the whole format string first, then prints each piece,
//! failing with the message of the `IllegalFormatException` Java would throw.

mod datetime;
mod float;
mod spec;

use super::BuiltinDef;
use crate::error::BuiltinError;
use crate::javafmt::double_to_string;
use crate::render::to_pan_string;
use crate::value::Value;
use spec::{Flags, Piece, Spec};

pub use float::to_hex_string as java_double_to_hex_string;

pub const BUILTINS: &[BuiltinDef] = &[BuiltinDef {
    name: "format",
    check: check_format,
    call: call_format,
}];

/// The message of a Java `IllegalFormatException` (`getLocalizedMessage()`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JavaError(pub String);

/// An argument as Java's Formatter sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Long(i64),
    Double(f64),
    Str(String),
    Bool(bool),
}

impl Arg {
    fn class_name(&self) -> &'static str {
        match self {
            Arg::Long(_) => "java.lang.Long",
            Arg::Double(_) => "java.lang.Double",
            Arg::Str(_) => "java.lang.String",
            Arg::Bool(_) => "java.lang.Boolean",
        }
    }

    /// `Object.toString()`.
    fn to_java_string(&self) -> String {
        match self {
            Arg::Long(n) => n.to_string(),
            Arg::Double(x) => double_to_string(*x),
            Arg::Str(s) => s.clone(),
            Arg::Bool(b) => b.to_string(),
        }
    }

    /// `Object.hashCode()` of Long, Double, String and Boolean.
    fn java_hash(&self) -> i32 {
        match self {
            Arg::Long(n) => (*n ^ ((*n as u64) >> 32) as i64) as i32,
            Arg::Double(x) => {
                let bits = if x.is_nan() {
                    0x7ff8_0000_0000_0000
                } else {
                    x.to_bits()
                };
                (bits ^ (bits >> 32)) as i32
            }
            Arg::Str(s) => s
                .encode_utf16()
                .fold(0i32, |h, u| h.wrapping_mul(31).wrapping_add(i32::from(u))),
            Arg::Bool(b) => {
                if *b {
                    1231
                } else {
                    1237
                }
            }
        }
    }
}

/// Widths and precisions beyond this would make the JVM run out of memory; we refuse
/// them instead of allocating gigabytes.
const MAX_FIELD: i32 = 1 << 24;

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Java's `String.substring(0, n)` in UTF-16 units; a split surrogate pair is
/// replaced by U+FFFD (a Rust string cannot hold a lone surrogate).
fn utf16_prefix(s: &str, n: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let l = c.len_utf16();
        if used + l > n {
            if used < n {
                out.push('\u{FFFD}');
            }
            break;
        }
        out.push(c);
        used += l;
    }
    out
}

impl Spec {
    fn fail_conversion(&self, arg: &Arg) -> JavaError {
        JavaError(format!("{} != {}", self.conv, arg.class_name()))
    }

    fn justify(&self, out: &mut String, s: &str) {
        if self.width == -1 {
            out.push_str(s);
            return;
        }
        let pad = (self.width as usize).saturating_sub(utf16_len(s));
        if self.flags.contains(Flags::LEFT_JUSTIFY) {
            out.push_str(s);
            out.push_str(&" ".repeat(pad));
        } else {
            out.push_str(&" ".repeat(pad));
            out.push_str(s);
        }
    }

    /// Formatter's `print(String)`: precision, then upper case, then width.
    fn print_str(&self, out: &mut String, s: &str) {
        let mut s = if self.precision != -1 && (self.precision as usize) < utf16_len(s) {
            utf16_prefix(s, self.precision as usize)
        } else {
            s.to_string()
        };
        if self.flags.contains(Flags::UPPERCASE) {
            s = s.to_uppercase();
        }
        self.justify(out, &s);
    }

    fn leading_sign(&self, sb: &mut String, neg: bool) {
        if !neg {
            if self.flags.contains(Flags::PLUS) {
                sb.push('+');
            } else if self.flags.contains(Flags::LEADING_SPACE) {
                sb.push(' ');
            }
        } else if self.flags.contains(Flags::PARENTHESES) {
            sb.push('(');
        } else {
            sb.push('-');
        }
    }

    fn trailing_sign(&self, sb: &mut String, neg: bool) {
        if neg && self.flags.contains(Flags::PARENTHESES) {
            sb.push(')');
        }
    }

    fn adjust_width(&self, width: i32, neg: bool) -> i32 {
        if width != -1 && neg && self.flags.contains(Flags::PARENTHESES) {
            width - 1
        } else {
            width
        }
    }

    /// Formatter's `localizedMagnitude` for the US locale: grouping, then zero padding
    /// of the whole buffer (sign included) up to `width`.
    fn localized_magnitude(&self, sb: &mut String, value: &str, width: i32) {
        let begin = sb.len();
        let dot = value.find('.').unwrap_or(value.len());
        let group = self.flags.contains(Flags::GROUP);
        for (j, c) in value.char_indices() {
            sb.push(c);
            if group && j < dot && j + 1 != dot && (dot - j) % 3 == 1 {
                sb.push(',');
            }
        }
        let len = sb.len() as i32;
        if width > len && self.flags.contains(Flags::ZERO_PAD) {
            sb.insert_str(begin, &"0".repeat((width - len) as usize));
        }
    }

    fn print_integer(&self, out: &mut String, arg: &Arg) -> Result<(), JavaError> {
        let Arg::Long(value) = *arg else {
            return Err(self.fail_conversion(arg));
        };
        let mut sb = String::new();
        if self.conv == 'd' {
            let neg = value < 0;
            self.leading_sign(&mut sb, neg);
            let digits = value.unsigned_abs().to_string();
            self.localized_magnitude(&mut sb, &digits, self.adjust_width(self.width, neg));
            self.trailing_sign(&mut sb, neg);
        } else {
            for bad in [Flags::PARENTHESES, Flags::LEADING_SPACE, Flags::PLUS] {
                if self.flags.contains(bad) {
                    return Err(self.fail_mismatch(bad));
                }
            }
            let (s, prefix) = if self.conv == 'o' {
                (format!("{:o}", value as u64), "0")
            } else if self.flags.contains(Flags::UPPERCASE) {
                (format!("{:X}", value as u64), "0X")
            } else {
                (format!("{:x}", value as u64), "0x")
            };
            let alt = self.flags.contains(Flags::ALTERNATE);
            let len = s.len() + if alt { prefix.len() } else { 0 };
            if alt {
                sb.push_str(prefix);
            }
            if self.flags.contains(Flags::ZERO_PAD) {
                sb.push_str(&"0".repeat((self.width.max(0) as usize).saturating_sub(len)));
            }
            sb.push_str(&s);
        }
        self.justify(out, &sb);
        Ok(())
    }

    fn print_float(&self, out: &mut String, arg: &Arg) -> Result<(), JavaError> {
        let Arg::Double(value) = *arg else {
            return Err(self.fail_conversion(arg));
        };
        let mut sb = String::new();
        if value.is_nan() {
            sb.push_str(if self.flags.contains(Flags::UPPERCASE) {
                "NAN"
            } else {
                "NaN"
            });
            self.justify(out, &sb);
            return Ok(());
        }
        // Java: Double.compare(value, 0.0) == -1, so -0.0 is negative.
        let neg = value.is_sign_negative();
        let v = value.abs();
        self.leading_sign(&mut sb, neg);
        if v.is_infinite() {
            sb.push_str(if self.flags.contains(Flags::UPPERCASE) {
                "INFINITY"
            } else {
                "Infinity"
            });
        } else {
            self.print_finite(&mut sb, v, neg);
        }
        self.trailing_sign(&mut sb, neg);
        self.justify(out, &sb);
        Ok(())
    }

    fn push_exponent(&self, sb: &mut String, exp: &str) {
        sb.push(if self.flags.contains(Flags::UPPERCASE) {
            'E'
        } else {
            'e'
        });
        sb.push_str(exp);
    }

    fn print_finite(&self, sb: &mut String, v: f64, neg: bool) {
        let alt = self.flags.contains(Flags::ALTERNATE);
        match self.conv {
            'e' => {
                let prec = if self.precision == -1 {
                    6
                } else {
                    self.precision
                };
                let (mut mant, exp) = float::scientific(v, prec);
                if alt && prec == 0 {
                    mant.push('.');
                }
                let w = if self.width == -1 {
                    -1
                } else {
                    self.adjust_width(self.width - exp.len() as i32 - 1, neg)
                };
                self.localized_magnitude(sb, &mant, w);
                self.push_exponent(sb, &exp);
            }
            'f' => {
                let prec = if self.precision == -1 {
                    6
                } else {
                    self.precision
                };
                let mut mant = float::decimal(v, prec);
                if alt && prec == 0 {
                    mant.push('.');
                }
                self.localized_magnitude(sb, &mant, self.adjust_width(self.width, neg));
            }
            'g' => {
                let (mant, exp) = float::general(v, self.precision);
                let w = match (&exp, self.width) {
                    (_, -1) => -1,
                    (Some(e), w) => self.adjust_width(w - e.len() as i32 - 1, neg),
                    (None, w) => self.adjust_width(w, neg),
                };
                self.localized_magnitude(sb, &mant, w);
                if let Some(e) = exp {
                    self.push_exponent(sb, &e);
                }
            }
            _ => self.print_hex_float(sb, v, neg),
        }
    }

    fn print_hex_float(&self, sb: &mut String, v: f64, neg: bool) {
        let prec = match self.precision {
            -1 => 0,
            0 => 1,
            p => p,
        };
        let s = float::hex_double(v, prec);
        let upper = self.flags.contains(Flags::UPPERCASE);
        sb.push_str(if upper { "0X" } else { "0x" });
        if self.flags.contains(Flags::ZERO_PAD) {
            let lead = if self.flags.contains(Flags::LEADING_SPACE)
                || self.flags.contains(Flags::PLUS)
                || neg
            {
                3
            } else {
                2
            };
            let n = self.width as i64 - s.len() as i64 - lead;
            sb.push_str(&"0".repeat(n.max(0) as usize));
        }
        let idx = s.find('p').expect("hex double has an exponent");
        let mut va = if upper {
            s[..idx].to_uppercase()
        } else {
            s[..idx].to_string()
        };
        if prec != 0 {
            float::add_zeros(&mut va, prec);
        }
        sb.push_str(&va);
        sb.push(if upper { 'P' } else { 'p' });
        sb.push_str(&s[idx + 1..]);
    }

    fn print_datetime(&self, out: &mut String, arg: &Arg) -> Result<(), JavaError> {
        let Arg::Long(millis) = *arg else {
            return Err(self.fail_conversion(arg));
        };
        let mut s = String::new();
        datetime::print(&mut s, &datetime::Fields::from_millis(millis), self.conv);
        if self.flags.contains(Flags::UPPERCASE) {
            s = s.to_uppercase();
        }
        self.justify(out, &s);
        Ok(())
    }

    fn print(&self, out: &mut String, arg: Option<&Arg>) -> Result<(), JavaError> {
        let arg = match (self.conv, arg) {
            ('n', _) => {
                out.push('\n');
                return Ok(());
            }
            ('%', _) => {
                self.print_str(out, "%");
                return Ok(());
            }
            (_, Some(arg)) => arg,
            (_, None) => unreachable!("argument checked by the caller"),
        };
        if self.dt {
            return self.print_datetime(out, arg);
        }
        match self.conv {
            'd' | 'o' | 'x' => self.print_integer(out, arg),
            'e' | 'f' | 'g' | 'a' => self.print_float(out, arg),
            'c' => Err(self.fail_conversion(arg)),
            'b' => {
                self.print_str(
                    out,
                    if let Arg::Bool(false) = arg {
                        "false"
                    } else {
                        "true"
                    },
                );
                Ok(())
            }
            'h' => {
                self.print_str(out, &format!("{:x}", arg.java_hash() as u32));
                Ok(())
            }
            _ => {
                if self.flags.contains(Flags::ALTERNATE) {
                    return Err(self.fail_mismatch(Flags::ALTERNATE));
                }
                self.print_str(out, &arg.to_java_string());
                Ok(())
            }
        }
    }
}

/// What `java_format` can fail with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// An `IllegalFormatException` with its message.
    Java(JavaError),
    /// A width or precision so large that the JVM would run out of memory.
    TooLarge,
}

/// `String.format(format, args)` in the US locale and the UTC time zone.
pub fn java_format(format: &str, args: &[Arg]) -> Result<String, FormatError> {
    let pieces = spec::parse(format).map_err(FormatError::Java)?;
    let mut out = String::new();
    let mut last: i64 = -1;
    let mut last_ordinary: i64 = -1;
    for piece in &pieces {
        let spec = match piece {
            Piece::Text(t) => {
                out.push_str(t);
                continue;
            }
            Piece::Spec(s) => s,
        };
        if spec.width > MAX_FIELD || spec.precision > MAX_FIELD {
            return Err(FormatError::TooLarge);
        }
        let arg = match spec.index {
            -2 => None,
            index => {
                if index == 0 {
                    last_ordinary += 1;
                    last = last_ordinary;
                } else if index > 0 {
                    last = i64::from(index) - 1;
                }
                match usize::try_from(last).ok().and_then(|i| args.get(i)) {
                    Some(a) => Some(a),
                    None => {
                        let msg = format!("Format specifier '{}'", spec.java_string());
                        return Err(FormatError::Java(JavaError(msg)));
                    }
                }
            }
        };
        spec.print(&mut out, arg).map_err(FormatError::Java)?;
    }
    Ok(out)
}

fn check_format(args: &[Option<&Value>]) -> Result<(), BuiltinError> {
    if args.is_empty() {
        return Err(BuiltinError::syntax(
            "first argument of format() must be a string",
        ));
    }
    Ok(())
}

fn call_format(args: &[Value]) -> Result<Value, BuiltinError> {
    check_format(&args.iter().map(Some).collect::<Vec<_>>())?;
    let Some(Value::Str(fmt)) = args.first() else {
        return Err(BuiltinError::eval(
            "first argument to format() must be a string",
        ));
    };
    let mut jargs = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        jargs.push(match a {
            Value::Bool(b) => Arg::Bool(*b),
            Value::Long(n) => Arg::Long(*n),
            Value::Double(x) => Arg::Double(*x),
            Value::Str(s) => Arg::Str(s.to_string()),
            Value::List(_) | Value::Dict(_) => Arg::Str(to_pan_string(a)),
            Value::Undef | Value::Null => {
                return Err(BuiltinError::eval(
                    "all arguments to format() must be primitive types",
                ))
            }
        });
    }
    match java_format(fmt, &jargs) {
        Ok(s) => Ok(Value::string(s)),
        Err(FormatError::Java(JavaError(msg))) => Err(BuiltinError::eval(format!(
            "invalid format specification or mismatched types in format(): {msg}"
        ))),
        Err(FormatError::TooLarge) => Err(BuiltinError::system(
            "unexpected system exception: java.lang.OutOfMemoryError: Java heap space",
        )),
    }
}
