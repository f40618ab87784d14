//! `vmcs monitor`: the collector that keeps a rolling history of every VM's rates in the
//! store (what the portal's charts show). `--daemon` starts it in the background.

use crate::vms::StateArgs;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// Run in the background (pid in STATE/monitor.pid, output in STATE/logs/monitor.log).
    #[arg(long)]
    daemon: bool,
    /// Seconds between samples.
    #[arg(long, default_value_t = 10)]
    interval: u64,
    /// Hours of history to keep.
    #[arg(long, default_value_t = 24)]
    keep_hours: u64,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let state = a.state.dir();
    if a.daemon {
        let exe = std::env::current_exe().map_err(|e| miette::miette!("{e}"))?;
        let argv: Vec<String> = vec![
            exe.display().to_string(),
            "monitor".into(),
            "--interval".into(),
            a.interval.to_string(),
            "--keep-hours".into(),
            a.keep_hours.to_string(),
            "--state-dir".into(),
            state.display().to_string(),
        ];
        let runner = vmcs_image::runner::Runner::new(&state.join("logs/lifecycle.log"), false);
        let pid = runner.detach(&argv, &state.join("logs/monitor.log"))?;
        std::fs::write(state.join("monitor.pid"), format!("{pid}\n"))
            .map_err(|e| miette::miette!("{e}"))?;
        println!(
            "monitor started (pid {pid}); history in {}",
            state.join("vmcs.db").display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let stop = AtomicBool::new(false);
    vmcs_virt::monitor::collect(
        &state,
        Duration::from_secs(a.interval.max(1)),
        Duration::from_secs(a.keep_hours * 3600),
        &stop,
    )?;
    Ok(ExitCode::SUCCESS)
}
