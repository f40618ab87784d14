//! `vmcs graph NET.pan`: draw a network's topology (switches, members, addresses, hosts) as
//! Graphviz DOT or SVG.

use miette::IntoDiagnostic;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The network template.
    file: PathBuf,
    /// Include path (default: the template's root, the current directory and the stdlib).
    #[arg(long, value_name = "PATH")]
    include_path: Option<String>,
    /// `dot` or `svg`.
    #[arg(long, default_value = "dot", value_parser = ["dot", "svg"])]
    format: String,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let (net, _) = crate::cmd::up::load(&a.file, a.include_path.as_deref())?;
    let text = if a.format == "svg" {
        net.svg()
    } else {
        net.dot()
    };
    match a.output {
        Some(p) => std::fs::write(p, text).into_diagnostic()?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
