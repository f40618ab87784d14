//! `vmcs host add|list|remove|drain|undrain`: the hosts VMs run on (CIVIC's container nodes), each a
//! libvirt URI and a name; `local` (`qemu:///system`) needs no set-up.

use crate::vms::StateArgs;
use std::process::ExitCode;
use vmcs_virt::ops::Ops;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
    #[command(flatten)]
    state: StateArgs,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Register a host: a name and its libvirt URI (`qemu+tcp://ADDR/system`,
    /// `qemu+ssh://root@ADDR/system`); `--ssh` is how vmcs reaches its shell for tunnels.
    Add {
        name: String,
        uri: String,
        #[arg(long, value_name = "USER@ADDRESS")]
        ssh: Option<String>,
    },
    /// Hosts with their capacity: CPUs, memory, free memory, running VMs.
    List {
        #[arg(long)]
        json: bool,
        /// The hosts as recorded (name, URI, state), without contacting any of them.
        #[arg(long)]
        offline: bool,
    },
    /// Forget a host (refused while vmcs has VMs on it, unless `--forget-vms`).
    Remove {
        name: String,
        /// The host is gone for good: forget its VMs too (their records and vmcs's files
        /// of them here; nothing is asked of the host, whose disks stay where they are).
        #[arg(long)]
        forget_vms: bool,
    },
    /// Live-migrate every VM off a host (for maintenance); nothing new is placed on it.
    Drain { name: String },
    /// Put a drained host back in service (placement may use it again).
    Undrain { name: String },
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let store = a.state.store()?;
    let ops = Ops::new(&store, &a.state.dir());
    match a.action {
        Action::Add { name, uri, ssh } => {
            vmcs_virt::hosts::add(&store, &name, &uri, ssh.as_deref())?;
            println!("host {name} added ({uri})");
        }
        Action::List {
            json,
            offline: true,
        } => {
            let rows = store.hosts()?;
            if json {
                crate::vms::print_json(&rows)?;
            } else {
                println!("{:<10} {:<10}  URI", "HOST", "STATE");
                for h in &rows {
                    println!("{:<10} {:<10}  {}", h.name, h.state, h.uri);
                }
            }
        }
        Action::List { json, .. } => list(&ops, json)?,
        Action::Remove { name, forget_vms } => {
            for vm in vmcs_virt::hosts::remove_with(&store, &name, forget_vms)? {
                // vmcs's own files of that VM here (its machine, kernel, initrd, logs).
                if vmcs_model::checked::check_vm_name(&vm).is_ok() {
                    let _ = std::fs::remove_dir_all(a.state.dir().join("vms").join(&vm));
                }
                println!("forgot VM {vm}");
            }
            println!("host {name} removed");
        }
        Action::Drain { name } => return drain(&ops, &name),
        Action::Undrain { name } => {
            vmcs_virt::hosts::undrain(&store, &name)?;
            println!("host {name} is back in service");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "libvirt")]
fn list(ops: &Ops<'_>, json: bool) -> miette::Result<()> {
    let s = ops.survey()?;
    if json {
        return crate::vms::print_json(&s);
    }
    println!(
        "{:<10} {:<10} {:>5} {:>10} {:>10} {:>8}  URI",
        "HOST", "STATE", "CPUS", "MEMORY", "FREE", "RUNNING"
    );
    for h in &s {
        if h.reachable {
            println!(
                "{:<10} {:<10} {:>5} {:>7} MiB {:>6} MiB {:>8}  {}",
                h.name, h.state, h.cpus, h.memory_mib, h.free_mib, h.running, h.uri
            );
        } else {
            println!(
                "{:<10} {:<10} {:>5} {:>10} {:>10} {:>8}  {}  ({})",
                h.name,
                "unreachable",
                "-",
                "-",
                "-",
                "-",
                h.uri,
                h.error.as_deref().unwrap_or("")
            );
        }
    }
    Ok(())
}

#[cfg(feature = "libvirt")]
fn drain(ops: &Ops<'_>, name: &str) -> miette::Result<ExitCode> {
    let moved = ops.drain(name)?;
    let mut code = ExitCode::SUCCESS;
    for (vm, r) in moved {
        match r {
            Ok(rep) => println!(
                "{vm} moved to {} ({:.1} s)",
                rep.to,
                rep.prepare_secs + rep.migrate_secs
            ),
            Err(e) => {
                eprintln!("{vm}: {:?}", miette::Report::new(e));
                code = ExitCode::from(1);
            }
        }
    }
    println!("host {name} drained");
    Ok(code)
}

#[cfg(not(feature = "libvirt"))]
fn list(_: &Ops<'_>, _: bool) -> miette::Result<()> {
    Err(miette::miette!(
        "this vmcs was built without the libvirt driver"
    ))
}

#[cfg(not(feature = "libvirt"))]
fn drain(_: &Ops<'_>, _: &str) -> miette::Result<ExitCode> {
    Err(miette::miette!(
        "this vmcs was built without the libvirt driver"
    ))
}
