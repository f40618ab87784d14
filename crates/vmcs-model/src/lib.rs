//! The typed VM description read from a compiled profile (the system-level XML skeleton).
//!
//! A VM profile has five parts under the profile root: `/hardware`, `/system`, `/network`,
//! `/storage`, `/software`, plus `/vm` (identity). The Pan types that produce them live in
//! `stdlib-templates/vmcs/schema/*.pan`; these serde types mirror them one to one, field
//! names included. Sizes are MiB, as longs.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod pan_xml;
pub mod validate;

pub use pan_xml::pan_xml_to_value;

/// The whole VM profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VmProfile {
    pub vm: Identity,
    pub hardware: Hardware,
    pub system: System,
    pub network: Network,
    pub storage: Storage,
    pub software: Software,
}

/// `/vm`: who this VM is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    /// Domain name for the hypervisor; `[a-z0-9][a-z0-9-]*`, at most 63 chars.
    pub name: String,
    /// The user who owns it (profiles are stored per user).
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Arch {
    I386,
    Amd64,
    Arm64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hypervisor {
    XenPv,
    XenPvh,
    XenHvm,
    Qemu,
}

/// `/hardware`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hardware {
    pub arch: Arch,
    pub vcpus: u32,
    /// Initial memory, MiB.
    pub memory: u64,
    /// Maximum memory, MiB (>= memory).
    pub maxmem: u64,
    pub hypervisor: Hypervisor,
    /// Block devices, each backed by an image of `/storage/images` (by name).
    #[serde(default)]
    pub disks: Vec<DiskDevice>,
    /// CD-ROM devices, each mapped to an ISO file.
    #[serde(default)]
    pub cdroms: Vec<CdromDevice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiskDevice {
    /// Guest device name: `xvda`, `sda`, `vda`...
    pub device: String,
    /// Key of `/storage/images`.
    pub image: String,
    #[serde(default)]
    pub readonly: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CdromDevice {
    pub device: String,
    /// Absolute path of the ISO image on the host.
    pub iso: String,
}

/// `/system`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    pub os: Os,
    pub kernel: Kernel,
    pub hostname: String,
    #[serde(default)]
    pub domain: Option<String>,
    pub locale: String,
    pub timezone: String,
    #[serde(default)]
    pub users: Vec<User>,
    pub root: RootAccount,
    /// systemd units to enable.
    #[serde(default)]
    pub services: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Os {
    /// Only `debian` for now.
    pub distribution: String,
    /// `bookworm`, `trixie`, ...
    pub suite: String,
    pub arch: Arch,
    pub mirror: String,
    /// debootstrap variant: `minbase`, `buildd`, `-` (default).
    pub variant: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BootMethod {
    /// The hypervisor loads kernel and initrd from the host (extracted from the image).
    Direct,
    /// Xen's pygrub reads the guest's grub config.
    Pygrub,
    /// A bootloader inside the disk (HVM / QEMU BIOS).
    Bootloader,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kernel {
    /// Debian package providing the kernel: `linux-image-amd64`, `linux-image-cloud-amd64`.
    pub package: String,
    pub boot: BootMethod,
    /// Kernel command line (without `root=`; the spawn stage adds it).
    pub cmdline: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    pub name: String,
    #[serde(default)]
    pub uid: Option<u32>,
    #[serde(default)]
    pub groups: Vec<String>,
    pub shell: String,
    #[serde(default)]
    pub ssh_keys: Vec<String>,
    #[serde(default)]
    pub sudo: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootAccount {
    /// Allow root to log in by password (ssh `PermitRootLogin`).
    pub password_login: bool,
    /// crypt(3) hash; absent means the account is locked.
    #[serde(default)]
    pub password_hash: Option<String>,
    #[serde(default)]
    pub ssh_keys: Vec<String>,
}

/// `/network`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    #[serde(default)]
    pub interfaces: Vec<Interface>,
    #[serde(default)]
    pub dns: Dns,
    /// Name of the virtual network (CIVIC) this VM belongs to, if any.
    #[serde(default)]
    pub segment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    /// Guest interface name: `eth0`.
    pub name: String,
    /// Host bridge (or virtual switch) the interface attaches to.
    pub bridge: String,
    /// Create the bridge when it does not exist.
    #[serde(default)]
    pub create_bridge: bool,
    /// `aa:bb:cc:dd:ee:ff`; the stdlib derives one from the VM name when not given.
    pub mac: String,
    pub ipv4: Ipv4,
    #[serde(default)]
    pub ipv6: Option<Ipv6>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AddrMethod {
    Dhcp,
    Static,
    None,
}

/// An interface's addressing for one IP version (`/network/interfaces/N/ipv4`, `.../ipv6`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IpConfig {
    pub method: AddrMethod,
    #[serde(default)]
    pub address: Option<String>,
    /// Prefix length (at most 32 for IPv4, 128 for IPv6).
    #[serde(default)]
    pub prefix: Option<u8>,
    #[serde(default)]
    pub gateway: Option<String>,
}

pub type Ipv4 = IpConfig;
pub type Ipv6 = IpConfig;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dns {
    #[serde(default)]
    pub servers: Vec<String>,
    #[serde(default)]
    pub search: Vec<String>,
}

/// `/storage`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Storage {
    /// Disk images by name (keys referenced by `/hardware/disks/*/image`).
    pub images: BTreeMap<String, Image>,
    #[serde(default)]
    pub shared: Vec<SharedMount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Raw,
    Qcow2,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// MiB.
    pub size: u64,
    pub format: ImageFormat,
    /// `ext4`, `xfs`, `swap`, or `none` (unformatted).
    pub filesystem: String,
    /// Mount point in the guest (`/` for the root image); absent for swap/none.
    #[serde(default)]
    pub mount: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedMount {
    /// Host directory.
    pub source: String,
    /// Guest mount point.
    pub target: String,
    #[serde(default)]
    pub readonly: bool,
}

/// `/software`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Software {
    /// What the user asked for, keyed by package name.
    #[serde(default)]
    pub packages: BTreeMap<String, PackageRequest>,
    /// Package knowledge written in Pan for software no index has, keyed by name.
    #[serde(default)]
    pub knowledge: BTreeMap<String, PackageKnowledge>,
    /// The resolved set (filled by the dependency resolver), in install order.
    #[serde(default)]
    pub resolved: Vec<ResolvedPackage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Apt,
    Iso,
    Dir,
    Base,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageRequest {
    pub name: String,
    #[serde(default)]
    pub version: Option<String>,
    /// `>=`, `<=`, `=`, `<<`, `>>` (and `>`, `<`); defaults to `>=` when a version is given.
    #[serde(default)]
    pub relation: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub name: String,
    #[serde(default)]
    pub relation: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageKnowledge {
    pub name: String,
    pub version: String,
    pub source: Source,
    /// For `iso`: path inside the CD-ROM; for `dir`: host directory.
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub requires: Vec<Requirement>,
    #[serde(default)]
    pub provides: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<Requirement>,
    /// Shell command run inside the guest root (chroot) to install it.
    #[serde(default)]
    pub install: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolvedPackage {
    pub name: String,
    pub version: String,
    pub arch: String,
    pub source: Source,
    /// The user asked for it (as opposed to pulled in).
    pub requested: bool,
    /// The packages whose dependencies pulled it in.
    #[serde(default)]
    pub pulled_in_by: Vec<String>,
    /// Position in the install order (0 first).
    pub order: u32,
}

/// Why a profile could not be read as a VM description.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ModelError {
    #[error("profile does not fit the VM schema at `{path}`: {message}")]
    #[diagnostic(
        code(vmcs::model::schema),
        help("compile the VM template against the vmcs stdlib (`include 'vmcs/vm';`)")
    )]
    Schema { path: String, message: String },
    #[error("cannot read profile: {0}")]
    #[diagnostic(code(vmcs::model::read))]
    Read(String),
}

impl VmProfile {
    /// Read a VM description from a profile's JSON form (what `--formats json` writes).
    pub fn from_json_str(text: &str) -> Result<VmProfile, ModelError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(schema_error)
    }

    /// Read a VM description from a profile's pan XML form (what `--formats pan` writes).
    pub fn from_pan_xml_str(text: &str) -> Result<VmProfile, ModelError> {
        let value = pan_xml::pan_xml_to_value(text)?;
        VmProfile::from_value(value)
    }

    /// Read a VM description from a JSON value tree.
    pub fn from_value(value: serde_json::Value) -> Result<VmProfile, ModelError> {
        serde_path_to_error::deserialize(value).map_err(schema_error)
    }

    /// Read a profile file: `.xml` (pan XML) or `.json`, chosen by the extension.
    pub fn from_path(path: &std::path::Path) -> Result<VmProfile, ModelError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ModelError::Read(format!("{}: {e}", path.display())))?;
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => VmProfile::from_json_str(&text),
            Some("xml") => VmProfile::from_pan_xml_str(&text),
            _ if text.trim_start().starts_with('<') => VmProfile::from_pan_xml_str(&text),
            _ => VmProfile::from_json_str(&text),
        }
    }
}

/// Turn a serde error into a schema error naming the profile path, in Pan's words.
fn schema_error<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> ModelError {
    let path = e
        .path()
        .iter()
        .map(|seg| format!("/{seg}"))
        .collect::<String>();
    let path = if path.is_empty() {
        "/".to_string()
    } else {
        path.replace("/?", "")
    };
    let mut message = e.inner().to_string();
    for (rust, pan) in [
        ("u8", "a long"),
        ("u32", "a long"),
        ("u64", "a long"),
        ("i64", "a long"),
        ("a boolean", "a boolean"),
        ("a string", "a string"),
    ] {
        if let Some(i) = message.find(&format!("expected {rust}")) {
            message = format!(
                "expected {pan} ({})",
                &message[..i].trim_end_matches([',', ' '])
            );
            break;
        }
    }
    ModelError::Schema { path, message }
}
