//! The host side of a VM's network, for drivers that run guests themselves (QEMU, xl): the
//! bridges a profile asks to create (with the gateway address the profile plans) and the
//! tap devices that plug a guest into them. Everything through the command helper.

use crate::VirtError;
use vmcs_image::runner::Runner;
use vmcs_image::Machine;

fn s(x: &str) -> String {
    x.to_string()
}

/// Whether an interface exists in this network namespace.
pub fn link_exists(name: &str) -> bool {
    std::path::Path::new("/sys/class/net").join(name).exists()
}

/// The tap device of a VM's `i`-th NIC (at most 15 characters, stable per VM and NIC).
pub fn tap_name(vm: &str, i: usize) -> String {
    format!(
        "vt{}",
        &vmcs_image::cache::key_of(&[vm, &i.to_string()])[..10]
    )
}

/// Make sure every bridge the machine uses exists: create those it asks to create (with the
/// gateway address on the host side); fail clearly on a missing one it does not.
pub fn ensure_bridges(m: &Machine, runner: &Runner) -> Result<(), VirtError> {
    for n in &m.nics {
        if link_exists(&n.bridge) {
            continue;
        }
        if !n.create_bridge {
            return Err(VirtError::Config(format!(
                "bridge `{}` of {} does not exist on this host: create it, or let the profile create it (`create_bridge`)",
                n.bridge, n.name
            )));
        }
        runner.run(
            &format!("create bridge `{}`", n.bridge),
            &[
                s("ip"),
                s("link"),
                s("add"),
                n.bridge.clone(),
                s("type"),
                s("bridge"),
            ],
        )?;
        if let Some(a) = &n.bridge_address {
            runner.run(
                &format!("give bridge `{}` the gateway address", n.bridge),
                &[
                    s("ip"),
                    s("addr"),
                    s("add"),
                    a.clone(),
                    s("dev"),
                    n.bridge.clone(),
                ],
            )?;
        }
        runner.run(
            &format!("bring bridge `{}` up", n.bridge),
            &[s("ip"), s("link"), s("set"), n.bridge.clone(), s("up")],
        )?;
    }
    Ok(())
}

/// Create the machine's taps on their bridges (stale ones from a VM that stopped by itself
/// are replaced).
pub fn add_taps(m: &Machine, runner: &Runner) -> Result<(), VirtError> {
    for (i, n) in m.nics.iter().enumerate() {
        let tap = tap_name(&m.name, i);
        if link_exists(&tap) {
            runner.run(
                "remove a stale tap",
                &[s("ip"), s("link"), s("del"), tap.clone()],
            )?;
        }
        runner.run(
            &format!("create tap `{tap}` for {}", n.name),
            &[
                s("ip"),
                s("tuntap"),
                s("add"),
                s("dev"),
                tap.clone(),
                s("mode"),
                s("tap"),
            ],
        )?;
        runner.run(
            &format!("attach `{tap}` to `{}`", n.bridge),
            &[
                s("ip"),
                s("link"),
                s("set"),
                tap,
                s("master"),
                n.bridge.clone(),
                s("up"),
            ],
        )?;
    }
    Ok(())
}

/// Remove the machine's taps (those that exist).
pub fn del_taps(m: &Machine, runner: &Runner) {
    for i in 0..m.nics.len() {
        let tap = tap_name(&m.name, i);
        if link_exists(&tap) {
            let _ = runner.run("remove the tap", &[s("ip"), s("link"), s("del"), tap]);
        }
    }
}
