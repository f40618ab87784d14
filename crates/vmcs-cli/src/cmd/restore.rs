//! `vmcs restore NAME...`: bring hibernated VMs back where they were.

use std::process::ExitCode;

pub fn run(a: crate::vms::NamesArgs) -> miette::Result<ExitCode> {
    crate::vms::each(&a.state, &a.names, |ops, n| {
        ops.restore(n).map(|_| "restored".into())
    })
}
