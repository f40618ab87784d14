//! Checks for profile values that reach command lines or files on the host (names, paths, URLs).
//!
//! The spawn stages never pass profile values through a shell, but values still become
//! argv entries, file names and config lines, so each one is checked against a strict
//! pattern first. [`VmProfile::validate`] runs every check and names the failing path.

use crate::{AddrMethod, ModelError, VmProfile};

type Check = fn(&str) -> Result<(), String>;

fn all(s: &str, ok: impl Fn(char) -> bool) -> bool {
    s.chars().all(ok)
}

/// A VM / domain name: `[a-z0-9][a-z0-9-]*`, at most 63 characters.
pub fn vm_name(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.len() > 63
        || s.starts_with('-')
        || !all(s, |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
        })
    {
        return Err(format!(
            "`{s}` is not a VM name (`[a-z0-9][a-z0-9-]*`, at most 63 characters)"
        ));
    }
    Ok(())
}

/// A host name label (RFC 1123), or a dotted domain when `dots` is allowed.
pub fn hostname(s: &str) -> Result<(), String> {
    let ok = !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && all(l, |c| c.is_ascii_alphanumeric() || c == '-')
        });
    if ok {
        Ok(())
    } else {
        Err(format!("`{s}` is not a valid host name"))
    }
}

/// A Linux interface name (bridge, tap): at most 15 characters of `[A-Za-z0-9_.-]`.
pub fn ifname(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.len() > 15
        || s.starts_with('-')
        || !all(s, |c| c.is_ascii_alphanumeric() || "_.-".contains(c))
    {
        return Err(format!(
            "`{s}` is not an interface name (at most 15 of `[A-Za-z0-9_.-]`)"
        ));
    }
    Ok(())
}

/// An absolute host path without `..`, control characters, commas, quotes or `=`
/// (it is embedded in xl and qemu option strings).
pub fn abs_path(s: &str) -> Result<(), String> {
    if !s.starts_with('/')
        || s.split('/').any(|c| c == "..")
        || s.chars().any(|c| c.is_control() || ",'\"=\\".contains(c))
    {
        return Err(format!("`{s}` is not a plain absolute path"));
    }
    Ok(())
}

/// A Debian mirror URL: `http://` or `https://` followed by URL-safe characters.
pub fn mirror_url(s: &str) -> Result<(), String> {
    let rest = s
        .strip_prefix("http://")
        .or_else(|| s.strip_prefix("https://"));
    match rest {
        Some(r)
            if !r.is_empty()
                && all(r, |c| {
                    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&()*+;%=".contains(c)
                })
                && !r.contains(',') =>
        {
            Ok(())
        }
        _ => Err(format!("`{s}` is not an http(s) mirror URL")),
    }
}

/// A Debian package name (policy 5.6.1).
pub fn package_name(s: &str) -> Result<(), String> {
    let mut cs = s.chars();
    let first_ok = cs
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if s.len() < 2
        || !first_ok
        || !all(s, |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || "+-.".contains(c)
        })
    {
        return Err(format!("`{s}` is not a Debian package name"));
    }
    Ok(())
}

/// A Debian version string (policy 5.6.12).
pub fn package_version(s: &str) -> Result<(), String> {
    if s.is_empty()
        || !s.starts_with(|c: char| c.is_ascii_digit())
        || !all(s, |c| c.is_ascii_alphanumeric() || ".+~:-".contains(c))
    {
        return Err(format!("`{s}` is not a Debian version"));
    }
    Ok(())
}

/// A word: suite, variant, locale, timezone, user or group name, device name.
pub fn word(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.starts_with('-') && s != "-"
        || !all(s, |c| c.is_ascii_alphanumeric() || "_.+-@/".contains(c))
        || s.contains("..")
    {
        return Err(format!("`{s}` contains characters not allowed here"));
    }
    Ok(())
}

/// A unicast MAC address `aa:bb:cc:dd:ee:ff`.
pub fn mac(s: &str) -> Result<(), String> {
    let parts: Vec<&str> = s.split(':').collect();
    let hex = parts.len() == 6
        && parts
            .iter()
            .all(|p| p.len() == 2 && all(p, |c| c.is_ascii_hexdigit()));
    let unicast = hex && u8::from_str_radix(parts[0], 16).is_ok_and(|b| b & 1 == 0);
    if unicast {
        Ok(())
    } else {
        Err(format!("`{s}` is not a unicast MAC address"))
    }
}

/// A dotted-quad IPv4 address.
pub fn ipv4(s: &str) -> Result<(), String> {
    s.parse::<std::net::Ipv4Addr>()
        .map(|_| ())
        .map_err(|_| format!("`{s}` is not an IPv4 address"))
}

/// A single line without control characters (kernel command line, descriptions).
pub fn line(s: &str) -> Result<(), String> {
    if s.chars().any(|c| c.is_control()) || s.contains('\'') || s.contains('"') {
        return Err("must be one line without quotes".to_string());
    }
    Ok(())
}

impl VmProfile {
    /// Check every value that reaches a command line, file name or config file.
    pub fn validate(&self) -> Result<(), ModelError> {
        let mut checks: Vec<(String, &str, Check)> = vec![
            ("/vm/name".into(), &self.vm.name, vm_name),
            ("/system/hostname".into(), &self.system.hostname, hostname),
            ("/system/os/suite".into(), &self.system.os.suite, word),
            ("/system/os/variant".into(), &self.system.os.variant, word),
            (
                "/system/os/mirror".into(),
                &self.system.os.mirror,
                mirror_url,
            ),
            (
                "/system/kernel/package".into(),
                &self.system.kernel.package,
                package_name,
            ),
            (
                "/system/kernel/cmdline".into(),
                &self.system.kernel.cmdline,
                line,
            ),
            ("/system/locale".into(), &self.system.locale, word),
            ("/system/timezone".into(), &self.system.timezone, word),
        ];
        if let Some(d) = &self.system.domain {
            checks.push(("/system/domain".into(), d, hostname));
        }
        for (i, u) in self.system.users.iter().enumerate() {
            checks.push((format!("/system/users/{i}/name"), &u.name, word));
            checks.push((format!("/system/users/{i}/shell"), &u.shell, abs_path));
            for (j, g) in u.groups.iter().enumerate() {
                checks.push((format!("/system/users/{i}/groups/{j}"), g, word));
            }
            for (j, k) in u.ssh_keys.iter().enumerate() {
                checks.push((format!("/system/users/{i}/ssh_keys/{j}"), k, line));
            }
        }
        for (i, s) in self.system.services.iter().enumerate() {
            checks.push((format!("/system/services/{i}"), s, word));
        }
        for (i, d) in self.hardware.disks.iter().enumerate() {
            checks.push((format!("/hardware/disks/{i}/device"), &d.device, word));
            checks.push((format!("/hardware/disks/{i}/image"), &d.image, word));
        }
        for (i, c) in self.hardware.cdroms.iter().enumerate() {
            checks.push((format!("/hardware/cdroms/{i}/device"), &c.device, word));
            checks.push((format!("/hardware/cdroms/{i}/iso"), &c.iso, abs_path));
        }
        for (i, n) in self.network.interfaces.iter().enumerate() {
            checks.push((format!("/network/interfaces/{i}/name"), &n.name, ifname));
            checks.push((format!("/network/interfaces/{i}/bridge"), &n.bridge, ifname));
            checks.push((format!("/network/interfaces/{i}/mac"), &n.mac, mac));
            for (k, v) in [("address", &n.ipv4.address), ("gateway", &n.ipv4.gateway)] {
                if let Some(v) = v {
                    checks.push((format!("/network/interfaces/{i}/ipv4/{k}"), v, ipv4));
                }
            }
            if n.ipv4.method == AddrMethod::Static && n.ipv4.address.is_none() {
                return Err(ModelError::Schema {
                    path: format!("/network/interfaces/{i}/ipv4/address"),
                    message: "a static interface needs an address".into(),
                });
            }
        }
        for (i, s) in self.network.dns.servers.iter().enumerate() {
            checks.push((format!("/network/dns/servers/{i}"), s, line));
        }
        for (name, img) in &self.storage.images {
            checks.push((format!("/storage/images/{name}"), name, word));
            checks.push((
                format!("/storage/images/{name}/filesystem"),
                &img.filesystem,
                word,
            ));
        }
        for (i, p) in self.software.resolved.iter().enumerate() {
            checks.push((
                format!("/software/resolved/{i}/name"),
                &p.name,
                package_name,
            ));
            checks.push((
                format!("/software/resolved/{i}/version"),
                &p.version,
                package_version,
            ));
        }
        for name in self.software.packages.keys() {
            checks.push((format!("/software/packages/{name}"), name, package_name));
        }
        for (name, k) in &self.software.knowledge {
            checks.push((format!("/software/knowledge/{name}"), name, package_name));
            if let Some(loc) = &k.location {
                let f: Check = if k.source == crate::Source::Dir {
                    abs_path
                } else {
                    word
                };
                checks.push((format!("/software/knowledge/{name}/location"), loc, f));
            }
        }
        for (path, value, check) in checks {
            check(value).map_err(|message| ModelError::Schema { path, message })?;
        }
        if self.hardware.maxmem < self.hardware.memory {
            return Err(ModelError::Schema {
                path: "/hardware/maxmem".into(),
                message: "maxmem is below memory".into(),
            });
        }
        for (i, d) in self.hardware.disks.iter().enumerate() {
            if !self.storage.images.contains_key(&d.image) {
                return Err(ModelError::Schema {
                    path: format!("/hardware/disks/{i}/image"),
                    message: format!("no image `{}` in `/storage/images`", d.image),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_rejects() {
        assert!(vm_name("web-1").is_ok());
        assert!(vm_name("Web").is_err());
        assert!(vm_name("a;rm -rf").is_err());
        assert!(hostname("www.example.org").is_ok());
        assert!(hostname("-x").is_err());
        assert!(ifname("br-vmcs0").is_ok());
        assert!(ifname("a-very-long-bridge-name").is_err());
        assert!(abs_path("/srv/iso/debian.iso").is_ok());
        assert!(abs_path("/srv/../etc/passwd").is_err());
        assert!(abs_path("relative").is_err());
        assert!(mirror_url("http://deb.debian.org/debian").is_ok());
        assert!(mirror_url("file:///etc").is_err());
        assert!(mirror_url("http://x y").is_err());
        assert!(package_name("nginx-light").is_ok());
        assert!(package_name("-oAPT::x").is_err());
        assert!(package_version("1.22.1-9+deb12u1").is_ok());
        assert!(package_version("1 2").is_err());
        assert!(mac("52:54:00:12:34:56").is_ok());
        assert!(mac("01:00:00:00:00:00").is_err());
        assert!(ipv4("10.0.0.1").is_ok());
        assert!(ipv4("10.0.0").is_err());
    }
}
