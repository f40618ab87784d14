//! `vmcs migrate NAME --to HOST [--live]`: move a VM to another host with its disks
//! (libvirt hosts; the disks' top layer is copied, the bases are uploaded once per host).

use crate::vms::StateArgs;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The VM.
    name: String,
    /// The host to move it to.
    #[arg(long)]
    to: String,
    /// Keep it running while it moves (otherwise it is paused during the move).
    #[arg(long)]
    live: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    state: StateArgs,
}

#[cfg(feature = "libvirt")]
pub fn run(a: Args) -> miette::Result<ExitCode> {
    let store = a.state.store()?;
    let ops = vmcs_virt::ops::Ops::new(&store, &a.state.dir());
    let r = ops.migrate(&a.name, &a.to, a.live)?;
    if a.json {
        crate::vms::print_json(&r)?;
    } else {
        println!(
            "{} moved from {} to {}{} in {:.1} s (preparing {:.1} s, migrating {:.1} s{})",
            a.name,
            r.from,
            r.to,
            if r.live { " live" } else { "" },
            r.prepare_secs + r.migrate_secs,
            r.prepare_secs,
            r.migrate_secs,
            r.downtime_ms
                .map(|d| format!(", downtime {d} ms"))
                .unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "libvirt"))]
pub fn run(_: Args) -> miette::Result<ExitCode> {
    Err(miette::miette!(
        "this vmcs was built without the libvirt driver"
    ))
}
