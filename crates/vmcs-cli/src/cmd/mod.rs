//! One module per subcommand, each with `Args` (clap) and `run(Args) -> miette::Result<ExitCode>`.

pub mod cache;
pub mod check;
pub mod compile;
pub mod console;
pub mod deps;
pub mod destroy;
pub mod down;
pub mod fix;
pub mod graph;
pub mod host;
pub mod list;
pub mod migrate;
pub mod monitor;
pub mod new;
pub mod reboot;
pub mod restore;
pub mod resume;
pub mod rm;
pub mod save;
pub mod serve;
pub mod spawn;
pub mod ssh;
pub mod start;
pub mod status;
pub mod stop;
pub mod suspend;
pub mod token;
pub mod top;
pub mod up;
pub mod user;

/// Compile one object template written into `scratch` (searched first, then `dirs`), and
/// remove the scratch directory afterwards.
pub(crate) fn compile_scratch(
    scratch: &std::path::Path,
    dirs: &[std::path::PathBuf],
    file: &std::path::Path,
) -> miette::Result<Vec<(std::sync::Arc<str>, vmcs_pan::compiler::ObjectResult)>> {
    let mut include_dirs = vec![scratch.to_path_buf()];
    include_dirs.extend(dirs.iter().cloned());
    let compiler = vmcs_pan::Compiler::new(vmcs_pan::CompileOptions {
        include_dirs,
        nthread: 1,
        ..vmcs_pan::CompileOptions::default()
    })
    .map_err(|e| miette::miette!("{}", e.message))?;
    let results = compiler.compile_files(&[file.to_path_buf()]);
    let _ = std::fs::remove_dir_all(scratch);
    Ok(results)
}
