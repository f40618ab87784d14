//! `vmcs suspend NAME...`: pause VMs (their CPUs stop; memory stays).

use std::process::ExitCode;

pub fn run(a: crate::vms::NamesArgs) -> miette::Result<ExitCode> {
    crate::vms::each(&a.state, &a.names, |ops, n| {
        ops.suspend(n).map(|_| "suspended".into())
    })
}
