//! `vmcs status NAME`: one VM: state, host, addresses, uptime, disks, profile version.

use crate::vms::StateArgs;
use miette::miette;
use std::process::ExitCode;
use vmcs_virt::ops::Ops;

#[derive(clap::Args)]
pub struct Args {
    /// The VM.
    name: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    state: StateArgs,
}

/// `1h 02m 03s`.
pub fn duration(s: i64) -> String {
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}h {m:02}m {s:02}s")
    } else if m > 0 {
        format!("{m}m {s:02}s")
    } else {
        format!("{s}s")
    }
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let store = a.state.store()?;
    let ops = Ops::new(&store, &a.state.dir());
    ops.load(&a.name)?;
    let e = vmcs_virt::inventory::list(&ops, None)?
        .into_iter()
        .find(|e| e.name == a.name)
        .ok_or_else(|| miette!("no VM named `{}`", a.name))?;
    if a.json {
        crate::vms::print_json(&e)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("name:      {}", e.name);
    println!(
        "state:     {}{}",
        e.state,
        e.drift
            .as_ref()
            .map(|d| format!(" (drift: {d})"))
            .unwrap_or_default()
    );
    println!("host:      {} ({})", e.host, e.backend);
    println!("owner:     {}", e.owner);
    println!(
        "addresses: {}",
        if e.addresses.is_empty() {
            "-".into()
        } else {
            e.addresses.join(", ")
        }
    );
    println!(
        "uptime:    {}",
        e.uptime_secs.map(duration).unwrap_or_else(|| "-".into())
    );
    println!("size:      {} vCPU, {} MiB", e.vcpus, e.memory_mib);
    println!(
        "profile:   {} version {}",
        e.profile,
        e.profile_version
            .map(|v| v.to_string())
            .unwrap_or_else(|| "-".into())
    );
    for d in &e.disks {
        println!("disk:      {d}");
    }
    Ok(ExitCode::SUCCESS)
}
