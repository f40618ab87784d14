//! `vmcs cache`: list and prune the image cache (layers, VMs, stored profiles).

use std::path::PathBuf;
use std::process::ExitCode;
use vmcs_spawn::Cache;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
    /// State directory.
    #[arg(
        long,
        global = true,
        env = "VMCS_STATE_DIR",
        default_value = "/var/lib/vmcs"
    )]
    state_dir: PathBuf,
    /// Output format.
    #[arg(long, global = true, default_value = "text", value_parser = ["text", "json"])]
    format: String,
}

#[derive(clap::Subcommand)]
enum Action {
    /// List cached layers and VMs.
    List,
    /// Remove layers no VM uses and not used for the given number of days.
    Gc {
        #[arg(long, default_value_t = 0)]
        older_than_days: i64,
    },
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let cache = Cache::open(&a.state_dir)?;
    match a.action {
        Action::List => {
            let layers = cache.layers()?;
            let vms = cache.vms()?;
            if a.format == "json" {
                println!("{}", serde_json::json!({ "layers": layers, "vms": vms }));
            } else {
                println!("layers:");
                for l in &layers {
                    println!(
                        "  {:<8} {}  {:>8} MiB  {}",
                        l.kind,
                        l.key,
                        l.size / (1 << 20),
                        l.path
                    );
                }
                println!("vms:");
                for v in &vms {
                    println!(
                        "  {:<20} {:<5} {:<8} layer {}  {}",
                        v.name, v.backend, v.state, v.layer, v.overlay
                    );
                }
            }
        }
        Action::Gc { older_than_days } => {
            let removed = cache.gc(older_than_days * 86400)?;
            for l in &removed {
                println!("removed {} {} ({} MiB)", l.kind, l.key, l.size / (1 << 20));
            }
            println!("{} layer(s) removed", removed.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
