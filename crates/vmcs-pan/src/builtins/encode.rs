//! Pure builtins that encode strings: `base64_encode`, `base64_decode`, `digest`, `escape` and
//! `unescape`, byte for byte as panc computes them.
//!
//! panc's Base64 is an old public-domain codec (iharder 2.1): the encoder breaks lines after
//! every 76 characters, the decoder skips whitespace, stops at a quartet ending in `=`, drops
//! an incomplete last quartet and reads only the low seven bits of each byte. `digest` hashes
//! only the first `length()` (UTF-16 units) bytes of the UTF-8 message and writes the hash as a
//! `BigInteger` in base 16, so without leading zeros. `escape` works on UTF-16 units too.

use md2::Md2;
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest as _, Sha224, Sha256, Sha384, Sha512, Sha512_224, Sha512_256};
use sha3::{Sha3_224, Sha3_256, Sha3_384, Sha3_512};

use super::string::arity;
use super::BuiltinDef;
use crate::error::BuiltinError;
use crate::value::Value;

pub const BUILTINS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "base64_encode",
        check: check_base64_encode,
        call: base64_encode,
    },
    BuiltinDef {
        name: "base64_decode",
        check: check_base64_decode,
        call: base64_decode,
    },
    BuiltinDef {
        name: "digest",
        check: check_digest,
        call: digest,
    },
    BuiltinDef {
        name: "escape",
        check: check_escape,
        call: escape,
    },
    BuiltinDef {
        name: "unescape",
        check: check_unescape,
        call: unescape,
    },
];

type Check = Result<(), BuiltinError>;
type Call = Result<Value, BuiltinError>;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn check_base64_encode(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        1,
        1,
        "base64_encode() requires exactly one argument",
    )
}

fn check_base64_decode(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        1,
        1,
        "base64_decode() requires exactly one argument",
    )
}

/// Base64 of the UTF-8 bytes, a `\n` after every 76 characters of full quartets.
pub fn base64_encode_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    let mut line = 0;
    let mut chunks = bytes.chunks_exact(3);
    for c in &mut chunks {
        let n = (c[0] as u32) << 16 | (c[1] as u32) << 8 | c[2] as u32;
        for shift in [18, 12, 6, 0] {
            out.push(ALPHABET[(n >> shift & 0x3f) as usize] as char);
        }
        line += 4;
        if line == 76 {
            out.push('\n');
            line = 0;
        }
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let n = (rest[0] as u32) << 16 | rest.get(1).map_or(0, |&b| (b as u32) << 8);
        out.push(ALPHABET[(n >> 18) as usize] as char);
        out.push(ALPHABET[(n >> 12 & 0x3f) as usize] as char);
        out.push(if rest.len() == 2 {
            ALPHABET[(n >> 6 & 0x3f) as usize] as char
        } else {
            '='
        });
        out.push('=');
    }
    out
}

fn base64_encode(args: &[Value]) -> Call {
    match &args[0] {
        Value::Str(s) => Ok(Value::string(base64_encode_bytes(s.as_bytes()))),
        _ => Err(BuiltinError::eval(
            "argument for base64_encode() must be a string",
        )),
    }
}

/// The decoder's table for the low seven bits of a byte: the 6-bit value, -5 for whitespace,
/// -1 for `=`, -9 for anything else; panc's table has no entry for 127.
fn decodabet(b: u8) -> Option<i32> {
    Some(match b {
        b'A'..=b'Z' => (b - b'A') as i32,
        b'a'..=b'z' => (b - b'a') as i32 + 26,
        b'0'..=b'9' => (b - b'0') as i32 + 52,
        b'+' => 62,
        b'/' => 63,
        b'\t' | b'\n' | b'\r' | b' ' => -5,
        b'=' => -1,
        127 => return None,
        _ => -9,
    })
}

/// Decode as panc's codec does; errors carry panc's message.
pub fn base64_decode_bytes(s: &str) -> Result<Vec<u8>, BuiltinError> {
    let mut out = Vec::new();
    let mut quartet = [0u8; 4];
    let mut n = 0;
    for (i, &byte) in s.as_bytes().iter().enumerate() {
        let crop = byte & 0x7f;
        let Some(code) = decodabet(crop) else {
            return Err(BuiltinError::system(
                "Index 127 out of bounds for length 127",
            ));
        };
        if code < -5 {
            return Err(BuiltinError::eval(format!(
                "Bad Base64 input character at {i}: {}(decimal)",
                byte as i8
            )));
        }
        if code < -1 {
            continue;
        }
        quartet[n] = crop;
        n += 1;
        if n == 4 {
            decode_quartet(&quartet, &mut out);
            n = 0;
            if crop == b'=' {
                break;
            }
        }
    }
    Ok(out)
}

/// panc's `decode4to3`, including what it makes of a misplaced `=` (value 255).
fn decode_quartet(q: &[u8; 4], out: &mut Vec<u8>) {
    let v = |b: u8| (decodabet(b).unwrap_or(-9) & 0xff) as u32;
    let n = v(q[0]) << 18 | v(q[1]) << 12;
    if q[2] == b'=' {
        out.push((n >> 16) as u8);
    } else if q[3] == b'=' {
        let n = n | v(q[2]) << 6;
        out.extend([(n >> 16) as u8, (n >> 8) as u8]);
    } else {
        let n = n | v(q[2]) << 6 | v(q[3]);
        out.extend([(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
}

fn base64_decode(args: &[Value]) -> Call {
    let Value::Str(s) = &args[0] else {
        return Err(BuiltinError::eval(
            "argument for base64_decode() must be a string",
        ));
    };
    let bytes = base64_decode_bytes(s)?;
    Ok(Value::string(String::from_utf8_lossy(&bytes).into_owned()))
}

fn check_digest(args: &[Option<&Value>]) -> Check {
    arity(args.len(), 2, 2, "digest() requires exactly two arguments")?;
    match args[0] {
        Some(Value::Str(alg)) if hash(alg, b"").is_none() => {
            return Err(BuiltinError::syntax(format!(
                "invalid digest algorithm ({alg})"
            )))
        }
        Some(Value::Str(_)) | None => {}
        Some(_) => {
            return Err(BuiltinError::syntax(
                "first argument of digest() must be a string",
            ))
        }
    }
    match args[1] {
        // panc throws an evaluation exception while building the call: an internal error.
        Some(v) if !matches!(v, Value::Str(_)) => Err(BuiltinError::system(
            "second argument of digest() must be a string",
        )),
        _ => Ok(()),
    }
}

/// The digest of `data` with a Java `MessageDigest` algorithm name (any case), or `None`.
fn hash(algorithm: &str, data: &[u8]) -> Option<Vec<u8>> {
    let name = algorithm.to_ascii_uppercase();
    let name = name.strip_prefix("OID.").unwrap_or(&name);
    Some(match name {
        "MD2" => Md2::digest(data).to_vec(),
        "MD5" => Md5::digest(data).to_vec(),
        "SHA-1" | "SHA" | "SHA1" | "1.3.14.3.2.26" => Sha1::digest(data).to_vec(),
        "SHA-224" | "SHA224" | "2.16.840.1.101.3.4.2.4" => Sha224::digest(data).to_vec(),
        "SHA-256" | "SHA256" | "2.16.840.1.101.3.4.2.1" => Sha256::digest(data).to_vec(),
        "SHA-384" | "SHA384" | "2.16.840.1.101.3.4.2.2" => Sha384::digest(data).to_vec(),
        "SHA-512" | "SHA512" | "2.16.840.1.101.3.4.2.3" => Sha512::digest(data).to_vec(),
        "SHA-512/224" | "SHA512/224" | "2.16.840.1.101.3.4.2.5" => {
            Sha512_224::digest(data).to_vec()
        }
        "SHA-512/256" | "SHA512/256" | "2.16.840.1.101.3.4.2.6" => {
            Sha512_256::digest(data).to_vec()
        }
        "SHA3-224" | "2.16.840.1.101.3.4.2.7" => Sha3_224::digest(data).to_vec(),
        "SHA3-256" | "2.16.840.1.101.3.4.2.8" => Sha3_256::digest(data).to_vec(),
        "SHA3-384" | "2.16.840.1.101.3.4.2.9" => Sha3_384::digest(data).to_vec(),
        "SHA3-512" | "2.16.840.1.101.3.4.2.10" => Sha3_512::digest(data).to_vec(),
        _ => return None,
    })
}

/// `digest(algorithm, message)` exactly as panc computes it (see the module comment).
pub fn java_digest(algorithm: &str, message: &str) -> Option<String> {
    let units = message.encode_utf16().count();
    let bytes = &message.as_bytes()[..units.min(message.len())];
    let d = hash(algorithm, bytes)?;
    let hex = hex::encode(d);
    let trimmed = hex.trim_start_matches('0');
    Some(if trimmed.is_empty() {
        "0".to_string()
    } else {
        trimmed.to_string()
    })
}

fn digest(args: &[Value]) -> Call {
    let Value::Str(alg) = &args[0] else {
        return Err(BuiltinError::eval(
            "first argument of digest() must be a string",
        ));
    };
    let Value::Str(msg) = &args[1] else {
        return Err(BuiltinError::eval(
            "second argument of digest() must be a string",
        ));
    };
    java_digest(alg, msg)
        .map(Value::string)
        .ok_or_else(|| BuiltinError::eval(format!("invalid digest algorithm ({alg})")))
}

/// panc's `EscapeUtils.escape`: `''` is `_`; ASCII letters and (not first) digits stay;
/// other characters up to U+00FF become `_` and two hex digits; anything above fails.
pub fn escape_str(s: &str) -> Result<String, String> {
    if s.is_empty() {
        return Ok("_".to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    for c in s.chars() {
        let cp = c as u32;
        if cp >= 256 {
            return Err(format!(
                "string contains character which cannot be escaped: {cp:x}"
            ));
        }
        if c.is_ascii_alphabetic() || (i != 0 && c.is_ascii_digit()) {
            out.push(c);
        } else {
            out.push_str(&format!("_{cp:02x}"));
        }
        i += c.len_utf16();
    }
    Ok(out)
}

/// panc's `EscapeUtils.unescape`: `_` alone is `''`, `_hh` a character (Java's `parseInt`,
/// so `_+f` works too); the error is the message and whether it is an internal one.
pub fn unescape_str(s: &str) -> Result<String, (String, bool)> {
    if s == "_" {
        return Ok(String::new());
    }
    let units: Vec<u16> = s.encode_utf16().collect();
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        if units[i] != u16::from(b'_') {
            // Java appends `codePointAt(i)` for every unit: a surrogate pair is appended whole
            // and its low half once more (a lone surrogate, U+FFFD here).
            out.push(units[i]);
            if (0xD800..0xDC00).contains(&units[i])
                && units
                    .get(i + 1)
                    .is_some_and(|u| (0xDC00..0xE000).contains(u))
            {
                out.push(units[i + 1]);
            }
            i += 1;
            continue;
        }
        if i + 2 >= units.len() {
            return Err((
                "string contains incomplete escape sequence".to_string(),
                false,
            ));
        }
        let hex = String::from_utf16_lossy(&units[i + 1..i + 3]);
        match parse_int_hex(&hex) {
            Some(n) if n >= 0 => out.push(n as u16),
            Some(n) => {
                return Err((
                    format!("Not a valid Unicode code point: 0x{:X}", n as u32),
                    true,
                ))
            }
            None => {
                return Err((
                    format!("string contains invalid escape sequence: {hex}"),
                    false,
                ))
            }
        }
        i += 3;
    }
    Ok(String::from_utf16_lossy(&out))
}

/// Java's `Integer.parseInt(s, 16)` for two characters.
fn parse_int_hex(s: &str) -> Option<i32> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let n = i32::from_str_radix(digits, 16).ok()?;
    Some(if neg { -n } else { n })
}

fn check_escape(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        1,
        1,
        "escape() requires exactly one string argument",
    )?;
    match args[0] {
        Some(Value::Str(s)) => escape_str(s).map(|_| ()).map_err(BuiltinError::syntax),
        Some(v) => Err(BuiltinError::syntax(format!(
            "escape argument is not a string: {}",
            v.type_name()
        ))),
        None => Ok(()),
    }
}

fn escape(args: &[Value]) -> Call {
    match &args[0] {
        Value::Str(s) => escape_str(s).map(Value::string).map_err(BuiltinError::eval),
        v => Err(BuiltinError::eval(format!(
            "escape argument is not a string: {}",
            v.type_name()
        ))),
    }
}

fn check_unescape(args: &[Option<&Value>]) -> Check {
    arity(
        args.len(),
        1,
        1,
        "unescape() requires exactly one string argument",
    )?;
    match args[0] {
        Some(Value::Str(s)) => unescape_str(s).map(|_| ()).map_err(|(m, internal)| {
            if internal {
                BuiltinError::system(m)
            } else {
                BuiltinError::syntax(m)
            }
        }),
        Some(v) => Err(BuiltinError::syntax(format!(
            "unescape argument is not a string: {}",
            v.type_name()
        ))),
        None => Ok(()),
    }
}

fn unescape(args: &[Value]) -> Call {
    match &args[0] {
        Value::Str(s) => unescape_str(s).map(Value::string).map_err(|(m, internal)| {
            if internal {
                BuiltinError::system(m)
            } else {
                BuiltinError::eval(m)
            }
        }),
        v => Err(BuiltinError::eval(format!(
            "unescape argument is not a string: {}",
            v.type_name()
        ))),
    }
}
