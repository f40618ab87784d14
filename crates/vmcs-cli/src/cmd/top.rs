//! `vmcs top`: CPU, memory, disk and network rates of every running VM on every host,
//! refreshed like `top`; `--once --json` for scripts.

use crate::vms::StateArgs;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;
use vmcs_virt::monitor;

#[derive(clap::Args)]
pub struct Args {
    /// Print one measurement (over `--interval`) and exit.
    #[arg(long)]
    once: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Seconds between measurements.
    #[arg(long, default_value_t = 2.0)]
    interval: f64,
    /// Only this owner's VMs.
    #[arg(long)]
    owner: Option<String>,
    #[command(flatten)]
    state: StateArgs,
}

fn human(b: f64) -> String {
    match b {
        b if b >= 1e9 => format!("{:.1}G", b / 1e9),
        b if b >= 1e6 => format!("{:.1}M", b / 1e6),
        b if b >= 1e3 => format!("{:.1}k", b / 1e3),
        b => format!("{b:.0}"),
    }
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let state = a.state.dir();
    let interval = Duration::from_secs_f64(a.interval.clamp(0.2, 3600.0));
    let mut prev = monitor::sample(&state, a.owner.as_deref())?;
    loop {
        std::thread::sleep(interval);
        let cur = monitor::sample(&state, a.owner.as_deref())?;
        let mut rows = monitor::rates(&prev, &cur);
        rows.sort_by(|x, y| {
            y.cpu_pct
                .partial_cmp(&x.cpu_pct)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        if a.json {
            let v: Vec<_> = rows
                .iter()
                .map(|r| {
                    let host = cur.iter().find(|s| s.name == r.instance).map(|s| s.host.clone());
                    serde_json::json!({"name": r.instance, "host": host, "cpu_pct": r.cpu_pct, "mem_kib": r.mem_kib,
                        "disk_rd_bps": r.disk_rd_bps, "disk_wr_bps": r.disk_wr_bps,
                        "net_rx_bps": r.net_rx_bps, "net_tx_bps": r.net_tx_bps})
                })
                .collect();
            crate::vms::print_json(&v)?;
        } else {
            if !a.once && std::io::stdout().is_terminal() {
                print!("\x1b[2J\x1b[H");
            }
            println!(
                "{:<20} {:<8} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}",
                "NAME", "HOST", "CPU%", "MEM", "DISK R/s", "DISK W/s", "NET RX/s", "NET TX/s"
            );
            for r in &rows {
                let host = cur
                    .iter()
                    .find(|s| s.name == r.instance)
                    .map(|s| s.host.as_str())
                    .unwrap_or("-");
                println!(
                    "{:<20} {:<8} {:>7.1} {:>9} {:>9} {:>9} {:>9} {:>9}",
                    r.instance,
                    host,
                    r.cpu_pct,
                    human(r.mem_kib as f64 * 1024.0),
                    human(r.disk_rd_bps),
                    human(r.disk_wr_bps),
                    human(r.net_rx_bps),
                    human(r.net_tx_bps)
                );
            }
        }
        if a.once {
            return Ok(ExitCode::SUCCESS);
        }
        prev = cur;
    }
}
