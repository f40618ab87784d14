//! vmcs-virt: hosts and hypervisors. A [`Driver`] is one table of operations (define, start,
//! stop, suspend, save, migrate, stats, console) over a hypervisor; callers never branch on
//! which: [`qemu::QemuDriver`] runs QEMU processes itself (no daemon), [`xl::XlDriver`]
//! drives a bare Xen dom0 with `xl`, and the libvirt driver (feature `libvirt`) drives any
//! host libvirt reaches, local or remote.
//!
//! **Architecture Invariant:** drivers take a [`vmcs_image::Machine`] (checked values only)
//! and run programs only through `vmcs_image::runner::Runner`.

pub mod deploy;
pub mod domxml;
pub mod hostnet;
pub mod hosts;
pub mod inventory;
#[cfg(feature = "libvirt")]
pub mod libvirt;
pub mod monitor;
pub mod netdeploy;
pub mod ops;
pub mod qemu;
pub mod qmp;
pub mod tunnel;
pub mod xl;

use serde::Serialize;
use std::path::Path;
use std::time::Duration;
use vmcs_image::Machine;

/// Why a hypervisor operation failed.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum VirtError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Command(#[from] vmcs_image::SpawnError),
    #[error("{0}")]
    #[diagnostic(code(vmcs::virt::config))]
    Config(String),
    #[error("VM `{name}`: {message}")]
    #[diagnostic(code(vmcs::virt::state))]
    State { name: String, message: String },
    #[error("{op} is not supported by the {driver} driver")]
    #[diagnostic(
        code(vmcs::virt::unsupported),
        help("run the VM on a libvirt host (`vmcs host add`) for the full lifecycle")
    )]
    Unsupported {
        op: &'static str,
        driver: &'static str,
    },
    #[error("host `{host}`: {message}")]
    #[diagnostic(code(vmcs::virt::host))]
    Host { host: String, message: String },
    #[error("{what}: {message}")]
    #[diagnostic(code(vmcs::virt::io))]
    Io { what: String, message: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Store(#[from] vmcs_store::StoreError),
}

impl VirtError {
    pub(crate) fn state(m: &Machine, message: impl Into<String>) -> VirtError {
        VirtError::State {
            name: m.name.clone(),
            message: message.into(),
        }
    }
    pub(crate) fn io(what: impl Into<String>, e: impl std::fmt::Display) -> VirtError {
        VirtError::Io {
            what: what.into(),
            message: e.to_string(),
        }
    }
}

/// What a hypervisor says about a domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DomState {
    Running,
    Paused,
    /// Defined but not running.
    Shutoff,
    /// Hibernated to a file.
    Saved,
    Crashed,
    /// The hypervisor does not know it.
    Missing,
}

impl DomState {
    pub fn name(self) -> &'static str {
        match self {
            DomState::Running => "running",
            DomState::Paused => "paused",
            DomState::Shutoff => "stopped",
            DomState::Saved => "saved",
            DomState::Crashed => "crashed",
            DomState::Missing => "missing",
        }
    }
}

/// Cumulative counters of one domain at one moment.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DomStats {
    /// CPU time used, nanoseconds.
    pub cpu_ns: u64,
    pub vcpus: u32,
    /// Memory the guest uses (resident), KiB.
    pub mem_kib: u64,
    pub disk_rd_bytes: u64,
    pub disk_wr_bytes: u64,
    pub net_rx_bytes: u64,
    pub net_tx_bytes: u64,
}

/// A bidirectional stream to a VM's serial console.
pub trait ConsoleStream: std::io::Read + std::io::Write + Send {
    /// A second handle for the other direction.
    fn try_clone_box(&self) -> std::io::Result<Box<dyn ConsoleStream>>;
    /// End the stream for every handle: a read blocked on another handle returns (the
    /// portal calls it when the browser goes away).
    fn close(&self) {}
}

impl ConsoleStream for std::os::unix::net::UnixStream {
    fn try_clone_box(&self) -> std::io::Result<Box<dyn ConsoleStream>> {
        Ok(Box::new(self.try_clone()?))
    }
    fn close(&self) {
        let _ = self.shutdown(std::net::Shutdown::Both);
    }
}

/// One hypervisor's operations.
pub trait Driver: Send + Sync {
    /// `qemu`, `xl` or `libvirt`.
    fn kind(&self) -> &'static str;
    /// Make the hypervisor know the machine (libvirt defines a domain; the others write
    /// their config in the VM directory).
    fn define(&self, m: &Machine) -> Result<(), VirtError>;
    /// Forget the machine (it must not run).
    fn undefine(&self, m: &Machine) -> Result<(), VirtError>;
    fn start(&self, m: &Machine) -> Result<(), VirtError>;
    /// Ask the guest to power off (ACPI) and wait up to `wait` for it.
    fn shutdown(&self, m: &Machine, wait: Duration) -> Result<(), VirtError>;
    /// Stop it at once.
    fn destroy(&self, m: &Machine) -> Result<(), VirtError>;
    fn reboot(&self, m: &Machine) -> Result<(), VirtError>;
    fn suspend(&self, m: &Machine) -> Result<(), VirtError>;
    fn resume(&self, m: &Machine) -> Result<(), VirtError>;
    /// Hibernate to `file` (the domain stops).
    fn save(&self, m: &Machine, file: &Path) -> Result<(), VirtError>;
    /// Start from a file written by `save`.
    fn restore(&self, m: &Machine, file: &Path) -> Result<(), VirtError>;
    fn state(&self, m: &Machine) -> Result<DomState, VirtError>;
    fn stats(&self, m: &Machine) -> Result<DomStats, VirtError>;
    /// Open the serial console.
    fn console(&self, m: &Machine) -> Result<Box<dyn ConsoleStream>, VirtError>;
}

/// Wait until `done` or `timeout`, polling every 50 ms.
pub(crate) fn wait_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = std::time::Instant::now();
    loop {
        if done() {
            return true;
        }
        if start.elapsed() >= timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Where a hibernated VM's state is kept (`vmcs save` / `vmcs restore`).
pub fn save_file(m: &Machine) -> std::path::PathBuf {
    m.dir.join("saved.state")
}
