//! `vmcs spawn`: build and start VMs from a compiled profile (`--dry-run` prints the plan).

use std::path::PathBuf;
use std::process::ExitCode;
use vmcs_model::VmProfile;
use vmcs_spawn::{Backend, QemuNet, SpawnOptions};

#[derive(clap::Args)]
pub struct Args {
    /// The compiled profile: pan XML (`.xml`) or JSON (`.json`); or an object template
    /// (`.pan`), which is compiled and has its software resolved first.
    profile: PathBuf,
    /// Include path for compiling a `.pan` template (directories separated by `:`).
    #[arg(long, value_name = "PATH")]
    include_path: Option<String>,
    #[command(flatten)]
    resolve: crate::resolve::ResolveOpts,
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
    let (source, profile) = if a.profile.extension().is_some_and(|e| e == "pan") {
        let xml = compile_template(&a)?;
        let profile = VmProfile::from_pan_xml_str(&xml)?;
        (xml, profile)
    } else {
        let source = std::fs::read_to_string(&a.profile)
            .map_err(|e| miette::miette!("cannot read {}: {e}", a.profile.display()))?;
        (source, VmProfile::from_path(&a.profile)?)
    };
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

/// Compile a VM template, resolve its software, and return the XML skeleton.
fn compile_template(a: &Args) -> miette::Result<String> {
    let opts = vmcs_pan::CompileOptions {
        include_dirs: crate::cmd::compile::include_dirs(a.include_path.as_deref()),
        nthread: 1,
        ..vmcs_pan::CompileOptions::default()
    };
    let compiler = vmcs_pan::Compiler::new(opts).map_err(|e| e.to_report())?;
    let results = compiler.compile_files(std::slice::from_ref(&a.profile));
    let name = compiler.object_name_for(&a.profile);
    let built = results
        .into_iter()
        .find(|(n, r)| **n == *name || r.is_err())
        .map(|(_, r)| r)
        .ok_or_else(|| miette::miette!("{} was not compiled", a.profile.display()))?
        .map_err(|e| e.to_report())?;
    let mut root = built.root.clone();
    let mut resolve = a.resolve.clone();
    resolve.resolve_packages = true;
    crate::resolve::resolve_into(&mut root, &resolve)
        .map_err(|e| miette::miette!("cannot resolve software: {e}"))?;
    let mut xml = Vec::new();
    vmcs_pan::output::xml::write_pan_xml(&root, &mut xml);
    String::from_utf8(xml).map_err(|e| miette::miette!("{e}"))
}
