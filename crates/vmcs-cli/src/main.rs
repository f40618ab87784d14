//! The `vmcs` binary: a thin clap front end; each subcommand lives in `cmd/<name>.rs`.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cmd;
mod report;
mod resolve;

/// vmcs: describe virtual machines in Pan, compile them to validated profiles, resolve their
/// software and spawn them.
#[derive(Parser)]
#[command(name = "vmcs", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile object templates to profiles (a drop-in for `panc`).
    Compile(cmd::compile::Args),
    /// Lint a template repository: compile without writing, or `--syntax-only`.
    Check(cmd::check::Args),
    /// Resolve the software a profile or a package list needs.
    Deps(cmd::deps::Args),
    /// Write a new user-level VM template from presets.
    New(cmd::new::Args),
    /// Apply the knowledge center's suggestions to a template.
    Fix(cmd::fix::Args),
    /// Build and start VMs from a profile.
    Spawn(cmd::spawn::Args),
    /// Inspect and prune the image cache.
    Cache(cmd::cache::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Compile(a) => cmd::compile::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::Deps(a) => cmd::deps::run(a),
        Command::New(a) => cmd::new::run(a),
        Command::Fix(a) => cmd::fix::run(a),
        Command::Spawn(a) => cmd::spawn::run(a),
        Command::Cache(a) => cmd::cache::run(a),
    };
    match result {
        Ok(code) => code,
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(1)
        }
    }
}
