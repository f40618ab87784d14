//! Bad input never crashes `vmcs compile`: each case must exit with status 1, within a time
//! limit, with a JSON error of the expected class first (and, where given, a message that
//! contains the expected words): no panic, no hang, no stack overflow, no runaway memory.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Case {
    name: &'static str,
    /// Files to write: (relative path, contents).
    files: Vec<(&'static str, Vec<u8>)>,
    /// The files given to `vmcs compile` (default: the first one written).
    templates: &'static [&'static str],
    /// Extra arguments; `{dir}` stands for the case's directory.
    args: &'static [&'static str],
    class: &'static str,
    /// Words the first error's message must contain.
    message: Option<&'static str>,
}

impl Case {
    fn new(name: &'static str, files: Vec<(&'static str, Vec<u8>)>, class: &'static str) -> Case {
        Case {
            name,
            files,
            templates: &[],
            args: &[],
            class,
            message: None,
        }
    }
    fn args(mut self, args: &'static [&'static str]) -> Case {
        self.args = args;
        self
    }
    fn templates(mut self, templates: &'static [&'static str]) -> Case {
        self.templates = templates;
        self
    }
    fn message(mut self, words: &'static str) -> Case {
        self.message = Some(words);
        self
    }
}

/// One object template `name` whose body is `body`.
fn object(name: &str, body: &str) -> Vec<u8> {
    format!("object template {name};\n{body}\n").into_bytes()
}

fn cases() -> Vec<Case> {
    let big: String = (0..200_000)
        .map(|i| format!("'/a/k{i}' = {i};\n"))
        .collect();
    let nested = format!("'/a' = {}1{};", "(".repeat(20_000), ")".repeat(20_000));
    let deep_path = format!("'/a{}' = undef;", "/b".repeat(70_000));
    // Parentheses (500 levels at most) each around a chain of operators (2000 at most):
    // the tree would be a million levels deep.
    let mut deep_expr = String::from("1");
    for _ in 0..400 {
        deep_expr = format!("({deep_expr}{})", "+1".repeat(1999));
    }
    // Each call level adds an expression nearly as deep as the parser allows.
    let mut deep_call = String::from("f(ARGV[0] - 1)");
    for _ in 0..2 {
        deep_call = format!("({deep_call}{})", "+1".repeat(1990));
    }
    let dict_pairs: String = (0..60_000).map(|i| format!("'k{i}', {i}, ")).collect();
    vec![
        Case::new("invalid_utf8", vec![("invalid_utf8.pan", b"object template invalid_utf8;\n'/a' = '\xff\xfe';\n".to_vec())], "parse")
            .message("line 2, column 9"),
        Case::new("utf8_bom", vec![("utf8_bom.pan", b"\xef\xbb\xbfobject template utf8_bom;\n".to_vec())], "parse"),
        Case::new("unknown_template", vec![("unknown_template.pan", object("unknown_template", "include 'no/such/template';"))], "evaluation"),
        Case::new("wrong_name", vec![("wrong_name.pan", b"object template another_name;\n".to_vec())], "syntax"),
        Case::new(
            "include_loop",
            vec![
                ("include_loop.pan", object("include_loop", "include 'a';")),
                ("a.pan", b"template a;\ninclude 'b';\n".to_vec()),
                ("b.pan", b"template b;\ninclude 'a';\n".to_vec()),
            ],
            "evaluation",
        )
        .message("include cycle: a \u{2192} b \u{2192} a"),
        Case::new("unbounded_recursion", vec![("unbounded_recursion.pan", object("unbounded_recursion", "function f = f(ARGV[0] + 1);\n'/a' = f(0);"))], "evaluation")
            .args(&["--max-recursion", "100000000"]),
        Case::new("runaway_loop", vec![("runaway_loop.pan", object("runaway_loop", "'/a' = { i = value('/n'); while (true) i = i + 1; i; };\n'/n' = 0;"))], "evaluation"),
        Case::new("nested", vec![("nested.pan", object("nested", &nested))], "parse"),
        Case::new("huge_file", vec![("huge_file.pan", format!("object template huge_file;\n{big}'/a/k0' = 'x';\n").into_bytes())], "evaluation"),
        // A 70,000-term path: too large a profile with the default limit; with a larger one,
        // the undefined leaf is found (and the tree dropped) without recursion.
        Case::new("deep_path", vec![("deep_path.pan", object("deep_path", &deep_path))], "evaluation")
            .message("profile too large"),
        Case::new("deep_path_undefined", vec![("deep_path_undefined.pan", object("deep_path_undefined", &deep_path))], "validation")
            .args(&["--max-profile-size", "64G"]),
        Case::new("deep_expression", vec![("deep_expression.pan", object("deep_expression", &format!("'/a' = {deep_expr};")))], "parse")
            .message("nested too deeply"),
        Case::new(
            "deep_calls_of_deep_expressions",
            vec![("deep_calls_of_deep_expressions.pan", object("deep_calls_of_deep_expressions", &format!("function f = {{ if (ARGV[0] <= 0) return(0); {deep_call}; }};\n'/a' = f(100000);")))],
            "evaluation",
        )
        .args(&["--max-recursion", "120000"])
        .message("stack is exhausted"),
        // foreach over a list it makes longer at each step (panc hangs here).
        Case::new("foreach_growing_list", vec![("foreach_growing_list.pan", object("foreach_growing_list", "'/a' = { l = list(1); foreach (k; v; l) l[length(l)] = v; l; };"))], "evaluation")
            .message("loop iteration count"),
        Case::new("string_doubling", vec![("string_doubling.pan", object("string_doubling", "'/a' = { s = 'x'; i = 0; while (i < 40) { s = s + s; i = i + 1; }; s; };"))], "evaluation")
            .message("value too large"),
        // A list made of itself twice, 60 times over: little memory, 2^60 elements to write.
        Case::new("shared_list_explosion", vec![("shared_list_explosion.pan", object("shared_list_explosion", "'/a' = { l = list(1); i = 0; while (i < 60) { l = list(l, l); i = i + 1; }; l; };"))], "evaluation")
            .message("profile too large"),
        Case::new("shared_list_rendered", vec![("shared_list_rendered.pan", object("shared_list_rendered", "'/a' = { l = list(1); i = 0; while (i < 60) { l = list(l, l); i = i + 1; }; to_string(l); };"))], "evaluation")
            .message("value too large"),
        // A constant dict of 60,000 pairs with a duplicate at the end: found in linear time.
        Case::new("huge_dict_duplicate", vec![("huge_dict_duplicate.pan", object("huge_dict_duplicate", &format!("'/a' = dict({dict_pairs}'k0', 0);")))], "syntax")
            .message("duplicate key"),
        Case::new(
            "same_output_twice",
            vec![
                ("one/twin.pan", object("twin", "'/a' = 1;")),
                ("two/twin.pan", object("twin", "'/a' = 2;")),
            ],
            "evaluation",
        )
        .templates(&["one/twin.pan", "two/twin.pan"])
        .args(&["--include-path", "{dir}/one:{dir}/two"])
        .message("same output files"),
    ]
}

const TIME_LIMIT: Duration = Duration::from_secs(60);

fn run(dir: &Path, c: &Case) -> Result<(), String> {
    for (p, body) in &c.files {
        let file = dir.join(p);
        std::fs::create_dir_all(file.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::write(file, body).map_err(|e| e.to_string())?;
    }
    let dir_str = dir.to_str().unwrap();
    let args: Vec<String> = c.args.iter().map(|a| a.replace("{dir}", dir_str)).collect();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vmcs"));
    cmd.arg("compile");
    if !args.iter().any(|a| a == "--include-path") {
        cmd.args(["--include-path", dir_str]);
    }
    cmd.args(["--output-dir", dir.join("out").to_str().unwrap()])
        .args(["--error-format", "json"])
        .args(&args);
    let templates: Vec<&str> = if c.templates.is_empty() {
        vec![c.files[0].0]
    } else {
        c.templates.to_vec()
    };
    for t in templates {
        cmd.arg(dir.join(t));
    }
    let stderr_file = dir.join("stderr.txt");
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&stderr_file).map_err(|e| e.to_string())?)
        .spawn()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {TIME_LIMIT:?}"));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = std::fs::read_to_string(&stderr_file).unwrap_or_default();
    if status.code() != Some(1) {
        return Err(format!(
            "exit status {status:?}, stderr: {}",
            &stderr[..stderr.len().min(300)]
        ));
    }
    let errors: Vec<serde_json::Value> = stderr
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .collect();
    let first = errors.first();
    if first.and_then(|e| e["class"].as_str()) != Some(c.class) {
        return Err(format!(
            "expected a {} error first, got: {}",
            c.class,
            &stderr[..stderr.len().min(300)]
        ));
    }
    if let Some(words) = c.message {
        let summary = first
            .and_then(|e| e["summary"].as_str())
            .unwrap_or_default();
        if !summary.contains(words) {
            return Err(format!("message {summary:?} does not contain {words:?}"));
        }
    }
    Ok(())
}

#[test]
fn bad_input_gives_a_classed_error_never_a_crash() {
    let mut failures = Vec::new();
    for c in cases() {
        let dir = tempfile::tempdir().unwrap();
        if let Err(why) = run(dir.path(), &c) {
            failures.push(format!("{}: {why}", c.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
