//! Snapshots of rendered diagnostics for the common errors: each `tests/diagnostics/*.pan`
//! is compiled and its error rendered as a person sees it (miette, no colour, 100 columns)
//! and as a tool sees it (`--error-format json`), compiled from the cases' own directory.

use std::path::Path;
use vmcs_pan::{CompileOptions, Compiler};

/// Compile `file` (relative to the current directory, which is the cases' directory, so
/// that rendered paths do not depend on where the repository is checked out).
fn render(file: &Path) -> String {
    let opts = CompileOptions {
        include_dirs: vec![".".into()],
        nthread: 1,
        ..CompileOptions::default()
    };
    let compiler = Compiler::new(opts).unwrap();
    let results = compiler.compile_files(&[file.to_path_buf()]);
    let err = results
        .into_iter()
        .find_map(|(_, r)| r.err())
        .unwrap_or_else(|| panic!("{} compiled without error", file.display()));
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    let mut human = String::new();
    let report = err.to_report();
    handler.render_report(&mut human, report.as_ref()).unwrap();
    let json = serde_json::to_string_pretty(&err.to_json()).unwrap();
    format!("{human}\n--- json ---\n{json}\n")
}

#[test]
fn diagnostics_snapshots() {
    let root = manifest_dir().join("../../tests/diagnostics");
    std::env::set_current_dir(&root).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(".")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| std::path::PathBuf::from(e.file_name())))
        .filter(|p| p.extension().is_some_and(|e| e == "pan"))
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root.join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for f in &files {
            let name = f.file_stem().unwrap().to_string_lossy().to_string();
            insta::assert_snapshot!(name, render(f));
        }
    });
}

/// The package directory, from the variable cargo sets when it runs the test.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(Into::into)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
}
