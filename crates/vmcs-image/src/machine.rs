//! The machine spec: what the image build hands to a hypervisor driver (`vmcs-virt`) for one
//! VM: its disks (qcow2 overlays on cached bases), boot files, NICs and sizes, with every
//! value already checked. Stored as JSON with the instance.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use vmcs_model::{Arch, Hypervisor};

/// How the machine boots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum Boot {
    /// The hypervisor loads `kernel` and `initrd` (vmcs's initramfs plus the VM's seed);
    /// `cmdline` is the profile's part, the driver adds the console.
    Direct {
        kernel: PathBuf,
        initrd: PathBuf,
        cmdline: String,
    },
    /// Xen's pygrub reads the guest's own `/boot` (the seed comes on a small extra disk).
    Pygrub { cmdline: String },
    /// A boot loader inside the disk.
    Bootloader,
}

/// One disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disk {
    /// The device name the profile gave (`xvda`, `vdb`, `sda`); drivers map it to their bus.
    pub device: String,
    pub path: PathBuf,
    pub format: String,
    /// The cached image this overlay is based on (the driver uploads it to remote hosts).
    pub backing: Option<PathBuf>,
    pub backing_format: Option<String>,
    pub readonly: bool,
    /// The disk of the root filesystem.
    pub root: bool,
}

/// One network interface.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nic {
    /// The guest's name for it (`eth0`).
    pub name: String,
    pub bridge: String,
    pub mac: String,
    /// Create the bridge where the VM runs when it is missing.
    pub create_bridge: bool,
    /// The address the host side of a created bridge gets (the gateway), `ADDR/PREFIX`.
    pub bridge_address: Option<String>,
    /// The VM's planned IPv4 address, when static.
    pub ipv4: Option<String>,
}

/// A host directory shared with the guest (9p).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub source: PathBuf,
    pub tag: String,
    pub readonly: bool,
}

/// Everything a driver needs to define and start one VM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    pub name: String,
    /// `/vm/name` of the profile it came from.
    pub profile: String,
    pub owner: String,
    pub uuid: String,
    pub hostname: String,
    pub arch: Arch,
    pub hypervisor: Hypervisor,
    pub vcpus: u32,
    pub memory_mib: u64,
    pub maxmem_mib: u64,
    pub boot: Boot,
    pub disks: Vec<Disk>,
    /// (device, ISO path).
    pub cdroms: Vec<(String, PathBuf)>,
    pub nics: Vec<Nic>,
    pub shares: Vec<Share>,
    /// The VM's directory in the state directory (disks, serial log, sockets).
    pub dir: PathBuf,
    /// Who `vmcs ssh` logs in as.
    pub ssh_user: String,
    /// The image layer the root disk is based on.
    pub layer: String,
    pub profile_hash: String,
}

impl Machine {
    pub fn serial_log(&self) -> PathBuf {
        self.dir.join("serial.log")
    }
    /// Planned static IPv4 addresses.
    pub fn addresses(&self) -> Vec<String> {
        self.nics.iter().filter_map(|n| n.ipv4.clone()).collect()
    }
    /// Every cached file the machine depends on (backing images, kernel when shared).
    pub fn backing_files(&self) -> Vec<PathBuf> {
        self.disks
            .iter()
            .filter_map(|d| d.backing.clone())
            .collect()
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
    pub fn from_json(s: &str) -> Result<Machine, String> {
        serde_json::from_str(s).map_err(|e| format!("bad machine spec: {e}"))
    }
}
