//! `vmcs spawn`: build and start VMs from a compiled profile (`--dry-run` prints the plan).

use std::path::PathBuf;
use std::process::ExitCode;
use vmcs_model::VmProfile;
use vmcs_spawn::{Backend, QemuNet, SpawnOptions};

#[derive(clap::Args)]
pub struct Args {
    /// The compiled profile: pan XML (`.xml`) or JSON (`.json`).
    profile: PathBuf,
    /// Print the plan and run nothing.
    #[arg(long)]
    dry_run: bool,
    /// Plan output format for `--dry-run`.
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    format: String,
    /// Spawn N VMs from the profile (`name-1..N`, distinct MACs and addresses).
    #[arg(long, default_value_t = 1)]
    count: u32,
    /// Override `/hardware/hypervisor`: `xen` or `qemu`.
    #[arg(long)]
    backend: Option<Backend>,
    /// State directory (layers, VM disks, database, logs).
    #[arg(long, env = "VMCS_STATE_DIR", default_value = "/var/lib/vmcs")]
    state_dir: PathBuf,
    /// Command log (default: STATE/logs/NAME-TIME.log).
    #[arg(long)]
    log: Option<PathBuf>,
    /// QEMU networking: `auto` (tap on the bridge when it exists), `user` or `none`.
    #[arg(long, default_value = "auto", value_parser = ["auto", "user", "none"])]
    net: String,
    /// Build the disks but do not start the VMs.
    #[arg(long)]
    no_start: bool,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let source = std::fs::read_to_string(&a.profile)
        .map_err(|e| miette::miette!("cannot read {}: {e}", a.profile.display()))?;
    let profile = VmProfile::from_path(&a.profile)?;
    let mut o = SpawnOptions::new(a.state_dir);
    o.dry_run = a.dry_run;
    o.count = a.count.max(1);
    o.backend = a.backend;
    o.log = a.log;
    o.start = !a.no_start;
    o.qemu_net = match a.net.as_str() {
        "user" => QemuNet::User,
        "none" => QemuNet::None,
        _ => QemuNet::Auto,
    };
    o.profile_source = Some(source);
    let (plan, report) = vmcs_spawn::spawn_profile(&profile, &o)?;
    if a.dry_run {
        match a.format.as_str() {
            "json" => println!("{}", plan.to_json()),
            _ => print!("{plan}"),
        }
    } else {
        println!(
            "spawned {} ({} steps; reused layers: {}); log: {}",
            report.vms.join(", "),
            report.steps,
            if report.reused_layers.is_empty() {
                "none".into()
            } else {
                report.reused_layers.join(", ")
            },
            report.log.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
