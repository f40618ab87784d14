//! Switches that span hosts (CIVIC's network configuration interface): when members of one
//! bridge run on several hosts, the hosts' bridges are joined by a VXLAN device on each, with
//! a flood entry per peer, set up over each host's SSH. Guests keep their planned addresses;
//! the underlay must carry 1550-byte frames (the testbed's does).

use crate::VirtError;
use std::path::Path;
use vmcs_image::runner::Runner;

/// A host taking part in a tunnel: how to reach its shell, and its underlay address.
#[derive(Debug, Clone)]
pub struct Peer {
    pub host: String,
    /// `user@address` for ssh, or `None` for this machine.
    pub ssh: Option<String>,
    pub address: String,
}

/// The VXLAN id of a bridge (stable, 24 bits, never 0).
pub fn vni(bridge: &str) -> u32 {
    let h = vmcs_image::cache::key_of(&["vni", bridge]);
    (u32::from_str_radix(&h[..6], 16).unwrap_or(1) % 0xff_fffe) + 1
}

/// The VXLAN device of a bridge (at most 15 characters).
pub fn device(bridge: &str) -> String {
    format!("vx{:06x}", vni(bridge))
}

fn checked(v: &str, what: &str) -> Result<(), VirtError> {
    if v.is_empty()
        || !v
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-:@".contains(c))
    {
        return Err(VirtError::Config(format!(
            "{what} `{v}` is not a plain name or address"
        )));
    }
    Ok(())
}

/// The shell commands that join `bridge` on one host to its peers (idempotent).
pub fn script(bridge: &str, local: &str, peers: &[&str]) -> Result<String, VirtError> {
    checked(bridge, "bridge")?;
    checked(local, "address")?;
    let dev = device(bridge);
    let mut s = format!(
        "set -e; ip link show {dev} >/dev/null 2>&1 || ip link add {dev} type vxlan id {} dstport 4789 local {local} nolearning; ip link set {dev} mtu 1500 master {bridge} up",
        vni(bridge)
    );
    for p in peers {
        checked(p, "address")?;
        s.push_str(&format!(
            "; bridge fdb show dev {dev} | grep -q 'dst {p} ' || bridge fdb append 00:00:00:00:00:00 dev {dev} dst {p}"
        ));
    }
    Ok(s)
}

/// The ssh command line vmcs uses to reach a host's shell (its own key, the host's key
/// remembered in the state directory).
pub fn ssh_argv(state: &Path, target: &str) -> Vec<String> {
    let key = state.join("ssh/id_ed25519");
    vec![
        "ssh".into(),
        "-i".into(),
        key.display().to_string(),
        "-o".into(),
        "BatchMode=yes".into(),
        "-o".into(),
        "IdentitiesOnly=yes".into(),
        "-o".into(),
        "StrictHostKeyChecking=accept-new".into(),
        "-o".into(),
        format!(
            "UserKnownHostsFile={}",
            state.join("ssh/known_hosts_hosts").display()
        ),
        "-o".into(),
        "ConnectTimeout=10".into(),
        target.to_string(),
        "--".into(),
    ]
}

/// Join `bridge` across `peers` (each host gets a VXLAN device to every other).
pub fn connect(
    bridge: &str,
    peers: &[Peer],
    state: &Path,
    runner: &Runner,
) -> Result<(), VirtError> {
    if peers.len() < 2 {
        return Ok(());
    }
    for p in peers {
        let others: Vec<&str> = peers
            .iter()
            .filter(|q| q.host != p.host)
            .map(|q| q.address.as_str())
            .collect();
        let sh = script(bridge, &p.address, &others)?;
        let argv = match &p.ssh {
            Some(t) => {
                let mut a = ssh_argv(state, t);
                a.push(sh);
                a
            }
            None => vec!["sh".into(), "-c".into(), sh],
        };
        runner.run(
            &format!("join bridge `{bridge}` on `{}` to its peers", p.host),
            &argv,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tunnel_script_is_idempotent_and_checked() {
        let s = script("br-lab", "10.77.0.11", &["10.77.0.12"]).unwrap();
        assert!(
            s.contains(&format!(
                "ip link add {} type vxlan id {}",
                device("br-lab"),
                vni("br-lab")
            )),
            "{s}"
        );
        assert!(s.contains("dst 10.77.0.12"), "{s}");
        assert!(device("br-lab").len() <= 15);
        assert!(script("br; reboot", "1.2.3.4", &[]).is_err());
        assert!(script("br0", "1.2.3.4", &["$(id)"]).is_err());
    }
}
