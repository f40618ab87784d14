//! `vmcs up NET.pan`: bring a network of VMs up as one unit: compile the network template,
//! compile and build every member that does not exist yet (in parallel, through the image
//! cache), place them on their hosts, create the switches (joined across hosts by tunnels),
//! start everything, and print the address table. Members that exist are started. The work
//! is `vmcs_virt::netdeploy::up`; this file is its command line and its table.

use crate::vms::StateArgs;
use std::path::PathBuf;
use std::process::ExitCode;
use vmcs_model::network::NetProfile;
use vmcs_virt::netdeploy;
use vmcs_virt::ops::Ops;

#[derive(clap::Args)]
pub struct Args {
    /// The network template (an object template including `vmcs/network/net`).
    file: PathBuf,
    /// Include path (default: the template's root, the current directory and the stdlib).
    #[arg(long, value_name = "PATH")]
    include_path: Option<String>,
    /// Where members without a `placement` run: a host name or `auto` (default: this
    /// machine's libvirt when it runs, else QEMU processes here).
    #[arg(long)]
    host: Option<String>,
    /// Run the members as QEMU processes on this machine (no libvirt).
    #[arg(long, conflicts_with = "host")]
    qemu: bool,
    #[command(flatten)]
    resolve: crate::resolve::ResolveOpts,
    /// Ask the guests' archives for new indexes.
    #[arg(long)]
    refresh: bool,
    /// Print the address table as JSON.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    state: StateArgs,
}

/// Compile the network template of `file`.
pub fn load(
    file: &std::path::Path,
    include_path: Option<&str>,
) -> miette::Result<(NetProfile, Vec<PathBuf>)> {
    let dirs = crate::incpath::for_template(include_path, file);
    let net = netdeploy::load(file, &dirs)?;
    Ok((net, dirs))
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let state = a.state.dir();
    let (net, dirs) = load(&a.file, a.include_path.as_deref())?;
    let store = a.state.store()?;
    let ops = Ops::new(&store, &state);
    let owner = vmcs_image::current_user();
    let opts = netdeploy::UpOptions {
        state: &state,
        owner: &owner,
        dirs: &dirs,
        resolve: a.resolve.define(),
        refresh: a.refresh,
        placement: if a.qemu {
            netdeploy::Placement::Qemu
        } else {
            netdeploy::Placement::Host(a.host.clone())
        },
        template: a.file.display().to_string(),
        trusted: true,
    };
    let failed = netdeploy::up(&store, &net, &opts, &mut |member, e| {
        if member.is_empty() {
            eprintln!("{e:?}");
        } else {
            eprintln!("{member}: {e:?}");
        }
    })?;
    let list = vmcs_virt::inventory::list(&ops, None)?;
    let rows: Vec<_> = list
        .iter()
        .filter(|e| e.network.as_deref() == Some(net.name.as_str()))
        .collect();
    if a.json {
        crate::vms::print_json(&rows)?;
    } else {
        println!("network {} is up", net.name);
        println!(
            "  {:<16} {:<16} {:<8} {:<10}",
            "MEMBER", "ADDRESS", "HOST", "STATE"
        );
        for e in &rows {
            println!(
                "  {:<16} {:<16} {:<8} {:<10}",
                e.name,
                e.addresses.join(","),
                e.host,
                e.state
            );
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
