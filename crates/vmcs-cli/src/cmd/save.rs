//! `vmcs save NAME...`: hibernate VMs: their memory goes to disk and they stop.

use std::process::ExitCode;

pub fn run(a: crate::vms::NamesArgs) -> miette::Result<ExitCode> {
    crate::vms::each(&a.state, &a.names, |ops, n| {
        ops.save(n).map(|_| "saved (hibernated)".into())
    })
}
