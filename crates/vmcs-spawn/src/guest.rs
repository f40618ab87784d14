//! Contents of the files written into the guest: hosts, fstab, network config, grub, users.

use crate::Instance;
use vmcs_model::{AddrMethod, VmProfile};

/// `/etc/hosts` for one instance.
pub fn hosts(p: &VmProfile, inst: &Instance) -> String {
    let fqdn = match &p.system.domain {
        Some(d) => format!("{}.{d} {}", inst.hostname, inst.hostname),
        None => inst.hostname.clone(),
    };
    let mut s = format!("127.0.0.1\tlocalhost\n127.0.1.1\t{fqdn}\n");
    s.push_str("::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
    s
}

/// `/etc/fstab`: the root image and every other mounted image, by label.
pub fn fstab(p: &VmProfile) -> String {
    let mut s = String::from("# written by vmcs spawn\n");
    let mut images: Vec<_> = p.storage.images.iter().collect();
    images.sort_by_key(|(_, i)| i.mount.as_deref().map(|m| m.len()).unwrap_or(usize::MAX));
    for (name, img) in images {
        match (img.mount.as_deref(), img.filesystem.as_str()) {
            (_, "swap") => s.push_str(&format!("LABEL={name}\tnone\tswap\tsw\t0\t0\n")),
            (Some(m), fs) if fs != "none" => {
                let pass = if m == "/" { 1 } else { 2 };
                s.push_str(&format!(
                    "LABEL={name}\t{m}\t{fs}\tdefaults,errors=remount-ro\t0\t{pass}\n"
                ));
            }
            _ => {}
        }
    }
    for sh in &p.storage.shared {
        let ro = if sh.readonly { ",ro" } else { "" };
        let tag = sh.target.trim_start_matches('/').replace('/', "_");
        s.push_str(&format!(
            "{tag}\t{}\t9p\ttrans=virtio,nofail{ro}\t0\t0\n",
            sh.target
        ));
    }
    s
}

/// `/etc/resolv.conf` from `/network/dns`.
pub fn resolv_conf(p: &VmProfile) -> String {
    let mut s = String::new();
    if !p.network.dns.search.is_empty() {
        s.push_str(&format!("search {}\n", p.network.dns.search.join(" ")));
    }
    for n in &p.network.dns.servers {
        s.push_str(&format!("nameserver {n}\n"));
    }
    s
}

/// Whether the guest uses ifupdown (`/etc/network/interfaces`) rather than systemd-networkd.
pub fn uses_ifupdown(p: &VmProfile) -> bool {
    crate::layers::package_names(p)
        .iter()
        .any(|n| n == "ifupdown")
}

/// The guest's network configuration files: (path inside the guest, contents).
pub fn network_files(p: &VmProfile, inst: &Instance) -> Vec<(String, String)> {
    if uses_ifupdown(p) {
        let mut s = String::from("# written by vmcs spawn\nauto lo\niface lo inet loopback\n");
        for (i, n) in p.network.interfaces.iter().enumerate() {
            match n.ipv4.method {
                AddrMethod::Dhcp => {
                    s.push_str(&format!("\nauto {0}\niface {0} inet dhcp\n", n.name))
                }
                AddrMethod::Static => {
                    let addr = inst.ipv4.get(i).cloned().flatten().unwrap_or_default();
                    s.push_str(&format!(
                        "\nauto {0}\niface {0} inet static\n    address {addr}/{1}\n",
                        n.name,
                        n.ipv4.prefix.unwrap_or(24)
                    ));
                    if let Some(g) = &n.ipv4.gateway {
                        s.push_str(&format!("    gateway {g}\n"));
                    }
                }
                AddrMethod::None => s.push_str(&format!("\niface {} inet manual\n", n.name)),
            }
        }
        return vec![("/etc/network/interfaces".into(), s)];
    }
    let mut files = Vec::new();
    for (i, n) in p.network.interfaces.iter().enumerate() {
        let mac = &inst.macs[i];
        let mut s = format!(
            "# written by vmcs spawn\n[Match]\nMACAddress={mac}\n\n[Link]\nName={}\n\n[Network]\n",
            n.name
        );
        match n.ipv4.method {
            AddrMethod::Dhcp => s.push_str("DHCP=ipv4\n"),
            AddrMethod::Static => {
                let addr = inst.ipv4.get(i).cloned().flatten().unwrap_or_default();
                s.push_str(&format!("Address={addr}/{}\n", n.ipv4.prefix.unwrap_or(24)));
                if let Some(g) = &n.ipv4.gateway {
                    s.push_str(&format!("Gateway={g}\n"));
                }
            }
            AddrMethod::None => s.push_str("LinkLocalAddressing=no\n"),
        }
        if let Some(v6) = &n.ipv6 {
            match (v6.method, &v6.address) {
                (AddrMethod::Static, Some(a)) => {
                    s.push_str(&format!("Address={a}/{}\n", v6.prefix.unwrap_or(64)))
                }
                (AddrMethod::Dhcp, _) => s.push_str("IPv6AcceptRA=yes\n"),
                _ => {}
            }
        }
        for d in &p.network.dns.servers {
            s.push_str(&format!("DNS={d}\n"));
        }
        files.push((
            format!("/etc/systemd/network/10-vmcs-{}.network", n.name),
            s,
        ));
    }
    files
}

/// `/boot/grub/grub.cfg` for pygrub (and the record of what a bootloader would load).
pub fn grub_cfg(p: &VmProfile, root_dev: &str) -> String {
    format!(
        "# written by vmcs spawn\nset default=0\nset timeout=0\nmenuentry 'Debian {suite} ({name})' {{\n    linux /vmlinuz root=/dev/{root_dev} ro {cmdline}\n    initrd /initrd.img\n}}\n",
        suite = p.system.os.suite,
        name = p.vm.name,
        cmdline = p.system.kernel.cmdline
    )
}

/// `/usr/sbin/policy-rc.d`: keep services from starting inside the chroot.
pub const POLICY_RC_D: &str =
    "#!/bin/sh\n# written by vmcs spawn: no service starts while the image is built\nexit 101\n";

/// `/etc/default/locale`.
pub fn locale(p: &VmProfile) -> String {
    format!("LANG={}\n", p.system.locale)
}
