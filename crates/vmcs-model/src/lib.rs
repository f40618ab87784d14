//! The typed VM description read from a compiled profile (the system-level XML skeleton).
//!
//! A VM profile has five parts under the profile root: `/hardware`, `/system`, `/network`,
//! `/storage`, `/software`, plus `/vm` (identity). The Pan types that produce them live in
//! `stdlib-templates/vmcs/schema/*.pan`; these serde types mirror them one to one, field
//! names included. Sizes are MiB, as longs.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
pub use std::net::{Ipv4Addr, Ipv6Addr};

pub mod checked;
pub mod net;
pub mod network;
mod pan_xml;
pub mod validate;

pub use checked::*;
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
    /// Domain name for the hypervisor.
    pub name: VmName,
    /// The user who owns it (profiles are stored per user).
    #[serde(default)]
    pub owner: Option<UserName>,
    #[serde(default)]
    pub description: Option<Line>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Arch {
    I386,
    Amd64,
    Arm64,
}

impl Arch {
    /// The Debian architecture name.
    pub fn debian(self) -> &'static str {
        match self {
            Arch::I386 => "i386",
            Arch::Amd64 => "amd64",
            Arch::Arm64 => "arm64",
        }
    }
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
    pub vcpus: Vcpus,
    /// Initial memory, MiB.
    pub memory: MemoryMib,
    /// Maximum memory, MiB (>= memory).
    pub maxmem: MemoryMib,
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
    pub device: Device,
    /// Key of `/storage/images`.
    pub image: Word,
    #[serde(default)]
    pub readonly: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CdromDevice {
    pub device: Device,
    /// Absolute path of the ISO image on the host.
    pub iso: HostPath,
}

/// `/system`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    pub os: Os,
    pub kernel: Kernel,
    pub hostname: HostName,
    #[serde(default)]
    pub domain: Option<DnsName>,
    pub locale: Locale,
    pub timezone: Timezone,
    #[serde(default)]
    pub users: Vec<User>,
    pub root: RootAccount,
    /// systemd units to enable.
    #[serde(default)]
    pub services: Vec<UnitName>,
    /// Services the profile defines itself, by unit name.
    #[serde(default)]
    pub units: BTreeMap<UnitName, Unit>,
    /// Files written into the guest.
    #[serde(default)]
    pub files: Vec<GuestFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Os {
    /// Only `debian` for now.
    pub distribution: Word,
    /// `bookworm`, `trixie`, ...
    pub suite: Word,
    pub arch: Arch,
    pub mirror: MirrorUrl,
    /// debootstrap variant: `minbase`, `buildd`, `-` (default).
    pub variant: Word,
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
    pub package: PackageName,
    pub boot: BootMethod,
    /// The user's kernel arguments (the backend adds `root=`, `console=` and `rw`).
    pub cmdline: Cmdline,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    pub name: UserName,
    #[serde(default)]
    pub uid: Option<Uid>,
    #[serde(default)]
    pub groups: Vec<UserName>,
    pub shell: GuestPath,
    #[serde(default)]
    pub ssh_keys: Vec<SshKey>,
    #[serde(default)]
    pub sudo: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootAccount {
    /// Allow root to log in by password (ssh `PermitRootLogin`).
    pub password_login: bool,
    /// crypt(3) hash; absent means the account has no password.
    #[serde(default)]
    pub password_hash: Option<PasswordHash>,
    #[serde(default)]
    pub ssh_keys: Vec<SshKey>,
}

/// How systemd restarts a unit of `/system/units`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Restart {
    No,
    OnFailure,
    Always,
}

/// A service the profile defines (`/system/units/NAME`), written as `NAME.service`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub description: Line,
    pub exec_start: Line,
    #[serde(default)]
    pub user: Option<UserName>,
    #[serde(default)]
    pub working_directory: Option<GuestPath>,
    #[serde(default)]
    pub environment: BTreeMap<EnvName, Line>,
    #[serde(default = "network_online")]
    pub after: Vec<UnitRef>,
    #[serde(default = "network_online")]
    pub wants: Vec<UnitRef>,
    #[serde(default = "on_failure")]
    pub restart: Restart,
}

fn network_online() -> Vec<UnitRef> {
    vec![UnitRef::new("network-online.target").expect("a valid unit name")]
}

fn on_failure() -> Restart {
    Restart::OnFailure
}

/// A unit named with its type (`network-online.target`, `postgresql.service`).
pub type UnitRef = UnitName;

/// A file written into the guest (`/system/files/N`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuestFile {
    pub path: GuestPath,
    pub contents: String,
    #[serde(default = "mode_644")]
    pub mode: FileMode,
    #[serde(default)]
    pub owner: Option<UserName>,
}

fn mode_644() -> FileMode {
    FileMode::new(0o644).expect("0644 is a mode")
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
    pub segment: Option<Word>,
    /// Names the guest resolves through `/etc/hosts` (the members of its segment).
    #[serde(default)]
    pub hosts: Vec<HostEntry>,
}

/// One `/etc/hosts` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostEntry {
    pub name: HostName,
    pub address: Ipv4Addr,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    /// Guest interface name: `eth0`.
    pub name: IfName,
    /// Host bridge (or virtual switch) the interface attaches to.
    pub bridge: IfName,
    /// Create the bridge when it does not exist (with the gateway address on it).
    #[serde(default)]
    pub create_bridge: bool,
    pub mac: Mac,
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

/// An interface's IPv4 addressing (`/network/interfaces/N/ipv4`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ipv4 {
    pub method: AddrMethod,
    #[serde(default)]
    pub address: Option<Ipv4Addr>,
    /// Prefix length (0 to 32).
    #[serde(default)]
    pub prefix: Option<u8>,
    #[serde(default)]
    pub gateway: Option<Ipv4Addr>,
}

/// An interface's IPv6 addressing (`/network/interfaces/N/ipv6`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ipv6 {
    pub method: AddrMethod,
    #[serde(default)]
    pub address: Option<Ipv6Addr>,
    /// Prefix length (0 to 128).
    #[serde(default)]
    pub prefix: Option<u8>,
    #[serde(default)]
    pub gateway: Option<Ipv6Addr>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dns {
    #[serde(default)]
    pub servers: Vec<Ipv4Addr>,
    #[serde(default)]
    pub search: Vec<DnsName>,
}

/// `/storage`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Storage {
    /// Disk images by name (keys referenced by `/hardware/disks/*/image`).
    pub images: BTreeMap<Word, Image>,
    #[serde(default)]
    pub shared: Vec<SharedMount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Raw,
    Qcow2,
}

impl ImageFormat {
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Raw => "raw",
            ImageFormat::Qcow2 => "qcow2",
        }
    }
}

/// The filesystem of an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Filesystem {
    Ext4,
    Ext3,
    Ext2,
    Xfs,
    Swap,
    None,
}

impl Filesystem {
    pub fn name(self) -> &'static str {
        match self {
            Filesystem::Ext4 => "ext4",
            Filesystem::Ext3 => "ext3",
            Filesystem::Ext2 => "ext2",
            Filesystem::Xfs => "xfs",
            Filesystem::Swap => "swap",
            Filesystem::None => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub size: SizeMib,
    pub format: ImageFormat,
    pub filesystem: Filesystem,
    /// Mount point in the guest (`/` for the root image); absent for swap/none.
    #[serde(default)]
    pub mount: Option<GuestPath>,
    /// Fill a data image with what the image tree holds at its mount point.
    #[serde(default = "yes")]
    pub populate: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedMount {
    /// Host directory.
    pub source: HostPath,
    /// Guest mount point.
    pub target: GuestPath,
    #[serde(default)]
    pub readonly: bool,
}

/// `/software`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Software {
    /// What the user asked for, keyed by package name.
    #[serde(default)]
    pub packages: BTreeMap<PackageName, PackageRequest>,
    /// Package knowledge written in Pan for software no index has, keyed by name.
    #[serde(default)]
    pub knowledge: BTreeMap<PackageName, PackageKnowledge>,
    /// The resolved set (filled by the dependency resolver), in install order.
    #[serde(default)]
    pub resolved: Vec<ResolvedPackage>,
    /// The archives the guest installs from (empty: the suite defaults).
    #[serde(default)]
    pub repositories: Vec<Repository>,
}

/// A Debian archive the guest uses (`/software/repositories/N`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repository {
    pub uri: MirrorUrl,
    pub suite: Word,
    #[serde(default = "main_component")]
    pub components: Vec<Word>,
}

fn main_component() -> Vec<Word> {
    vec![Word::new("main").expect("a word")]
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
    pub name: PackageName,
    #[serde(default)]
    pub version: Option<PackageVersion>,
    /// `>=`, `<=`, `=`, `<<`, `>>` (and `>`, `<`); defaults to `>=` when a version is given.
    #[serde(default)]
    pub relation: Option<Relation>,
    pub source: Source,
}

/// A version relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Relation {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = "<<")]
    Lt,
    #[serde(rename = ">>")]
    Gt,
    #[serde(rename = ">")]
    GtOld,
    #[serde(rename = "<")]
    LtOld,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub name: PackageName,
    #[serde(default)]
    pub relation: Option<Relation>,
    #[serde(default)]
    pub version: Option<PackageVersion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageKnowledge {
    pub name: PackageName,
    pub version: PackageVersion,
    pub source: Source,
    /// For `iso`: path inside the CD-ROM; for `dir`: host directory.
    #[serde(default)]
    pub location: Option<GuestPath>,
    #[serde(default)]
    pub requires: Vec<Requirement>,
    #[serde(default)]
    pub provides: Vec<PackageName>,
    #[serde(default)]
    pub conflicts: Vec<Requirement>,
    /// Shell command run inside the guest root (chroot) to install it. Runs on the build
    /// host as root: only honoured for trusted profiles (see `SpawnOptions::trusted`).
    #[serde(default)]
    pub install: Option<Line>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolvedPackage {
    pub name: PackageName,
    pub version: PackageVersion,
    pub arch: Word,
    pub source: Source,
    /// The user asked for it (as opposed to pulled in).
    pub requested: bool,
    /// The packages whose dependencies pulled it in.
    #[serde(default)]
    pub pulled_in_by: Vec<PackageName>,
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

/// Largest profile file read (a profile of a few VMs is a few hundred KiB).
pub const MAX_PROFILE_BYTES: u64 = 64 << 20;

impl VmProfile {
    /// Read a VM description from a profile's JSON form (what `--formats json` writes).
    /// Every value is checked, then the profile as a whole ([`VmProfile::validate`]).
    pub fn from_json_str(text: &str) -> Result<VmProfile, ModelError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let p: VmProfile = serde_path_to_error::deserialize(de).map_err(schema_error)?;
        p.validate()?;
        Ok(p)
    }

    /// Read a VM description from a profile's pan XML form (what `--formats pan` writes).
    pub fn from_pan_xml_str(text: &str) -> Result<VmProfile, ModelError> {
        let value = pan_xml::pan_xml_to_value(text)?;
        VmProfile::from_value(value)
    }

    /// Read a VM description from a JSON value tree.
    pub fn from_value(value: serde_json::Value) -> Result<VmProfile, ModelError> {
        let p: VmProfile = serde_path_to_error::deserialize(value).map_err(schema_error)?;
        p.validate()?;
        Ok(p)
    }

    /// Read a profile file: `.xml` (pan XML) or `.json`, chosen by the extension, or by the
    /// first character when the extension says neither.
    pub fn from_path(path: &std::path::Path) -> Result<VmProfile, ModelError> {
        use std::io::Read;
        let f = std::fs::File::open(path)
            .map_err(|e| ModelError::Read(format!("{}: {e}", path.display())))?;
        let mut text = String::new();
        f.take(MAX_PROFILE_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|e| ModelError::Read(format!("{}: {e}", path.display())))?;
        if text.len() as u64 > MAX_PROFILE_BYTES {
            return Err(ModelError::Read(format!(
                "{}: larger than {} MiB",
                path.display(),
                MAX_PROFILE_BYTES >> 20
            )));
        }
        VmProfile::from_text(&text, path.extension().and_then(|e| e.to_str()))
    }

    /// Read a profile's text: pan XML or JSON (by `ext` when given, else by its first character).
    pub fn from_text(text: &str, ext: Option<&str>) -> Result<VmProfile, ModelError> {
        match ext {
            Some("json") => VmProfile::from_json_str(text),
            Some("xml") => VmProfile::from_pan_xml_str(text),
            _ if text.trim_start().starts_with('<') => VmProfile::from_pan_xml_str(text),
            _ => VmProfile::from_json_str(text),
        }
    }
}

/// Turn a serde error into a schema error naming the profile path, in Pan's words.
pub(crate) fn schema_error<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> ModelError {
    let path = e
        .path()
        .iter()
        .map(|seg| match seg {
            serde_path_to_error::Segment::Seq { index } => format!("/{index}"),
            serde_path_to_error::Segment::Map { key } => format!("/{key}"),
            serde_path_to_error::Segment::Enum { variant } => format!("/{variant}"),
            serde_path_to_error::Segment::Unknown => String::new(),
        })
        .collect::<String>();
    let path = if path.is_empty() {
        "/".to_string()
    } else {
        path.replace("/?", "")
    };
    let mut message = e.inner().to_string();
    // serde_json appends where in the text it was; the profile path says it better.
    if let Some(i) = message.rfind(" at line ") {
        message.truncate(i);
    }
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
