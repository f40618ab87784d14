//! `vmcs down NET`: stop every member of a network (at once); `--rm` also removes them and
//! forgets the network (`vmcs_virt::netdeploy::down`).

use crate::vms::StateArgs;
use std::process::ExitCode;
use std::time::Duration;
use vmcs_virt::netdeploy;

#[derive(clap::Args)]
pub struct Args {
    /// The network's name.
    name: String,
    /// Remove the members (and their disks) too.
    #[arg(long)]
    rm: bool,
    /// Seconds to wait for each guest to power off before stopping it at once.
    #[arg(long, default_value_t = 60)]
    timeout: u64,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let state = a.state.dir();
    let store = a.state.store()?;
    let t = Duration::from_secs(a.timeout);
    let results = netdeploy::down(&state, &store, &a.name, a.rm, t)?;
    let mut code = ExitCode::SUCCESS;
    for (n, r) in results {
        match r {
            Ok(()) => println!("{n} {}", if a.rm { "removed" } else { "stopped" }),
            Err(e) => {
                eprintln!("{n}: {:?}", miette::Report::new(e));
                code = ExitCode::from(1);
            }
        }
    }
    println!("network {} is down", a.name);
    Ok(code)
}
