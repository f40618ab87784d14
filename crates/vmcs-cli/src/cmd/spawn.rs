//! `vmcs spawn`: compile (for a `.pan` template), resolve the software against the guest's
//! own archives, build the disks through the image cache, then define and start the VMs.

use crate::vms::StateArgs;
use miette::{miette, IntoDiagnostic};
use std::path::PathBuf;
use std::process::ExitCode;
use vmcs_image::SpawnOptions;
use vmcs_model::VmProfile;
use vmcs_virt::deploy::{self, DeployOptions};

#[derive(clap::Args)]
pub struct Args {
    /// The VM: an object template (`.pan`, compiled and resolved first), or a compiled
    /// profile in pan XML (`.xml`) or JSON (`.json`).
    profile: PathBuf,
    /// Include path for a `.pan` template (directories separated by `:`; default: the
    /// template's root, the current directory and the stdlib).
    #[arg(long, value_name = "PATH")]
    include_path: Option<String>,
    #[command(flatten)]
    resolve: crate::resolve::ResolveOpts,
    /// Ask the guest's archives for new indexes even if the cached ones are recent.
    #[arg(long)]
    refresh: bool,
    /// Print the plan and run nothing.
    #[arg(long)]
    dry_run: bool,
    /// Plan output format for `--dry-run`.
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    format: String,
    /// Spawn N VMs from the profile (`NAME-1..N`, their own MACs and addresses).
    #[arg(long, default_value_t = 1)]
    count: u32,
    /// Run the VMs on this machine without libvirt: `qemu` (QEMU processes of their own) or
    /// `xen` (a Xen dom0's `xl`). Default: a libvirt host (`--host`), or this machine's
    /// libvirt for QEMU profiles when it runs, else `/hardware/hypervisor`'s own driver.
    #[arg(long, value_parser = ["qemu", "xen"], conflicts_with = "host")]
    backend: Option<String>,
    /// The libvirt host to run on (`vmcs host list`), or `auto` to place each VM on the host
    /// with the most room.
    #[arg(long)]
    host: Option<String>,
    /// Spawn N copies on N distinct hosts (names `NAME-1..N`).
    #[arg(long, conflicts_with = "count")]
    replicas: Option<u32>,
    #[command(flatten)]
    state: StateArgs,
    /// Command log (default: STATE/logs/NAME-TIME.log).
    #[arg(long)]
    log: Option<PathBuf>,
    /// Build and define the VMs but do not start them (`vmcs start NAME` later).
    #[arg(long)]
    no_start: bool,
    /// Treat the profile as coming from someone else: refuse its commands and host paths.
    #[arg(long)]
    untrusted: bool,
    /// Owner of the VMs (default `/vm/owner`, else the user running vmcs).
    #[arg(long)]
    owner: Option<String>,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let state = a.state.dir();
    let is_pan = a.profile.extension().is_some_and(|e| e == "pan");
    let (pan, xml) = if is_pan {
        let pan = std::fs::read_to_string(&a.profile)
            .map_err(|e| miette!("cannot read {}: {e}", a.profile.display()))?;
        let dirs = crate::incpath::for_template(a.include_path.as_deref(), &a.profile);
        let xml = vmcs_image::define::compile_for_guest(
            &a.profile,
            &dirs,
            &a.resolve.define(),
            &state,
            a.refresh,
        )?;
        (Some(pan), xml)
    } else {
        let text = std::fs::read_to_string(&a.profile)
            .map_err(|e| miette!("cannot read {}: {e}", a.profile.display()))?;
        (None, text)
    };
    let ext = if is_pan {
        Some("xml")
    } else {
        a.profile.extension().and_then(|e| e.to_str())
    };
    let profile = VmProfile::from_text(&xml, ext)?;
    let mut o = SpawnOptions::new(&state);
    o.dry_run = a.dry_run;
    o.count = a.count.max(1);
    o.log = a.log.clone();
    o.trusted = !a.untrusted;
    o.owner = a.owner.clone();
    o.host = "local".into();
    let mut d = DeployOptions::new(o);
    d.backend = a.backend.clone();
    d.host = a.host.clone();
    d.replicas = a.replicas;
    d.start = !a.no_start;
    if a.dry_run {
        let plan = deploy::plan(&profile, &d)?;
        match a.format.as_str() {
            "json" => println!("{}", plan.to_json()),
            _ => print!("{plan}"),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let store = a.state.store()?;
    let owner = a
        .owner
        .clone()
        .or_else(|| profile.vm.owner.as_ref().map(|o| o.to_string()))
        .unwrap_or_else(vmcs_image::current_user);
    d.spawn.profile =
        Some(store.save_profile(&owner, &profile.vm.name, pan.as_deref(), &xml, None)?);
    let done = deploy::deploy(&store, &profile, &d)?;
    let report = done.report;
    let mut failed = false;
    let mut rows = Vec::new();
    for v in &done.vms {
        if let Some(e) = &v.error {
            failed = true;
            eprintln!(
                "{:?}",
                miette::Report::msg(format!("VM `{}` was built but not started: {e}", v.name))
            );
            eprintln!("  fix the cause, then `vmcs start {}`", v.name);
        }
        rows.push(
            serde_json::json!({"name": v.name, "state": v.state, "backend": v.backend, "host": v.host,
            "addresses": v.addresses, "dir": v.dir}),
        );
    }
    if a.json {
        crate::vms::print_json(&serde_json::json!({"vms": rows, "log": report.log,
            "reused_layers": report.reused_layers}))?;
    } else {
        let reused = if report.reused_layers.is_empty() {
            "none".to_string()
        } else {
            report.reused_layers.join(", ")
        };
        println!(
            "spawned {} ({} steps; reused layers: {reused}); log: {}",
            report.vms.join(", "),
            report.steps,
            report.log.display()
        );
        for r in &rows {
            println!(
                "  {:<20} {:<8} {:<8} {:<7} {}",
                r["name"].as_str().unwrap_or(""),
                r["state"].as_str().unwrap_or(""),
                r["host"].as_str().unwrap_or(""),
                r["backend"].as_str().unwrap_or(""),
                r["addresses"]
                    .as_array()
                    .map(|v| v
                        .iter()
                        .filter_map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join(" "))
                    .unwrap_or_default()
            );
        }
    }
    let _ = std::io::Write::flush(&mut std::io::stdout()).into_diagnostic();
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
