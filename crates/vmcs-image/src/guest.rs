//! The contents of files written into the guest: `/etc/hosts`, `resolv.conf`, `fstab`,
//! systemd-networkd files, the units of `/system/units`, sshd settings, and the network
//! lines vmcs's initramfs applies. Pure functions of checked profile values; every value
//! that reaches a file has passed its typed check in `vmcs-model`.

use crate::Instance;
use vmcs_model::{AddrMethod, Filesystem, Restart, Unit, VmProfile};

/// The filesystem label of an image (ext4 allows 16 bytes, xfs 12): the name, or a prefix
/// and a hash when it is longer.
pub fn fs_label(name: &str, fs: Filesystem) -> String {
    let max = if fs == Filesystem::Xfs { 12 } else { 16 };
    if name.len() <= max {
        return name.to_string();
    }
    let h = crate::cache::key_of(&["label", name]);
    format!("{}{}", &name[..max - 5], &h[..5])
}

/// `/etc/hosts` of one instance: itself, then the hosts of its segment.
pub fn hosts(p: &VmProfile, inst: &Instance) -> String {
    let me = match &p.system.domain {
        Some(d) => format!("{}.{d} {}", inst.hostname, inst.hostname),
        None => inst.hostname.clone(),
    };
    // The VM's own name goes with its first static address (127.0.1.1 when it has none).
    let own = inst
        .ipv4
        .iter()
        .flatten()
        .next()
        .map(|a| a.to_string())
        .unwrap_or_else(|| "127.0.1.1".into());
    let mut s = format!("127.0.0.1\tlocalhost\n{own}\t{me}\n");
    for h in &p.network.hosts {
        if h.name.as_str() == p.vm.name.as_str() || h.name.as_str() == inst.hostname {
            continue;
        }
        match &p.system.domain {
            Some(d) if !h.name.contains('.') => {
                s.push_str(&format!("{}\t{}.{d} {}\n", h.address, h.name, h.name))
            }
            _ => s.push_str(&format!("{}\t{}\n", h.address, h.name)),
        }
    }
    s.push_str("::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
    s
}

/// `/etc/resolv.conf` from `/network/dns`.
pub fn resolv_conf(p: &VmProfile) -> String {
    let mut s = String::from("# written by vmcs spawn from /network/dns\n");
    if !p.network.dns.search.is_empty() {
        let names: Vec<&str> = p.network.dns.search.iter().map(|d| d.as_str()).collect();
        s.push_str(&format!("search {}\n", names.join(" ")));
    }
    for n in &p.network.dns.servers {
        s.push_str(&format!("nameserver {n}\n"));
    }
    s
}

/// `/etc/fstab`: data images by label and shared directories. The root filesystem is not
/// listed when vmcs's initramfs mounts it (direct boot), so systemd waits for no device.
pub fn fstab(p: &VmProfile, root_in_fstab: bool) -> String {
    let mut s = String::from("# written by vmcs spawn from /storage\n");
    let mut images: Vec<_> = p.storage.images.iter().collect();
    images.sort_by_key(|(_, i)| i.mount.as_ref().map(|m| m.len()).unwrap_or(usize::MAX));
    for (name, img) in images {
        let label = fs_label(name, img.filesystem);
        match (&img.mount, img.filesystem) {
            (_, Filesystem::Swap) => {
                s.push_str(&format!("LABEL={label}\tnone\tswap\tsw,nofail\t0\t0\n"))
            }
            (Some(m), fs) if fs != Filesystem::None => {
                let is_root = m.as_str() == "/";
                if is_root && !root_in_fstab {
                    continue;
                }
                // vmcs attaches every data image itself, so the mount is required (no
                // `nofail`): local-fs.target, and so every service, waits for it. A guest
                // under load (TCG, many VMs) can take long to see the device: with `nofail`
                // and a short timeout a service started on the root's copy of its data.
                let opts = match (fs, is_root) {
                    (Filesystem::Xfs, _) => "defaults,x-systemd.device-timeout=90s",
                    (_, true) => "defaults,errors=remount-ro",
                    (_, false) => "defaults,errors=remount-ro,x-systemd.device-timeout=90s",
                };
                let pass = if is_root { 1 } else { 2 };
                s.push_str(&format!(
                    "LABEL={label}\t{m}\t{}\t{opts}\t0\t{pass}\n",
                    fs.name()
                ));
            }
            _ => {}
        }
    }
    for sh in &p.storage.shared {
        let ro = if sh.readonly { ",ro" } else { "" };
        s.push_str(&format!(
            "{}\t{}\t9p\ttrans=virtio,version=9p2000.L,nofail{ro}\t0\t0\n",
            share_tag(&sh.target),
            sh.target
        ));
    }
    s
}

/// The 9p mount tag of a shared directory (at most 31 characters).
pub fn share_tag(target: &str) -> String {
    let t = target.trim_start_matches('/').replace('/', "_");
    let t = if t.is_empty() { "root".to_string() } else { t };
    if t.len() <= 31 {
        t
    } else {
        format!(
            "{}{}",
            &t[..20],
            &crate::cache::key_of(&["tag", target])[..11]
        )
    }
}

/// Whether the guest needs systemd-networkd: an interface gets its address from DHCP or
/// router advertisements, or the guest boots its own initramfs. Otherwise vmcs's initramfs
/// sets the static addresses and networkd is not started at all.
pub fn needs_networkd(p: &VmProfile) -> bool {
    p.system.kernel.boot != vmcs_model::BootMethod::Direct
        || p.network.interfaces.iter().any(|n| {
            n.ipv4.method == AddrMethod::Dhcp
                || n.ipv6
                    .as_ref()
                    .is_some_and(|v| v.method == AddrMethod::Dhcp)
        })
}

/// The network lines of one instance for vmcs's initramfs (`/vmcs/net.conf`):
/// `IFNAME MAC` names the interface with that MAC, then `addr`, `route` lines configure it.
pub fn net_conf(p: &VmProfile, inst: &Instance) -> String {
    let mut s = String::new();
    for (i, n) in p.network.interfaces.iter().enumerate() {
        s.push_str(&format!("link {} {}\n", n.name, inst.macs[i]));
        if let (AddrMethod::Static, Some(a)) = (n.ipv4.method, inst.ipv4[i]) {
            s.push_str(&format!(
                "addr {} {a}/{}\n",
                n.name,
                n.ipv4.prefix.unwrap_or(24)
            ));
            if let Some(g) = n.ipv4.gateway {
                s.push_str(&format!("route {} {g}\n", n.name));
            }
        }
        if let Some(v6) = &n.ipv6 {
            if let (AddrMethod::Static, Some(a)) = (v6.method, v6.address) {
                s.push_str(&format!(
                    "addr6 {} {a}/{}\n",
                    n.name,
                    v6.prefix.unwrap_or(64)
                ));
                if let Some(g) = v6.gateway {
                    s.push_str(&format!("route6 {} {g}\n", n.name));
                }
            }
        }
    }
    s
}

/// systemd-networkd files of one instance: a `.link` naming each interface by its MAC (so
/// names hold without vmcs's initramfs too) and a `.network` for each interface networkd
/// manages (DHCP or router advertisements; static addresses are already set and kept).
pub fn networkd_files(p: &VmProfile, inst: &Instance) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (i, n) in p.network.interfaces.iter().enumerate() {
        let mac = &inst.macs[i];
        files.push((
            format!("/etc/systemd/network/10-vmcs-{}.link", n.name),
            format!(
                "# written by vmcs spawn\n[Match]\nMACAddress={mac}\n\n[Link]\nName={}\n",
                n.name
            ),
        ));
        let mut s = format!(
            "# written by vmcs spawn\n[Match]\nMACAddress={mac}\nName={}\n\n[Network]\n",
            n.name
        );
        match (n.ipv4.method, inst.ipv4[i]) {
            (AddrMethod::Dhcp, _) => s.push_str("DHCP=ipv4\n"),
            (AddrMethod::Static, Some(a)) => {
                s.push_str(&format!("Address={a}/{}\n", n.ipv4.prefix.unwrap_or(24)));
                if let Some(g) = n.ipv4.gateway {
                    s.push_str(&format!("Gateway={g}\n"));
                }
            }
            _ => {}
        }
        match n
            .ipv6
            .as_ref()
            .map(|v| (v.method, v.address, v.prefix, v.gateway))
        {
            Some((AddrMethod::Static, Some(a), prefix, gw)) => {
                s.push_str(&format!("Address={a}/{}\n", prefix.unwrap_or(64)));
                if let Some(g) = gw {
                    s.push_str(&format!("Gateway={g}\n"));
                }
                s.push_str("IPv6AcceptRA=no\n");
            }
            Some((AddrMethod::Dhcp, ..)) => s.push_str("IPv6AcceptRA=yes\n"),
            _ => s.push_str("LinkLocalAddressing=ipv6\nIPv6AcceptRA=no\n"),
        }
        for d in &p.network.dns.servers {
            s.push_str(&format!("DNS={d}\n"));
        }
        s.push_str("\n[DHCPv4]\nUseDNS=no\n\n[Link]\nRequiredForOnline=yes\n");
        files.push((
            format!("/etc/systemd/network/10-vmcs-{}.network", n.name),
            s,
        ));
    }
    files
}

/// A value for a unit file line: systemd expands `%` specifiers, so `%` is doubled.
fn unit_value(v: &str) -> String {
    v.replace('%', "%%")
}

/// `/etc/systemd/system/NAME.service` for a unit of `/system/units`.
pub fn unit_file(name: &str, u: &Unit) -> String {
    let mut s = format!(
        "# written by vmcs spawn from /system/units/{name}\n[Unit]\nDescription={}\n",
        unit_value(&u.description)
    );
    for a in &u.after {
        s.push_str(&format!("After={a}\n"));
    }
    for w in &u.wants {
        s.push_str(&format!("Wants={w}\n"));
    }
    s.push_str("\n[Service]\nType=simple\n");
    s.push_str(&format!("ExecStart={}\n", unit_value(&u.exec_start)));
    if let Some(user) = &u.user {
        s.push_str(&format!("User={user}\n"));
    }
    if let Some(d) = &u.working_directory {
        s.push_str(&format!("WorkingDirectory={}\n", unit_value(d)));
    }
    for (k, v) in &u.environment {
        let v = unit_value(v).replace('\\', "\\\\").replace('"', "\\\"");
        s.push_str(&format!("Environment=\"{k}={v}\"\n"));
    }
    let restart = match u.restart {
        Restart::No => "no",
        Restart::OnFailure => "on-failure",
        Restart::Always => "always",
    };
    s.push_str(&format!(
        "Restart={restart}\n\n[Install]\nWantedBy=multi-user.target\n"
    ));
    s
}

/// `/etc/ssh/sshd_config.d/vmcs.conf`.
pub fn sshd_config(p: &VmProfile) -> String {
    let root = if p.system.root.password_login {
        "yes"
    } else {
        "prohibit-password"
    };
    // Only the host key vmcs gives each VM: sshd does not try (and log) the others at each
    // connection.
    format!("# written by vmcs spawn from /system/root\nPermitRootLogin {root}\nUseDNS no\nHostKey /etc/ssh/ssh_host_ed25519_key\n")
}

/// `/etc/systemd/system/ssh.service.d/vmcs.conf`: sshd starts early and once. Early: without
/// the default dependencies it does not wait for `sysinit.target` and `basic.target`
/// (journal flush, tmpfiles, D-Bus: about 2.5 s under TCG), only for the journal's socket
/// (its log) and the root file system's remount; the address is already up (the initramfs
/// sets it) and systemd makes `/run/sshd` itself; it still stops at shutdown. Once: without
/// Debian's `sshd -t` first (a second sshd start-up, seconds under TCG); a bad configuration
/// still fails the service, since `sshd -D` checks it too.
pub const SSHD_DROPIN: &str = "# written by vmcs spawn: sshd starts early (no default dependencies) and once (no `sshd -t` first)\n\
[Unit]\n\
DefaultDependencies=no\n\
After=systemd-journald.socket systemd-remount-fs.service\n\
Before=shutdown.target\n\
Conflicts=shutdown.target\n\
[Service]\n\
ExecStartPre=\n";

/// `/etc/default/locale`.
pub fn locale(p: &VmProfile) -> String {
    format!("LANG={}\n", p.system.locale)
}

/// Units a lean guest does without: console gettys (the serial getty stays), periodic
/// maintenance timers and services a VM rebuilt from its profile does not need at boot.
pub const LEAN_DISABLE: &[&str] = &[
    "getty@tty1.service",
    "e2scrub_reap.service",
    "e2scrub_all.timer",
    "apt-daily.timer",
    "apt-daily-upgrade.timer",
    "dpkg-db-backup.timer",
    "fstrim.timer",
    "man-db.timer",
    "logrotate.timer",
    "systemd-pstore.service",
    "remote-fs.target",
];

/// Units masked in a lean guest (they only slow a virtual machine's boot down): the first
/// stays when networkd runs; then console and keyboard set-up (a VM has a serial console),
/// the getty of the first virtual terminal (no display: only the serial getty is used,
/// though `getty.target` starts tty1's even when disabled), the kernel's debug, tracing,
/// configfs, FUSE-control and huge-page file systems, binfmt_misc, the modules systemd loads
/// ahead of need (the kernel loads them on first use) and the device nodes it makes for
/// modules not loaded yet, the boot and run-level records in utmp, and the creation of
/// system users at boot (packages created theirs when the image was built).
pub const LEAN_MASK: &[&str] = &[
    "systemd-networkd-wait-online.service",
    "keyboard-setup.service",
    "console-setup.service",
    "setvtrgb.service",
    "getty@tty1.service",
    "sys-kernel-debug.mount",
    "sys-kernel-tracing.mount",
    "sys-kernel-config.mount",
    "sys-fs-fuse-connections.mount",
    "dev-hugepages.mount",
    "proc-sys-fs-binfmt_misc.automount",
    "systemd-binfmt.service",
    "modprobe@configfs.service",
    "modprobe@dm_mod.service",
    "modprobe@drm.service",
    "modprobe@fuse.service",
    "modprobe@loop.service",
    "systemd-update-utmp-runlevel.service",
    "systemd-update-utmp.service",
    "systemd-sysusers.service",
    "kmod-static-nodes.service",
];

/// systemd generators a vmcs guest does not need (masked by a link to /dev/null in
/// `/etc/systemd/system-generators`): no GPT auto-mounts, hibernation, boot counting,
/// dm-verity, dm-integrity, LUKS or offline updates; each is a program run at every boot.
pub const LEAN_GENERATORS: &[&str] = &[
    "systemd-gpt-auto-generator",
    "systemd-hibernate-resume-generator",
    "systemd-bless-boot-generator",
    "systemd-veritysetup-generator",
    "systemd-integritysetup-generator",
    "systemd-cryptsetup-generator",
    "systemd-system-update-generator",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sshd_uses_only_the_vms_own_host_key_and_starts_once() {
        // An empty ExecStartPre= resets the list: Debian's `sshd -t` is gone, nothing else;
        // no default dependencies, but still ordered after the journal's socket and the
        // root's remount, and stopped at shutdown.
        let lines: Vec<&str> = SSHD_DROPIN
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        assert_eq!(
            lines,
            [
                "[Unit]",
                "DefaultDependencies=no",
                "After=systemd-journald.socket systemd-remount-fs.service",
                "Before=shutdown.target",
                "Conflicts=shutdown.target",
                "[Service]",
                "ExecStartPre="
            ]
        );
    }

    #[test]
    fn the_lean_boot_keeps_what_the_guest_needs() {
        // Masked: never the units a vmcs guest relies on (udev for its devices and the serial
        // getty, logind and dbus for the power button, the journal, the seed, networkd).
        for keep in [
            "systemd-udevd.service",
            "systemd-udev-trigger.service",
            "serial-getty@ttyS0.service",
            "systemd-logind.service",
            "dbus.service",
            "systemd-journald.service",
            "systemd-user-sessions.service",
            "systemd-networkd.service",
            "vmcs-seed.service",
            "ssh.service",
        ] {
            assert!(!LEAN_MASK.contains(&keep), "{keep} is masked");
            assert!(!LEAN_DISABLE.contains(&keep), "{keep} is disabled");
        }
        // networkd's wait-online comes first: it stays when networkd runs.
        assert_eq!(LEAN_MASK[0], "systemd-networkd-wait-online.service");
        assert!(LEAN_MASK.contains(&"getty@tty1.service"));
        // The generators that read the fstab and make the serial getty stay.
        for g in [
            "systemd-fstab-generator",
            "systemd-getty-generator",
            "systemd-sysv-generator",
        ] {
            assert!(!LEAN_GENERATORS.contains(&g), "{g}");
        }
    }

    #[test]
    fn labels_fit() {
        assert_eq!(fs_label("root", Filesystem::Ext4), "root");
        let l = fs_label("a-very-long-image-name", Filesystem::Xfs);
        assert_eq!(l.len(), 12);
        assert_ne!(l, fs_label("a-very-long-image-other", Filesystem::Xfs));
    }
}
