//! `vmcs resume NAME...`: resume paused VMs.

use std::process::ExitCode;

pub fn run(a: crate::vms::NamesArgs) -> miette::Result<ExitCode> {
    crate::vms::each(&a.state, &a.names, |ops, n| {
        ops.resume(n).map(|_| "resumed".into())
    })
}
