//! `vmcs start NAME...`: start VMs (defined, stopped, paused or saved).

use std::process::ExitCode;

pub fn run(a: crate::vms::NamesArgs) -> miette::Result<ExitCode> {
    crate::vms::each(&a.state, &a.names, |ops, n| {
        ops.start(n).map(str::to_string)
    })
}
