//! Checked newtypes: one per kind of profile value that reaches a host path, a guest file, a
//! command line or a hypervisor config. Each is validated when it is deserialized, so a bad
//! value fails with its profile path whichever format (JSON or pan XML) it came in.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Component, Path, PathBuf};

fn all(s: &str, ok: impl Fn(char) -> bool) -> bool {
    s.chars().all(ok)
}

fn shown(s: &str) -> String {
    let mut v: String = s.chars().take(80).collect();
    if s.chars().count() > 80 {
        v.push('…');
    }
    format!("`{}`", v.escape_debug())
}

/// Declare a string newtype checked by `$check` on the way in.
macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Check and wrap a value.
            pub fn new(s: impl Into<String>) -> Result<$name, String> {
                let s = s.into();
                $check(&s)?;
                Ok($name(s))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<$name, String> {
                $name::new(s)
            }
        }
        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl PartialEq<str> for $name {
            fn eq(&self, o: &str) -> bool {
                self.0 == o
            }
        }
        impl PartialEq<&str> for $name {
            fn eq(&self, o: &&str) -> bool {
                self.0 == *o
            }
        }
    };
}

/// Declare an integer newtype with an inclusive range.
macro_rules! checked_int {
    ($(#[$doc:meta])* $name:ident, $t:ty, $lo:expr, $hi:expr, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "i64", into = "i64")]
        pub struct $name($t);

        impl $name {
            pub const MIN: $t = $lo;
            pub const MAX: $t = $hi;
            pub fn new(v: i64) -> Result<$name, String> {
                if v < $lo as i64 || v > $hi as i64 {
                    return Err(format!(
                        "{v} is not a valid {} ({} to {})",
                        $what, $lo, $hi
                    ));
                }
                Ok($name(v as $t))
            }
            pub fn get(self) -> $t {
                self.0
            }
        }
        impl TryFrom<i64> for $name {
            type Error = String;
            fn try_from(v: i64) -> Result<$name, String> {
                $name::new(v)
            }
        }
        impl From<$name> for i64 {
            fn from(v: $name) -> i64 {
                v.0 as i64
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

/// `[a-z0-9][a-z0-9-]*`, at most 63 characters: a VM (domain) name.
pub fn check_vm_name(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.len() > 63
        || s.starts_with('-')
        || !all(s, |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
        })
    {
        return Err(format!(
            "{} is not a VM name (`[a-z0-9][a-z0-9-]*`, at most 63 characters)",
            shown(s)
        ));
    }
    Ok(())
}

fn label_ok(l: &str) -> bool {
    !l.is_empty()
        && l.len() <= 63
        && !l.starts_with('-')
        && !l.ends_with('-')
        && all(l, |c| c.is_ascii_alphanumeric() || c == '-')
}

/// A host name: RFC 1123 labels separated by dots, at most 253 characters.
pub fn check_host_name(s: &str) -> Result<(), String> {
    if s.len() <= 253 && s.split('.').all(label_ok) {
        Ok(())
    } else {
        Err(format!(
            "{} is not a host name (RFC 1123 labels of letters, digits and `-`)",
            shown(s)
        ))
    }
}

/// A DNS domain (search domain, `/system/domain`): like a host name, lower case.
pub fn check_dns_name(s: &str) -> Result<(), String> {
    check_host_name(s)
        .map_err(|_| format!("{} is not a DNS domain name", shown(s)))
        .and_then(|_| {
            if s.chars().any(|c| c.is_ascii_uppercase()) {
                Err(format!(
                    "{} is not a DNS domain name (lower case)",
                    shown(s)
                ))
            } else {
                Ok(())
            }
        })
}

/// A login or group name: `[a-z_][a-z0-9_-]{0,31}` (Debian's default NAME_REGEX).
pub fn check_user_name(s: &str) -> Result<(), String> {
    let first = s.chars().next();
    if s.len() > 32
        || !first.is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        || !all(s, |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-'
        })
    {
        return Err(format!(
            "{} is not a user name (`[a-z_][a-z0-9_-]{{0,31}}`)",
            shown(s)
        ));
    }
    Ok(())
}

/// A Linux network interface name (bridge, tap, guest NIC): at most 15 of `[A-Za-z0-9_.-]`,
/// starting with a letter or digit.
pub fn check_if_name(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.len() > 15
        || !s.starts_with(|c: char| c.is_ascii_alphanumeric())
        || !all(s, |c| c.is_ascii_alphanumeric() || "_.-".contains(c))
    {
        return Err(format!(
            "{} is not an interface name (at most 15 of `[A-Za-z0-9_.-]`, starting with a letter or digit)",
            shown(s)
        ));
    }
    Ok(())
}

/// A unicast MAC address `aa:bb:cc:dd:ee:ff`.
pub fn check_mac(s: &str) -> Result<(), String> {
    let parts: Vec<&str> = s.split(':').collect();
    let hex = parts.len() == 6
        && parts
            .iter()
            .all(|p| p.len() == 2 && all(p, |c| c.is_ascii_hexdigit()));
    if hex && u8::from_str_radix(parts[0], 16).is_ok_and(|b| b & 1 == 0) {
        Ok(())
    } else {
        Err(format!("{} is not a unicast MAC address", shown(s)))
    }
}

/// A path inside the guest: absolute, normalised (no `.`, `..` or empty components), no
/// control characters, at most 1024 bytes.
pub fn check_guest_path(s: &str) -> Result<(), String> {
    let bad = !s.starts_with('/')
        || s.len() > 1024
        || (s.len() > 1 && s.ends_with('/'))
        || s.chars().any(|c| c.is_control())
        || s[1..]
            .split('/')
            .any(|c| s != "/" && (c.is_empty() || c == "." || c == ".."));
    if bad {
        return Err(format!(
            "{} is not a plain absolute path inside the guest (no `.`, `..`, `//` or control characters)",
            shown(s)
        ));
    }
    Ok(())
}

/// A path on the host that ends up inside hypervisor option strings (`xl` disk specs,
/// QEMU `-drive`): absolute, normalised, without `,` `'` `"` `=` `\` `:` or control characters.
pub fn check_host_path(s: &str) -> Result<(), String> {
    check_guest_path(s).map_err(|_| format!("{} is not a plain absolute host path", shown(s)))?;
    if s.chars().any(|c| ",'\"=\\:".contains(c)) {
        return Err(format!(
            "{} is not a plain absolute host path (no `,` `'` `\"` `=` `\\` `:`)",
            shown(s)
        ));
    }
    Ok(())
}

/// A guest block device name as the profile writes it: `xvda`, `vdb`, `sda`, `hdc`.
pub fn check_device(s: &str) -> Result<(), String> {
    let rest = ["xvd", "vd", "sd", "hd"]
        .iter()
        .find_map(|p| s.strip_prefix(p));
    match rest {
        Some(r) if (1..=2).contains(&r.len()) && all(r, |c| c.is_ascii_lowercase()) => Ok(()),
        _ => Err(format!(
            "{} is not a guest disk device (`xvda`, `vdb`, `sda`, `hdc`: a name, not a path)",
            shown(s)
        )),
    }
}

/// A time zone name as in `/usr/share/zoneinfo`: `UTC`, `Europe/Paris`.
pub fn check_timezone(s: &str) -> Result<(), String> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.split('/').all(|p| {
            !p.is_empty()
                && p != "."
                && p != ".."
                && p.starts_with(|c: char| c.is_ascii_alphanumeric())
                && all(p, |c| c.is_ascii_alphanumeric() || "_+-".contains(c))
        });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{} is not a time zone name (`Area/City`)",
            shown(s)
        ))
    }
}

/// A locale name: `C.UTF-8`, `en_US.UTF-8`, `de_DE@euro`.
pub fn check_locale(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.len() > 64
        || !s.starts_with(|c: char| c.is_ascii_alphabetic())
        || !all(s, |c| c.is_ascii_alphanumeric() || "_.@-".contains(c))
    {
        return Err(format!("{} is not a locale name", shown(s)));
    }
    Ok(())
}

/// A Debian package name (policy 5.6.1).
pub fn check_package_name(s: &str) -> Result<(), String> {
    if s.len() < 2
        || s.len() > 128
        || !s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        || !all(s, |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || "+-.".contains(c)
        })
    {
        return Err(format!("{} is not a Debian package name", shown(s)));
    }
    Ok(())
}

/// A Debian version (policy 5.6.12).
pub fn check_package_version(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.len() > 128
        || !s.starts_with(|c: char| c.is_ascii_digit())
        || !all(s, |c| c.is_ascii_alphanumeric() || ".+~:-".contains(c))
    {
        return Err(format!("{} is not a Debian version", shown(s)));
    }
    Ok(())
}

/// A systemd unit name without its type suffix: `nginx`, `getty@ttyS0`, `app`.
pub fn check_unit_name(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.len() > 200
        || !s.starts_with(|c: char| c.is_ascii_alphanumeric())
        || !all(s, |c| c.is_ascii_alphanumeric() || "@_.:-".contains(c))
    {
        return Err(format!("{} is not a systemd unit name", shown(s)));
    }
    Ok(())
}

/// A short word: distribution suite, debootstrap variant, archive component, image name.
pub fn check_word(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.len() > 64
        || !(s == "-" || s.starts_with(|c: char| c.is_ascii_alphanumeric()))
        || !all(s, |c| c.is_ascii_alphanumeric() || "_.+-".contains(c))
    {
        return Err(format!(
            "{} is not a plain word (letters, digits, `_.+-`)",
            shown(s)
        ));
    }
    Ok(())
}

/// An `http://` or `https://` URL of a Debian archive.
pub fn check_mirror_url(s: &str) -> Result<(), String> {
    let rest = s
        .strip_prefix("http://")
        .or_else(|| s.strip_prefix("https://"));
    match rest {
        Some(r)
            if !r.is_empty()
                && s.len() <= 512
                && !r.starts_with('/')
                && all(r, |c| c.is_ascii_alphanumeric() || "-._~:/@%+".contains(c)) =>
        {
            Ok(())
        }
        _ => Err(format!(
            "{} is not an http(s) archive URL (letters, digits and `-._~:/@%+` only)",
            shown(s)
        )),
    }
}

/// One line of text: no control characters, at most 4096 characters.
pub fn check_line(s: &str) -> Result<(), String> {
    if s.len() > 4096 || s.chars().any(|c| c.is_control()) {
        return Err(format!(
            "{} must be one line without control characters (at most 4096 bytes)",
            shown(s)
        ));
    }
    Ok(())
}

/// An OpenSSH public key line: `TYPE BASE64 [COMMENT]`, no options.
pub fn check_ssh_key(s: &str) -> Result<(), String> {
    check_line(s)?;
    let mut it = s.splitn(3, ' ');
    let ty = it.next().unwrap_or("");
    let blob = it.next().unwrap_or("");
    let known = matches!(
        ty,
        "ssh-ed25519"
            | "ssh-rsa"
            | "ssh-dss"
            | "ecdsa-sha2-nistp256"
            | "ecdsa-sha2-nistp384"
            | "ecdsa-sha2-nistp521"
            | "sk-ssh-ed25519@openssh.com"
            | "sk-ecdsa-sha2-nistp256@openssh.com"
    );
    if !known || blob.is_empty() || !all(blob, |c| c.is_ascii_alphanumeric() || "+/=".contains(c)) {
        return Err(format!(
            "{} is not an SSH public key (`ssh-ed25519 AAAA… comment`, no options)",
            shown(s)
        ));
    }
    Ok(())
}

/// A crypt(3) hash: `$id$…` with the characters crypt uses.
pub fn check_password_hash(s: &str) -> Result<(), String> {
    let ok = s.len() <= 512
        && s.starts_with('$')
        && s[1..].contains('$')
        && all(s, |c| c.is_ascii_alphanumeric() || "$./=,-".contains(c));
    if ok {
        Ok(())
    } else {
        Err("the password hash is not a crypt(3) hash (`$id$salt$hash`)".into())
    }
}

/// The user's part of a kernel command line: space-separated plain tokens. The backends add
/// `root=`, `console=` and `rw` themselves, so those (and `init=`) are refused here.
pub fn check_cmdline(s: &str) -> Result<(), String> {
    check_line(s)?;
    for tok in s.split(' ').filter(|t| !t.is_empty()) {
        if !all(tok, |c| {
            c.is_ascii_alphanumeric() || "_.,:=/+@-".contains(c)
        }) {
            return Err(format!(
                "kernel argument {} has characters not allowed here",
                shown(tok)
            ));
        }
        let key = tok.split('=').next().unwrap_or(tok);
        if matches!(
            key,
            "root" | "console" | "init" | "rw" | "ro" | "rootfstype"
        ) {
            return Err(format!(
                "kernel argument {} is set by the hypervisor backend; remove it from `/system/kernel/cmdline`",
                shown(tok)
            ));
        }
    }
    Ok(())
}

/// A Pan template name as it may be found on an include path.
pub fn check_template_name(s: &str) -> Result<(), String> {
    let ok = !s.is_empty()
        && s.len() <= 255
        && s.split('/').all(|p| {
            !p.is_empty()
                && p != "."
                && p != ".."
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_.+-".contains(c))
        });
    if ok {
        Ok(())
    } else {
        Err(format!("`{}` is not a template name", s.escape_debug()))
    }
}

/// An environment variable name.
pub fn check_env_name(s: &str) -> Result<(), String> {
    if s.is_empty()
        || s.len() > 128
        || s.starts_with(|c: char| c.is_ascii_digit())
        || !all(s, |c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err(format!("{} is not an environment variable name", shown(s)));
    }
    Ok(())
}

checked_string!(
    /// A VM (domain) name.
    VmName, check_vm_name);
checked_string!(
    /// A host name (one or more RFC 1123 labels).
    HostName, check_host_name);
checked_string!(
    /// A DNS domain (search list, `/system/domain`).
    DnsName, check_dns_name);
checked_string!(
    /// A login or group name.
    UserName, check_user_name);
checked_string!(
    /// A network interface name (bridge or guest NIC).
    IfName, check_if_name);
checked_string!(
    /// A unicast MAC address.
    Mac, check_mac);
checked_string!(
    /// A path inside the guest.
    GuestPath, check_guest_path);
checked_string!(
    /// A path on the host.
    HostPath, check_host_path);
checked_string!(
    /// A guest disk device name.
    Device, check_device);
checked_string!(
    /// A time zone name.
    Timezone, check_timezone);
checked_string!(
    /// A locale name.
    Locale, check_locale);
checked_string!(
    /// A Debian package name.
    PackageName, check_package_name);
checked_string!(
    /// A Debian version.
    PackageVersion, check_package_version);
checked_string!(
    /// A systemd unit name (without `.service`).
    UnitName, check_unit_name);
checked_string!(
    /// A plain word (suite, variant, component, image name).
    Word, check_word);
checked_string!(
    /// An http(s) Debian archive URL.
    MirrorUrl, check_mirror_url);
checked_string!(
    /// One line of text.
    Line, check_line);
checked_string!(
    /// An SSH public key line.
    SshKey, check_ssh_key);
checked_string!(
    /// A crypt(3) password hash.
    PasswordHash, check_password_hash);
checked_string!(
    /// The user's kernel arguments.
    Cmdline, check_cmdline);
checked_string!(
    /// An environment variable name.
    EnvName, check_env_name);
checked_string!(
    /// A Pan template name: `net/web`.
    TemplateName, check_template_name);

checked_int!(
    /// A size in MiB (1 MiB to 16 TiB).
    SizeMib, u64, 1, 16 * 1024 * 1024, "size in MiB");
checked_int!(
    /// Memory in MiB (32 MiB to 4 TiB).
    MemoryMib, u64, 32, 4 * 1024 * 1024, "memory size in MiB");
checked_int!(
    /// A number of virtual CPUs.
    Vcpus, u32, 1, 512, "number of vCPUs");
checked_int!(
    /// A regular user id.
    Uid, u32, 1000, 59999, "user id");
checked_int!(
    /// File permission bits.
    FileMode, u32, 0, 0o7777, "file mode");

impl GuestPath {
    /// The host path of this guest path under `root` (a guest tree). The path has no `..`,
    /// so the result is below `root` textually; symbolic links are resolved with
    /// [`resolve_in_tree`] by whoever writes there.
    pub fn under(&self, root: &Path) -> PathBuf {
        let mut p = root.to_path_buf();
        for c in Path::new(self.as_str()).components() {
            if let Component::Normal(n) = c {
                p.push(n);
            }
        }
        p
    }

    /// The parent directory inside the guest (`/` for top-level entries).
    pub fn parent(&self) -> GuestPath {
        match self.0.rfind('/') {
            Some(0) | None => GuestPath("/".into()),
            Some(i) => GuestPath(self.0[..i].to_string()),
        }
    }

    /// A child path (`name` must be one plain component).
    pub fn join(&self, name: &str) -> Result<GuestPath, String> {
        if name.is_empty() || name.contains('/') {
            return Err(format!("{} is not a file name", shown(name)));
        }
        let base = if self.0 == "/" { "" } else { &self.0 };
        GuestPath::new(format!("{base}/{name}"))
    }
}

/// Resolve `guest` inside the tree `root` the way the guest's kernel would, treating `root`
/// as `/`: symbolic links in parent directories are followed with absolute targets re-rooted
/// at `root`, so no result leaves the tree. The last component is not followed (a writer
/// replaces a link there instead of writing through it). Fails on link loops.
pub fn resolve_in_tree(root: &Path, guest: &GuestPath) -> Result<PathBuf, String> {
    let mut todo: Vec<String> = guest
        .as_str()
        .split('/')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .rev()
        .collect();
    let mut cur: Vec<String> = Vec::new();
    let mut hops = 0;
    while let Some(c) = todo.pop() {
        match c.as_str() {
            "." | "" => continue,
            ".." => {
                cur.pop();
                continue;
            }
            _ => {}
        }
        let last = todo.is_empty();
        let mut host = root.to_path_buf();
        host.extend(&cur);
        host.push(&c);
        let meta = std::fs::symlink_metadata(&host);
        if !last && meta.as_ref().is_ok_and(|m| m.file_type().is_symlink()) {
            hops += 1;
            if hops > 40 {
                return Err(format!(
                    "too many symbolic links resolving `{guest}` in the guest tree"
                ));
            }
            let target =
                std::fs::read_link(&host).map_err(|e| format!("{}: {e}", host.display()))?;
            let t = target.to_string_lossy().into_owned();
            if t.starts_with('/') {
                cur.clear();
            }
            for part in t.split('/').rev() {
                todo.push(part.to_string());
            }
            continue;
        }
        cur.push(c);
    }
    let mut host = root.to_path_buf();
    host.extend(&cur);
    Ok(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(check_vm_name("web-1").is_ok());
        assert!(check_vm_name("Web").is_err());
        assert!(check_user_name("alice").is_ok());
        assert!(check_user_name("-").is_err());
        assert!(check_user_name("/etc/cron.d/evil").is_err());
        assert!(check_host_name("www.example.org").is_ok());
        assert!(check_host_name("-x").is_err());
        assert!(check_dns_name("example.org\nnameserver 6.6.6.6").is_err());
        assert!(check_if_name("br-vmcs0").is_ok());
        assert!(check_if_name("..").is_err());
        assert!(check_if_name("a-very-long-bridge-name").is_err());
    }

    #[test]
    fn paths_and_devices() {
        assert!(check_guest_path("/srv/app/app.py").is_ok());
        assert!(check_guest_path("/").is_ok());
        assert!(check_guest_path("/srv/../etc").is_err());
        assert!(check_guest_path("relative").is_err());
        assert!(check_guest_path("/a//b").is_err());
        assert!(check_host_path("/srv/iso/debian.iso").is_ok());
        assert!(check_host_path("/srv/a,b").is_err());
        assert!(check_device("xvda").is_ok());
        assert!(check_device("/dev/sda").is_err());
        assert!(check_timezone("Europe/Paris").is_ok());
        assert!(check_timezone("/etc/shadow").is_err());
        assert!(check_timezone("../../etc/shadow").is_err());
    }

    #[test]
    fn values() {
        assert!(check_mac("52:54:00:12:34:56").is_ok());
        assert!(check_mac("01:00:00:00:00:00").is_err());
        assert!(check_ssh_key("ssh-ed25519 AAAAC3Nza admin@x").is_ok());
        assert!(check_ssh_key("command=\"x\" ssh-ed25519 AAAA").is_err());
        assert!(check_cmdline("quiet loglevel=3").is_ok());
        assert!(check_cmdline("quiet init=/bin/sh").is_err());
        assert!(check_mirror_url("http://deb.debian.org/debian").is_ok());
        assert!(check_mirror_url("file:///etc").is_err());
        assert!(SizeMib::new(i64::MAX).is_err());
        assert!(Vcpus::new(0).is_err());
    }

    #[test]
    fn resolving_stays_in_the_tree() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::create_dir_all(root.join("usr/lib")).unwrap();
        std::os::unix::fs::symlink("usr/lib", root.join("lib")).unwrap();
        std::os::unix::fs::symlink("/etc", root.join("evil")).unwrap();
        let p = resolve_in_tree(root, &GuestPath::new("/lib/x").unwrap()).unwrap();
        assert_eq!(p, root.join("usr/lib/x"));
        let p = resolve_in_tree(root, &GuestPath::new("/evil/passwd").unwrap()).unwrap();
        assert_eq!(p, root.join("etc/passwd"));
        std::os::unix::fs::symlink("../../../..", root.join("up")).unwrap();
        let p = resolve_in_tree(root, &GuestPath::new("/up/etc/x").unwrap()).unwrap();
        assert_eq!(p, root.join("etc/x"));
        std::os::unix::fs::symlink("loop", root.join("loop")).unwrap();
        assert!(resolve_in_tree(root, &GuestPath::new("/loop/x").unwrap()).is_err());
    }
}
