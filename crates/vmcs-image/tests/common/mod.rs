//! The examples as VM profiles: compiled with the stdlib by the real compiler (no fixtures
//! to keep in step), read through `vmcs-model`.

use std::path::{Path, PathBuf};
use vmcs_model::VmProfile;

/// The examples the spawn tests plan.
pub const EXAMPLES: &[&str] = &["web", "spec-node", "net/web", "net/app", "net/db"];

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Compile `examples/NAME.pan` and read it as a VM profile.
pub fn profile(name: &str) -> VmProfile {
    let opts = vmcs_pan::CompileOptions {
        include_dirs: vec![root().join("examples"), root().join("stdlib-templates")],
        nthread: 1,
        ..vmcs_pan::CompileOptions::default()
    };
    let compiler = vmcs_pan::Compiler::new(opts).unwrap();
    let file = root().join("examples").join(format!("{name}.pan"));
    let results = compiler.compile_files(&[file]);
    let built = results
        .into_iter()
        .find(|(n, _)| &**n == name)
        .unwrap_or_else(|| panic!("{name} was not compiled"))
        .1
        .unwrap_or_else(|e| panic!("{name}: {}", e.message));
    let json = vmcs_pan::output::json::to_json_string(&built.root);
    VmProfile::from_json_str(&json).unwrap_or_else(|e| panic!("{name}: {e}"))
}
