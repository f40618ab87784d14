//! `parse()` never panics and always answers sensibly: on every prefix of every oracle
//! template, on mutated templates and on random token soup.
//!
//! Checked on each input: no panic, spans inside the source on character boundaries, and
//! either a tree or at least one error.

use std::path::{Path, PathBuf};
use vmcs_syntax::parse;

fn check(src: &str) {
    let parsed = parse(src);
    for e in &parsed.errors {
        let (s, t) = (e.span.start as usize, e.span.end as usize);
        assert!(s <= t && t <= src.len(), "span {s}..{t} outside {} bytes: {src:?}", src.len());
        assert!(
            src.is_char_boundary(s) && src.is_char_boundary(t),
            "span inside a character: {src:?}"
        );
        assert!(!e.message.is_empty());
    }
    assert!(
        parsed.template.is_some() || !parsed.errors.is_empty(),
        "neither tree nor error: {src:?}"
    );
}

/// A small deterministic generator (xorshift), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "object",
    "template",
    "t",
    ";",
    "'/a'",
    "\"/b\"",
    "=",
    "?=",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ",",
    "if",
    "else",
    "while",
    "for",
    "foreach",
    "function",
    "type",
    "bind",
    "valid",
    "variable",
    "final",
    "include",
    "prefix",
    "extensible",
    "with",
    "x",
    "f",
    "1",
    "0x1F",
    "07",
    "1.5e3",
    "9223372036854775808",
    "..",
    ".",
    "-",
    "+",
    "!",
    "~",
    "*",
    "/",
    "%",
    "&&",
    "||",
    "==",
    "<",
    ">=",
    "?",
    ":",
    "<<EOT",
    "<<",
    "EOT",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "#c",
    "@{a}",
    "@n(k = v)",
    "@",
    "'",
    "\"",
    "\\",
    "\"\\x4\"",
    "'it''s'",
    "é",
    "\u{feff}",
    "😀",
    "\0",
    "undef",
    "null",
    "true",
    "choice",
    "'a' : long",
];

fn oracle_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "pan" || x == "tpl") {
                out.push(p);
            }
        }
    }
    let roots = [
        std::env::var_os("VMCS_ORACLE").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/oracle")),
        Some(PathBuf::from("/work/shared/oracle")),
    ];
    let root =
        roots.into_iter().flatten().find(|p| p.join("cases").is_dir()).expect("oracle corpus");
    let mut out = Vec::new();
    walk(&root.join("cases"), &mut out);
    out.sort();
    out
}

#[test]
fn every_prefix_of_every_oracle_template() {
    for path in oracle_files() {
        let src = std::fs::read_to_string(&path).unwrap();
        let cuts: Vec<usize> = (0..=src.len()).filter(|&i| src.is_char_boundary(i)).collect();
        // Every cut of small files, about a hundred of larger ones.
        let step = (cuts.len() / 100).max(1);
        for &cut in cuts.iter().step_by(step) {
            check(&src[..cut]);
        }
    }
}

#[test]
fn mutated_oracle_templates() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for path in oracle_files() {
        let src = std::fs::read_to_string(&path).unwrap();
        for _ in 0..3 {
            let mut s = src.clone();
            for _ in 0..1 + rng.next() % 3 {
                let at = (rng.next() % (s.len() as u64 + 1)) as usize;
                let at = (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
                s.insert_str(at, rng.pick(PIECES));
            }
            check(&s);
        }
    }
}

#[test]
fn random_token_soup() {
    let mut rng = Rng(42);
    for n in 0..3000 {
        let mut s = String::new();
        if n % 2 == 1 {
            s.push_str("object template t;\n");
        }
        for _ in 0..rng.next() % 40 {
            s.push_str(rng.pick(PIECES));
            if rng.next() % 3 == 1 {
                s.push(' ');
            }
        }
        check(&s);
    }
}

#[test]
fn deep_nesting_is_refused_not_fatal() {
    for n in [100usize, 400, 600, 3000, 50_000] {
        for (open, close) in [("f(", ")"), ("{", "}"), ("x[", "]"), ("if (true) ", "")] {
            check(&format!("object template t;\n'/a' = {}1{};\n", open.repeat(n), close.repeat(n)));
        }
        check(&format!("object template t;\n'/a' = 1{};\n", " + 1".repeat(n)));
        check(&format!("object template t;\n'/a' = {}1;\n", "x = ".repeat(n.min(5000))));
    }
}

#[test]
fn many_sequential_ifs_are_not_too_deep() {
    let body = "if (x > 0) x = x - 1; ".repeat(2000);
    let parsed = parse(&format!("object template t;\nfunction f = {{ x = 1; {body} x; }};\n"));
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors.first());
}
