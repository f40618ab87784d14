//! The network stage: what the guest's network looks like (systemd-networkd only when an
//! interface needs it; static addresses set by vmcs's initramfs before systemd starts),
//! each VM's own network files (names by MAC, addresses, `/etc/hosts` with its segment,
//! `resolv.conf`), and the host side a driver sets up where the VM runs (bridges with the
//! gateway address).

use super::Ctx;
use crate::plan::{SeedFile, SeedSource, Stage, Step};
use crate::{guest, Instance, Nic};
use std::path::Path;
use vmcs_model::{AddrMethod, GuestPath};

fn gp(p: &str) -> GuestPath {
    GuestPath::new(p).expect("a literal guest path")
}

/// The image's network setup: systemd-networkd enabled only when some interface needs it.
pub fn configure_image(ctx: &Ctx<'_>, tree: &Path, steps: &mut Vec<Step>) {
    steps.push(Step::mkdir(
        Stage::Network,
        "create /etc/systemd/network",
        tree.join("etc/systemd/network"),
    ));
    if guest::needs_networkd(ctx.p) {
        steps.push(Step::run(
            Stage::Network,
            "enable systemd-networkd (DHCP or a guest-side boot needs it)",
            ctx.chroot(tree, &["systemctl", "enable", "systemd-networkd"]),
        ));
    }
}

/// One VM's network files for its seed.
pub fn vm_seed(ctx: &Ctx<'_>, inst: &Instance) -> Vec<SeedFile> {
    let text = |path: &str, mode: u32, t: String| SeedFile {
        path: gp(path),
        mode,
        source: SeedSource::Text(t),
    };
    let mut files = vec![text("/etc/resolv.conf", 0o644, guest::resolv_conf(ctx.p))];
    for (path, t) in guest::networkd_files(ctx.p, inst) {
        files.push(text(&path, 0o644, t));
    }
    files.push(text("/vmcs/net.conf", 0o644, guest::net_conf(ctx.p, inst)));
    files
}

/// One VM's NICs for the driver: bridge, MAC, planned address, and the gateway address a
/// bridge the profile asks to create gets on the host side.
pub fn vm_nics(ctx: &Ctx<'_>, inst: &Instance) -> Vec<Nic> {
    ctx.p
        .network
        .interfaces
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let bridge_address = match (n.create_bridge, n.ipv4.method, n.ipv4.gateway) {
                (true, AddrMethod::Static, Some(g)) => {
                    Some(format!("{g}/{}", n.ipv4.prefix.unwrap_or(24)))
                }
                _ => None,
            };
            Nic {
                name: n.name.to_string(),
                bridge: n.bridge.to_string(),
                mac: inst.macs[i].clone(),
                create_bridge: n.create_bridge,
                bridge_address,
                ipv4: inst.ipv4[i].map(|a| a.to_string()),
            }
        })
        .collect()
}
