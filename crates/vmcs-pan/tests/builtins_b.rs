//! Data-driven tests of the string, regex and encoding builtins: every line of
//! `data/builtins_b/*.txt` is a call and what panc gives for it.
//!
//! A line reads `CALL => EXPECTED`, where `CALL` is a Pan function call with literal arguments
//! (`'single'` or `"double\n"` strings, longs, doubles, `true`, `false`, `undef`, `null`,
//! `list(...)`, `dict(...)`, nested builtin calls) and `EXPECTED` is either such a literal or an
//! error class (`syntax`, `evaluation`, `system`, or panc's `compiler`/`unclassified`, both
//! reported as `system`), optionally followed by `: ` and the first line of the message.
//! Literal arguments are compile-time constants (the builtin's `check` sees them, as panc's
//! build step does); `rt(x)` hides a value from `check`, like a variable would. `#` starts a
//! comment line. Double-quoted strings take `\n \t \r \\ \" \xHH \uHHHH \u{H..}`.

use vmcs_pan::builtins;
use vmcs_pan::{BuiltinError, Dict, Key, Value};

struct Parser<'a> {
    s: &'a [char],
    i: usize,
}

enum Expr {
    Lit(Value),
    Call(String, Vec<Expr>),
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|c| c.is_whitespace()) {
            self.i += 1;
        }
    }
    fn eat(&mut self, c: char) -> bool {
        self.ws();
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn expr(&mut self) -> Result<Expr, String> {
        self.ws();
        let Some(&c) = self.s.get(self.i) else {
            return Err("unexpected end".into());
        };
        match c {
            '\'' => {
                self.i += 1;
                let mut out = String::new();
                loop {
                    match self.s.get(self.i) {
                        None => return Err("unterminated string".into()),
                        Some('\'') if self.s.get(self.i + 1) == Some(&'\'') => {
                            out.push('\'');
                            self.i += 2;
                        }
                        Some('\'') => break,
                        Some(&c) => {
                            out.push(c);
                            self.i += 1;
                        }
                    }
                }
                self.i += 1;
                Ok(Expr::Lit(Value::string(out)))
            }
            '"' => self.dq().map(|s| Expr::Lit(Value::string(s))),
            c if c.is_ascii_digit() || c == '-' => {
                let start = self.i;
                self.i += 1;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'))
                {
                    self.i += 1;
                }
                let t: String = self.s[start..self.i].iter().collect();
                let (neg, body) = t
                    .strip_prefix('-')
                    .map_or((false, t.as_str()), |b| (true, b));
                let n = if let Some(h) = body.strip_prefix("0x") {
                    i64::from_str_radix(h, 16).ok()
                } else if body.contains(['.', 'e', 'E']) && !body.starts_with("0x") {
                    return t
                        .parse::<f64>()
                        .map(|x| Expr::Lit(Value::Double(x)))
                        .map_err(|e| format!("{t}: {e}"));
                } else {
                    body.parse::<i64>().ok()
                };
                n.map(|n| Expr::Lit(Value::Long(if neg { n.wrapping_neg() } else { n })))
                    .ok_or(format!("bad number {t}"))
            }
            c if c.is_ascii_alphabetic() => {
                let start = self.i;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    self.i += 1;
                }
                let name: String = self.s[start..self.i].iter().collect();
                match name.as_str() {
                    "true" => return Ok(Expr::Lit(Value::Bool(true))),
                    "false" => return Ok(Expr::Lit(Value::Bool(false))),
                    "undef" => return Ok(Expr::Lit(Value::Undef)),
                    "null" => return Ok(Expr::Lit(Value::Null)),
                    _ => {}
                }
                if !self.eat('(') {
                    return Err(format!("expected ( after {name}"));
                }
                let mut args = Vec::new();
                if !self.eat(')') {
                    loop {
                        args.push(self.expr()?);
                        if self.eat(')') {
                            break;
                        }
                        if !self.eat(',') {
                            return Err("expected , or )".into());
                        }
                    }
                }
                Ok(Expr::Call(name, args))
            }
            c => Err(format!("unexpected {c:?}")),
        }
    }
    fn dq(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = String::new();
        let hex = |p: &mut Self, n: usize| -> Result<u32, String> {
            let h: String =
                p.s.get(p.i..p.i + n)
                    .ok_or("short escape")?
                    .iter()
                    .collect();
            p.i += n;
            u32::from_str_radix(&h, 16).map_err(|e| e.to_string())
        };
        loop {
            let Some(&c) = self.s.get(self.i) else {
                return Err("unterminated string".into());
            };
            self.i += 1;
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let Some(&e) = self.s.get(self.i) else {
                        return Err("bad escape".into());
                    };
                    self.i += 1;
                    let cp = match e {
                        'n' => 10,
                        't' => 9,
                        'r' => 13,
                        'x' => hex(self, 2)?,
                        'u' if self.s.get(self.i) == Some(&'{') => {
                            let end = self.s[self.i..]
                                .iter()
                                .position(|c| *c == '}')
                                .ok_or("bad \\u{")?;
                            self.i += 1;
                            let v = hex(self, end - 1)?;
                            self.i += 1;
                            v
                        }
                        'u' => hex(self, 4)?,
                        c => c as u32,
                    };
                    out.push(char::from_u32(cp).ok_or("bad code point")?);
                }
                c => out.push(c),
            }
        }
    }
}

/// Evaluate `e`: its value and whether it is a compile-time constant.
fn eval(e: &Expr) -> Result<(Value, bool), BuiltinError> {
    match e {
        Expr::Lit(v) => Ok((v.clone(), true)),
        Expr::Call(name, args) => {
            let vals = args.iter().map(eval).collect::<Result<Vec<_>, _>>()?;
            let constant = vals.iter().all(|(_, c)| *c);
            let values: Vec<Value> = vals.iter().map(|(v, _)| v.clone()).collect();
            match name.as_str() {
                "rt" => Ok((values.into_iter().next().unwrap_or_default(), false)),
                "list" => Ok((Value::list(values), constant)),
                "dict" => {
                    let mut d = Dict::new();
                    for kv in values.chunks(2) {
                        d.insert(Key::new(kv[0].as_str().unwrap_or_default()), kv[1].clone());
                    }
                    Ok((Value::dict(d), constant))
                }
                _ => {
                    let b = builtins::lookup(name).unwrap_or_else(|| panic!("no builtin {name}"));
                    let consts: Vec<Option<&Value>> =
                        vals.iter().map(|(v, c)| c.then_some(v)).collect();
                    (b.check)(&consts)?;
                    Ok(((b.call)(&values)?, false))
                }
            }
        }
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Double(x), Value::Double(y)) => x.to_bits() == y.to_bits(),
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same(a, b))
        }
        (Value::Dict(x), Value::Dict(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        _ => a.same(b),
    }
}

/// Check one line; `Err` describes a failure.
fn check_line(line: &str) -> Result<(), String> {
    let (call, expected) = line.rsplit_once(" => ").ok_or("no ` => `")?;
    let chars: Vec<char> = call.chars().collect();
    let mut p = Parser { s: &chars, i: 0 };
    let expr = p.expr()?;
    p.ws();
    if p.i != chars.len() {
        return Err("trailing text after the call".into());
    }
    let got = eval(&expr).map(|(v, _)| v);
    let (class, message) = expected
        .split_once(": ")
        .map_or((expected, None), |(c, m)| (c, Some(m)));
    let class = match class {
        "compiler" | "unclassified" => Some("system"),
        "syntax" | "evaluation" | "system" => Some(class),
        _ => None,
    };
    match (class, got) {
        (Some(class), Err(e)) => {
            let first = e.message.lines().next().unwrap_or_default();
            if e.class.name() != class || message.is_some_and(|m| !m.is_empty() && m != first) {
                return Err(format!("got {} error: {}", e.class, e.message));
            }
            Ok(())
        }
        (Some(_), Ok(v)) => Err(format!("got {v:?}")),
        (None, got) => {
            let ec: Vec<char> = expected.chars().collect();
            let want = eval(&Parser { s: &ec, i: 0 }.expr()?)
                .map_err(|e| format!("bad expectation: {e:?}"))?
                .0;
            match got {
                Ok(v) if same(&v, &want) => Ok(()),
                other => Err(format!("got {other:?}")),
            }
        }
    }
}

#[test]
fn builtins_b_data() {
    let dir = format!("{}/tests/data/builtins_b", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let (mut count, mut failures) = (0, Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read data");
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            count += 1;
            if let Err(e) = check_line(line) {
                failures.push(format!("{name}:{}: {line}\n    {e}", n + 1));
            }
        }
    }
    assert!(count >= 400, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
