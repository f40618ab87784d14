//! `vmcs deps`: resolve the software a profile or a package list needs (see `vmcs-deps`).

use std::process::ExitCode;

pub use vmcs_deps::cli::DepsArgs as Args;

pub fn run(args: Args) -> miette::Result<ExitCode> {
    vmcs_deps::cli::run(args)
}
