//! Pan string literals for hostile text: whatever a user typed reaches generated Pan only
//! through [`quote`], as one double-quoted literal with every special character escaped.

/// `s` as a Pan double-quoted string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    /// Compile `'/x' = LITERAL;` and read `/x` back.
    fn round_trip(s: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("t.pan");
        std::fs::write(&f, format!("object template t;\n'/x' = {};\n", quote(s))).unwrap();
        let c = vmcs_pan::Compiler::new(vmcs_pan::CompileOptions {
            include_dirs: vec![dir.path().to_path_buf()],
            nthread: 1,
            ..Default::default()
        })
        .unwrap();
        let r = c.compile_files(&[f]);
        let built = r[0].1.as_ref().expect("compiles");
        let json = vmcs_pan::output::json::to_json_string(&built.root);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["x"].as_str().expect("a string at /x").to_string()
    }

    #[test]
    fn hostile_strings_survive_as_one_literal() {
        for s in [
            "plain",
            "quote \" inside",
            "back\\slash\\",
            "single ' quote",
            "new\nline\r\ttab",
            "'; '/system/root' = 'owned'; '",
            "\"; include 'x'; \"",
            "<script>alert(1)</script>",
            "${x} {} @{doc}",
            "\u{1}\u{7f}ctl",
            "ünïcödé ✓",
        ] {
            assert_eq!(round_trip(s), s, "literal {}", quote(s));
        }
    }
}
