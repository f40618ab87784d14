//! `vmcs new` (not yet implemented).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Arguments (not yet implemented).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

pub fn run(_args: Args) -> miette::Result<ExitCode> {
    Err(miette::miette!("`vmcs new` is not implemented yet"))
}
