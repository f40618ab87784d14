//! `vmcs list`: the VMs vmcs made, with what their hypervisors say now and the drift
//! between the two (`vmcs_virt::inventory`).

use crate::vms::StateArgs;
use std::process::ExitCode;
use vmcs_virt::ops::Ops;

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Only this owner's VMs.
    #[arg(long)]
    owner: Option<String>,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let store = a.state.store()?;
    let mut list =
        vmcs_virt::inventory::list(&Ops::new(&store, &a.state.dir()), a.owner.as_deref())?;
    if a.json {
        crate::vms::print_json(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Members grouped under their network, lone VMs first.
    list.sort_by(|x, y| (&x.network, &x.name).cmp(&(&y.network, &y.name)));
    println!(
        "{:<20} {:<11} {:<8} {:<7} {:<16} {:<10} OWNER",
        "NAME", "STATE", "HOST", "DRIVER", "ADDRESS", "NETWORK"
    );
    let mut group: Option<&str> = None;
    for e in &list {
        if e.network.as_deref() != group {
            group = e.network.as_deref();
            if let Some(n) = group {
                println!("network {n}:");
            }
        }
        println!(
            "{:<20} {:<11} {:<8} {:<7} {:<16} {:<10} {}{}",
            e.name,
            e.state,
            e.host,
            e.backend,
            e.addresses.first().map(String::as_str).unwrap_or("-"),
            e.network.as_deref().unwrap_or("-"),
            e.owner,
            e.drift
                .as_ref()
                .map(|d| format!("  (drift: {d})"))
                .unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}
