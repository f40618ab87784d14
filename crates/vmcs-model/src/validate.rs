//! Checks across fields of a profile, after every value has passed its own typed check
//! ([`crate::checked`]): references between parts, uniqueness, sizes, and the list of things
//! a profile asks of the host (so an untrusted profile can be refused before anything runs).

use crate::{AddrMethod, Filesystem, ModelError, Source, VmProfile};
use std::collections::BTreeSet;

/// Largest file of `/system/files`.
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// Largest total of `/system/files`.
pub const MAX_FILES_BYTES: usize = 16 << 20;

fn fail(path: impl Into<String>, message: impl Into<String>) -> ModelError {
    ModelError::Schema {
        path: path.into(),
        message: message.into(),
    }
}

impl VmProfile {
    /// Check what no single value can check alone. Every value already passed its typed
    /// check when the profile was read.
    pub fn validate(&self) -> Result<(), ModelError> {
        let hw = &self.hardware;
        if hw.maxmem < hw.memory {
            return Err(fail("/hardware/maxmem", "maxmem is below memory"));
        }
        let mut devices = BTreeSet::new();
        for (i, d) in hw.disks.iter().enumerate() {
            if !self.storage.images.contains_key(&d.image) {
                return Err(fail(
                    format!("/hardware/disks/{i}/image"),
                    format!("no image `{}` in `/storage/images`", d.image),
                ));
            }
            if !devices.insert(d.device.as_str()) {
                return Err(fail(
                    format!("/hardware/disks/{i}/device"),
                    format!("device `{}` is used twice", d.device),
                ));
            }
        }
        for (i, c) in hw.cdroms.iter().enumerate() {
            if !devices.insert(c.device.as_str()) {
                return Err(fail(
                    format!("/hardware/cdroms/{i}/device"),
                    format!("device `{}` is used twice", c.device),
                ));
            }
        }
        let roots: Vec<_> = self
            .storage
            .images
            .iter()
            .filter(|(_, i)| i.mount.as_ref().is_some_and(|m| m.as_str() == "/"))
            .collect();
        match roots.as_slice() {
            [] => return Err(fail("/storage/images", "no image is mounted at `/`")),
            [(name, img)] => {
                if !hw.disks.iter().any(|d| &d.image == *name) {
                    return Err(fail(
                        "/hardware/disks",
                        format!("the root image `{name}` is not attached to any disk"),
                    ));
                }
                if !matches!(
                    img.filesystem,
                    Filesystem::Ext4 | Filesystem::Ext3 | Filesystem::Ext2
                ) {
                    return Err(fail(
                        format!("/storage/images/{name}/filesystem"),
                        "the root image must be ext2/3/4 (it is built with `mkfs.ext4 -d`)",
                    ));
                }
            }
            _ => {
                return Err(fail(
                    "/storage/images",
                    "more than one image is mounted at `/`",
                ))
            }
        }
        let mut mounts = BTreeSet::new();
        for (name, img) in &self.storage.images {
            if let Some(m) = &img.mount {
                if matches!(img.filesystem, Filesystem::Swap | Filesystem::None) {
                    return Err(fail(
                        format!("/storage/images/{name}/mount"),
                        format!("a `{}` image cannot be mounted", img.filesystem.name()),
                    ));
                }
                if !mounts.insert(m.as_str()) {
                    return Err(fail(
                        format!("/storage/images/{name}/mount"),
                        format!("`{m}` is mounted twice"),
                    ));
                }
            }
        }
        let mut names = BTreeSet::new();
        let mut macs = BTreeSet::new();
        for (i, n) in self.network.interfaces.iter().enumerate() {
            let at = |k: &str| format!("/network/interfaces/{i}/{k}");
            if !names.insert(n.name.as_str()) {
                return Err(fail(at("name"), format!("interface `{}` twice", n.name)));
            }
            if !macs.insert(n.mac.to_lowercase()) {
                return Err(fail(at("mac"), format!("MAC `{}` used twice", n.mac)));
            }
            if n.ipv4.prefix.is_some_and(|p| p > 32) {
                return Err(fail(at("ipv4/prefix"), "an IPv4 prefix is at most 32"));
            }
            if n.ipv4.method == AddrMethod::Static {
                let Some(a) = n.ipv4.address else {
                    return Err(fail(
                        at("ipv4/address"),
                        "a static interface needs an address",
                    ));
                };
                if let Some(g) = n.ipv4.gateway {
                    let net = crate::net::Ipv4Net::new(a, n.ipv4.prefix.unwrap_or(24));
                    if !net.contains(g) || g == a {
                        return Err(fail(
                            at("ipv4/gateway"),
                            format!(
                                "gateway {g} is not another address of {}/{}",
                                net.network(),
                                net.prefix
                            ),
                        ));
                    }
                }
            }
            if let Some(v6) = &n.ipv6 {
                if v6.prefix.is_some_and(|p| p > 128) {
                    return Err(fail(at("ipv6/prefix"), "an IPv6 prefix is at most 128"));
                }
                if v6.method == AddrMethod::Static && v6.address.is_none() {
                    return Err(fail(
                        at("ipv6/address"),
                        "a static interface needs an address",
                    ));
                }
            }
        }
        let mut users = BTreeSet::new();
        for (i, u) in self.system.users.iter().enumerate() {
            if u.name.as_str() == "root" || !users.insert(u.name.as_str()) {
                return Err(fail(
                    format!("/system/users/{i}/name"),
                    format!("user `{}` is defined twice (or is root)", u.name),
                ));
            }
        }
        let mut total = 0;
        for (i, f) in self.system.files.iter().enumerate() {
            total += f.contents.len();
            if f.contents.len() > MAX_FILE_BYTES || total > MAX_FILES_BYTES {
                return Err(fail(
                    format!("/system/files/{i}/contents"),
                    format!(
                        "files are limited to {} KiB each and {} MiB in all",
                        MAX_FILE_BYTES >> 10,
                        MAX_FILES_BYTES >> 20
                    ),
                ));
            }
            if f.path.as_str() == "/" {
                return Err(fail(format!("/system/files/{i}/path"), "`/` is not a file"));
            }
        }
        for (name, k) in &self.software.knowledge {
            if let (Source::Dir, Some(loc)) = (k.source, &k.location) {
                crate::checked::check_host_path(loc)
                    .map_err(|m| fail(format!("/software/knowledge/{name}/location"), m))?;
            }
        }
        Ok(())
    }

    /// What the profile asks of the build host beyond building a guest from Debian packages:
    /// commands run as root in the guest's chroot, host directories copied into the image or
    /// shared with the guest, host ISO files attached. Each entry is (profile path, what).
    /// Spawning refuses these unless the profile is trusted.
    pub fn host_access(&self) -> Vec<(String, String)> {
        let mut v = Vec::new();
        for (name, k) in &self.software.knowledge {
            if let Some(cmd) = &k.install {
                v.push((
                    format!("/software/knowledge/{name}/install"),
                    format!("runs `{cmd}` as root in the guest's tree on the build host"),
                ));
            }
            if let (Source::Dir, Some(loc)) = (k.source, &k.location) {
                v.push((
                    format!("/software/knowledge/{name}/location"),
                    format!("copies the host directory `{loc}` into the image"),
                ));
            }
        }
        for (i, c) in self.hardware.cdroms.iter().enumerate() {
            v.push((
                format!("/hardware/cdroms/{i}/iso"),
                format!("attaches the host file `{}`", c.iso),
            ));
        }
        for (i, s) in self.storage.shared.iter().enumerate() {
            v.push((
                format!("/storage/shared/{i}/source"),
                format!("shares the host directory `{}` with the guest", s.source),
            ));
        }
        v
    }
}
