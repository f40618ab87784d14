//! The `vmcs` binary: a thin clap front end; each subcommand lives in `cmd/<name>.rs`.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cmd;
mod incpath;
mod report;
mod resolve;
mod vms;

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
    /// Build and start VMs from a template or profile.
    Spawn(cmd::spawn::Args),
    /// List the VMs vmcs made, with their state now and any drift.
    List(cmd::list::Args),
    /// One VM: state, host, addresses, uptime, disks, profile version.
    Status(cmd::status::Args),
    /// Start VMs (defined, stopped, paused or saved).
    Start(vms::NamesArgs),
    /// Power VMs off (ACPI), waiting for them.
    Stop(cmd::stop::Args),
    /// Reboot VMs.
    Reboot(vms::NamesArgs),
    /// Pause VMs (CPUs stop, memory stays).
    Suspend(vms::NamesArgs),
    /// Resume paused VMs.
    Resume(vms::NamesArgs),
    /// Stop VMs at once (like pulling the plug).
    Destroy(vms::NamesArgs),
    /// Hibernate VMs: memory to disk, then stop.
    Save(vms::NamesArgs),
    /// Bring hibernated VMs back where they were.
    Restore(vms::NamesArgs),
    /// Remove VMs and their disks (their stored profiles stay).
    Rm(cmd::rm::Args),
    /// Move a VM to another host, live if asked.
    Migrate(cmd::migrate::Args),
    /// Hosts: add, list (capacity), remove, drain.
    Host(cmd::host::Args),
    /// Bring a network of VMs up as one unit.
    Up(cmd::up::Args),
    /// Stop (or remove) a network's members.
    Down(cmd::down::Args),
    /// Draw a network's topology (DOT or SVG).
    Graph(cmd::graph::Args),
    /// CPU, memory, disk and network of every running VM, refreshed.
    Top(cmd::top::Args),
    /// Keep a history of every VM's rates in the store.
    Monitor(cmd::monitor::Args),
    /// Attach to a VM's serial console.
    Console(cmd::console::Args),
    /// Log in to a VM over SSH (or run a command there).
    Ssh(cmd::ssh::Args),
    /// Inspect and prune the image cache.
    Cache(cmd::cache::Args),
    /// Serve the web portal and its JSON API.
    Serve(cmd::serve::Args),
    /// Portal users: add, list, disable, enable, passwd.
    User(cmd::user::Args),
    /// Portal API tokens: create, list, revoke.
    Token(cmd::token::Args),
}

/// Restore the default action of SIGPIPE (end the process).
#[allow(unsafe_code)]
fn default_sigpipe() {
    // SAFETY: called once at start-up, before any thread exists; SIG_DFL is no handler.
    unsafe {
        let _ = nix::sys::signal::signal(
            nix::sys::signal::Signal::SIGPIPE,
            nix::sys::signal::SigHandler::SigDfl,
        );
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Commands that only read and print end quietly when their reader goes away
    // (`vmcs list --json | head`), as Unix tools do; the others keep Rust's ignored SIGPIPE
    // so that a write to a closed pipe is an error they clean up after.
    if matches!(
        cli.command,
        Command::List(_)
            | Command::Status(_)
            | Command::Deps(_)
            | Command::Graph(_)
            | Command::Check(_)
            | Command::Top(_)
    ) {
        default_sigpipe();
    }
    let result = match cli.command {
        Command::Compile(a) => cmd::compile::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::Deps(a) => cmd::deps::run(a),
        Command::New(a) => cmd::new::run(a),
        Command::Fix(a) => cmd::fix::run(a),
        Command::Spawn(a) => cmd::spawn::run(a),
        Command::List(a) => cmd::list::run(a),
        Command::Status(a) => cmd::status::run(a),
        Command::Start(a) => cmd::start::run(a),
        Command::Stop(a) => cmd::stop::run(a),
        Command::Reboot(a) => cmd::reboot::run(a),
        Command::Suspend(a) => cmd::suspend::run(a),
        Command::Resume(a) => cmd::resume::run(a),
        Command::Destroy(a) => cmd::destroy::run(a),
        Command::Save(a) => cmd::save::run(a),
        Command::Restore(a) => cmd::restore::run(a),
        Command::Rm(a) => cmd::rm::run(a),
        Command::Migrate(a) => cmd::migrate::run(a),
        Command::Host(a) => cmd::host::run(a),
        Command::Up(a) => cmd::up::run(a),
        Command::Down(a) => cmd::down::run(a),
        Command::Graph(a) => cmd::graph::run(a),
        Command::Top(a) => cmd::top::run(a),
        Command::Monitor(a) => cmd::monitor::run(a),
        Command::Console(a) => cmd::console::run(a),
        Command::Ssh(a) => cmd::ssh::run(a),
        Command::Cache(a) => cmd::cache::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::User(a) => cmd::user::run(a),
        Command::Token(a) => cmd::token::run(a),
    };
    match result {
        Ok(code) => code,
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(1)
        }
    }
}
