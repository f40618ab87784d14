//! `vmcs destroy NAME...`: stop VMs at once (like pulling the plug).

use std::process::ExitCode;

pub fn run(a: crate::vms::NamesArgs) -> miette::Result<ExitCode> {
    crate::vms::each(&a.state, &a.names, |ops, n| {
        ops.destroy(n).map(|_| "stopped at once".into())
    })
}
