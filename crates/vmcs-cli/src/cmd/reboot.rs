//! `vmcs reboot NAME...`: reboot VMs (the guest restarts).

use std::process::ExitCode;

pub fn run(a: crate::vms::NamesArgs) -> miette::Result<ExitCode> {
    crate::vms::each(&a.state, &a.names, |ops, n| {
        ops.reboot(n).map(|_| "rebooted".into())
    })
}
