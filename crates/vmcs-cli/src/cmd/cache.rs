//! `vmcs cache`: list and prune the image cache. `gc` never removes a layer an instance's
//! disks are still based on.

use crate::vms::StateArgs;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
    #[command(flatten)]
    state: StateArgs,
    /// Output format.
    #[arg(long, global = true, default_value = "text", value_parser = ["text", "json"])]
    format: String,
}

#[derive(clap::Subcommand)]
enum Action {
    /// List cached layers.
    List,
    /// Remove layers no VM uses and not used for the given number of days.
    Gc {
        #[arg(long, default_value_t = 0)]
        older_than_days: i64,
        /// Say what would be removed, remove nothing.
        #[arg(long)]
        dry_run: bool,
        /// Only this layer (a key from `vmcs cache list`) and the layers built on it.
        #[arg(long, value_name = "KEY")]
        layer: Option<String>,
    },
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let store = a.state.store()?;
    match a.action {
        Action::List => {
            let layers = store.layers()?;
            if a.format == "json" {
                crate::vms::print_json(&serde_json::json!({ "layers": layers }))?;
            } else {
                for l in &layers {
                    println!(
                        "{:<6} {}  {:>8} MiB  {}",
                        l.kind,
                        l.key,
                        l.size / (1 << 20),
                        l.path
                    );
                }
            }
        }
        Action::Gc {
            older_than_days,
            dry_run,
            layer,
        } => {
            if let Some(k) = &layer {
                if !store.layers()?.iter().any(|l| l.key == *k) {
                    return Err(miette::miette!(
                        help = "`vmcs cache list` shows the cached layers and their keys",
                        "no cached layer `{k}`"
                    ));
                }
            }
            let removed =
                vmcs_image::cache::gc(&store, older_than_days * 86400, dry_run, layer.as_deref())?;
            let verb = if dry_run { "would remove" } else { "removed" };
            for l in &removed {
                println!("{verb} {} {} ({} MiB)", l.kind, l.key, l.size / (1 << 20));
            }
            println!("{} layer(s) {verb}", removed.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
