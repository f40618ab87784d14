//! `vmcs rm NAME...`: remove VMs: undefine them and delete their disks and directory (their
//! stored profile stays, so they can be spawned again).

use crate::vms::StateArgs;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The VMs to remove.
    #[arg(required = true)]
    names: Vec<String>,
    /// Stop running VMs at once first (otherwise running VMs are refused).
    #[arg(long, short)]
    force: bool,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    crate::vms::each(&a.state, &a.names, |ops, n| {
        ops.remove(n, a.force).map(|_| "removed".into())
    })
}
