//! `vmcs stop NAME...`: ask VMs to power off (ACPI) and wait for them.

use crate::vms::StateArgs;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// The VMs to stop.
    #[arg(required = true)]
    names: Vec<String>,
    /// Seconds to wait for each guest to power off.
    #[arg(long, default_value_t = 120)]
    timeout: u64,
    /// Stop at once (like pulling the plug) when the guest does not power off in time.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let t = Duration::from_secs(a.timeout);
    crate::vms::each(&a.state, &a.names, |ops, n| {
        ops.stop(n, t, a.force).map(|_| "stopped".into())
    })
}
