//! Address arithmetic for the network stage: IPv4 subnets, the addresses of `--count` copies
//! of a VM, and the archives a guest uses by default.

use crate::{AddrMethod, Interface, MirrorUrl, Repository, VmProfile, Word};
use std::net::Ipv4Addr;

/// An IPv4 subnet: a network address and a prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv4Net {
    pub addr: Ipv4Addr,
    pub prefix: u8,
}

impl Ipv4Net {
    pub fn new(addr: Ipv4Addr, prefix: u8) -> Ipv4Net {
        Ipv4Net {
            addr,
            prefix: prefix.min(32),
        }
    }
    fn mask(self) -> u32 {
        if self.prefix == 0 {
            0
        } else {
            u32::MAX << (32 - u32::from(self.prefix))
        }
    }
    /// The network address.
    pub fn network(self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.addr) & self.mask())
    }
    /// The broadcast address.
    pub fn broadcast(self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.addr) | !self.mask())
    }
    pub fn contains(self, a: Ipv4Addr) -> bool {
        u32::from(a) & self.mask() == u32::from(self.addr) & self.mask()
    }
    /// Whether `a` is a usable host address of the subnet (not the network or broadcast
    /// address, except in /31 and /32).
    pub fn is_host(self, a: Ipv4Addr) -> bool {
        self.contains(a) && (self.prefix >= 31 || (a != self.network() && a != self.broadcast()))
    }
}

impl std::fmt::Display for Ipv4Net {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

/// The subnet of a static interface, when it has an address.
pub fn interface_net(n: &Interface) -> Option<Ipv4Net> {
    match (n.ipv4.method, n.ipv4.address) {
        (AddrMethod::Static, Some(a)) => Some(Ipv4Net::new(a, n.ipv4.prefix.unwrap_or(24))),
        _ => None,
    }
}

/// The static address of copy `i` (0-based) of several copies of an interface: the `i`-th
/// address from the profile's on, skipping the gateway and the addresses `taken` (by other
/// VMs on the bridge). Fails when the subnet has no room left.
pub fn nth_address(n: &Interface, i: u32, taken: &[Ipv4Addr]) -> Result<Option<Ipv4Addr>, String> {
    let Some(net) = interface_net(n) else {
        return Ok(None);
    };
    let base = n.ipv4.address.expect("a static interface has an address");
    let mut cand = u32::from(base);
    let mut left = i;
    loop {
        let a = Ipv4Addr::from(cand);
        if !net.is_host(a) {
            return Err(format!(
                "interface `{}`: no free address for copy {} in {}/{} after {base} (the subnet is full)",
                n.name,
                i + 1,
                net.network(),
                net.prefix
            ));
        }
        let free = Some(a) != n.ipv4.gateway && !taken.contains(&a);
        if free {
            if left == 0 {
                return Ok(Some(a));
            }
            left -= 1;
        }
        cand = cand
            .checked_add(1)
            .ok_or_else(|| "address overflow".to_string())?;
    }
}

/// The archives a guest uses: `/software/repositories`, or the suite defaults (the OS mirror
/// with `SUITE` and `SUITE-updates`, and `SUITE-security` on deb.debian.org's security archive).
pub fn repositories(p: &VmProfile) -> Vec<Repository> {
    if !p.software.repositories.is_empty() {
        return p.software.repositories.clone();
    }
    let os = &p.system.os;
    let main = vec![Word::new("main").expect("a word")];
    let suite = |s: String| Word::new(s).expect("suite words stay words");
    let mut v = vec![
        Repository {
            uri: os.mirror.clone(),
            suite: os.suite.clone(),
            components: main.clone(),
        },
        Repository {
            uri: os.mirror.clone(),
            suite: suite(format!("{}-updates", os.suite)),
            components: main.clone(),
        },
    ];
    // Debian's unstable has no security suite.
    if !matches!(os.suite.as_str(), "sid" | "unstable" | "experimental") {
        v.push(Repository {
            uri: MirrorUrl::new("http://deb.debian.org/debian-security").expect("a URL"),
            suite: suite(format!("{}-security", os.suite)),
            components: main,
        });
    }
    v
}

/// `/etc/apt/sources.list` for the repositories.
pub fn sources_list(repos: &[Repository]) -> String {
    let mut s = String::from("# written by vmcs spawn from /software/repositories\n");
    for r in repos {
        let comps: Vec<&str> = r.components.iter().map(|c| c.as_str()).collect();
        s.push_str(&format!("deb {} {} {}\n", r.uri, r.suite, comps.join(" ")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nic(addr: &str, prefix: u8, gw: Option<&str>) -> Interface {
        serde_json::from_value(serde_json::json!({
            "name": "eth0", "bridge": "br0", "mac": "52:54:00:00:00:01",
            "ipv4": {"method": "static", "address": addr, "prefix": prefix, "gateway": gw}
        }))
        .unwrap()
    }

    #[test]
    fn copies_get_their_own_addresses() {
        let n = nic("10.0.0.10", 24, Some("10.0.0.1"));
        let got: Vec<_> = (0..3)
            .map(|i| nth_address(&n, i, &[]).unwrap().unwrap().to_string())
            .collect();
        assert_eq!(got, ["10.0.0.10", "10.0.0.11", "10.0.0.12"]);
        let taken = ["10.0.0.10".parse().unwrap(), "10.0.0.12".parse().unwrap()];
        let got: Vec<_> = (0..2)
            .map(|i| nth_address(&n, i, &taken).unwrap().unwrap().to_string())
            .collect();
        assert_eq!(got, ["10.0.0.11", "10.0.0.13"]);
    }

    #[test]
    fn a_full_subnet_is_an_error() {
        let n = nic("10.0.0.253", 24, Some("10.0.0.254"));
        assert!(nth_address(&n, 0, &[]).is_ok());
        let e = nth_address(&n, 1, &[]).unwrap_err();
        assert!(e.contains("subnet is full"), "{e}");
    }
}
