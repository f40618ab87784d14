//! Fuzz target `compile`: one arbitrary template compiled by vmcs_pan with small limits
//! (`--max-iteration 200`, `--max-recursion 10`, one thread; libFuzzer's `-timeout` bounds
//! the time). The template is written to a fresh directory under the name its
//! `object template NAME;` line declares (or `fuzz.pan`), with the stdlib on the include
//! path. Any result is fine; a panic, abort or hang is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

/// The template name a source declares, when it is a safe relative path.
fn declared_name(text: &str) -> Option<String> {
    let rest = text.split("template").nth(1)?;
    let name: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "_-./+".contains(*c))
        .collect();
    let ok = !name.is_empty()
        && name.len() < 100
        && !name.starts_with('/')
        && !name
            .split('/')
            .any(|p| p.is_empty() || p == "." || p == "..");
    ok.then_some(name)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(dir) = tempfile::tempdir() else { return };
    let name = declared_name(&text).unwrap_or_else(|| "fuzz".to_string());
    let file = dir.path().join(format!("{name}.pan"));
    if let Some(parent) = file.parent() {
        if std::fs::create_dir_all(parent).is_err() {
            return;
        }
    }
    if std::fs::write(&file, text.as_bytes()).is_err() {
        return;
    }
    let stdlib = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../stdlib-templates"));
    let opts = vmcs_pan::CompileOptions {
        include_dirs: vec![dir.path().to_path_buf(), stdlib],
        max_iteration: 200,
        max_recursion: 10,
        nthread: 1,
        ..vmcs_pan::CompileOptions::default()
    };
    let Ok(compiler) = vmcs_pan::Compiler::new(opts) else {
        return;
    };
    let results = compiler.compile_files(&[file]);
    std::hint::black_box(&results);
});
