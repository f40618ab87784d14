//! The libvirt driver: one host, reached by its URI (`qemu:///system`, `qemu+tcp://…`,
//! `qemu+ssh://…`). Domains are defined from the machine spec (`domxml`), disks live in the
//! host's `vmcs` pool ([`storage`]), a bridge the profile asks to create is an isolated
//! libvirt network with the gateway address, hibernation is libvirt's managed save, and
//! migration is libvirt's (live, copying the disks' top layer when hosts share no storage).

mod migrate;
pub mod storage;

pub use migrate::{migrate, MigrateReport};

use crate::{domxml, wait_until, ConsoleStream, DomState, DomStats, Driver, VirtError};
use std::path::Path;
use std::sync::Once;
use std::time::Duration;
use virt::connect::Connect;
use virt::domain::{Domain, DomainState};
use virt::stream::Stream;
use vmcs_image::runner::Runner;
use vmcs_image::Machine;

static QUIET: Once = Once::new();

/// An error of a libvirt call on `host`, saying what was being done.
pub(crate) fn verr<'a>(
    host: &'a str,
    what: &'a str,
) -> impl FnOnce(virt::error::Error) -> VirtError + 'a {
    move |e| VirtError::Host {
        host: host.to_string(),
        message: format!("cannot {what}: {}", e.message()),
    }
}

/// One libvirt host.
pub struct LibvirtDriver {
    pub(crate) conn: Connect,
    pub(crate) host: String,
    pub(crate) uri: String,
    pub(crate) runner: Runner,
    kvm: bool,
}

/// One domain as `vmcs list` reconciles it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DomainSummary {
    pub name: String,
    pub state: DomState,
    pub vcpus: u32,
    pub maxmem_mib: u64,
}

/// What `vmcs host list` shows of a host.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Capacity {
    pub cpus: u32,
    pub memory_kib: u64,
    pub free_kib: u64,
    pub running: u32,
    pub hypervisor: String,
}

/// One lock per host URI for the preparation of domains in this process.
fn host_lock(uri: &str) -> std::sync::Arc<std::sync::Mutex<()>> {
    static LOCKS: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<std::sync::Mutex<()>>>>,
    > = std::sync::OnceLock::new();
    let mut map = LOCKS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    map.entry(uri.to_string()).or_default().clone()
}

/// libvirt's default event loop, registered once per process before the first connection
/// and run by a thread of its own: without it a remote connection reads what the server
/// sends only during its own calls, so a console stream showed the guest's output one
/// keystroke late; with it, streams are fed as data arrives and keepalives run.
fn event_loop() {
    static EVENTS: std::sync::Once = std::sync::Once::new();
    EVENTS.call_once(|| {
        if virt::event::event_register_default_impl().is_ok() {
            let _ = std::thread::Builder::new()
                .name("libvirt-events".into())
                .spawn(|| loop {
                    if virt::event::event_run_default_impl().is_err() {
                        std::thread::sleep(Duration::from_millis(100));
                    }
                });
        }
    });
}

impl LibvirtDriver {
    /// Connect to host `name` at `uri`, logging command lines to `log`.
    pub fn open(name: &str, uri: &str, log: &Path) -> Result<LibvirtDriver, VirtError> {
        QUIET.call_once(virt::error::clear_error_callback);
        event_loop();
        let conn = Connect::open(Some(uri)).map_err(|e| VirtError::Host {
            host: name.to_string(),
            message: format!("cannot connect to {uri}: {}", e.message()),
        })?;
        let _ = conn.set_keep_alive(5, 3);
        let kvm = uri.starts_with("qemu:///") && crate::qemu::kvm_works();
        Ok(LibvirtDriver {
            conn,
            host: name.to_string(),
            uri: uri.to_string(),
            runner: Runner::new(log, false),
            kvm,
        })
    }

    pub fn uri(&self) -> &str {
        &self.uri
    }

    fn dom(&self, m: &Machine) -> Result<Domain, VirtError> {
        self.conn
            .lookup_domain_by_name(&m.name)
            .map_err(|_| VirtError::State {
                name: m.name.clone(),
                message: format!("is not defined on host `{}`", self.host),
            })
    }

    fn find(&self, m: &Machine) -> Option<Domain> {
        self.conn.lookup_domain_by_name(&m.name).ok()
    }

    /// Make sure the bridges the machine uses exist on this host: a bridge the profile asks
    /// to create becomes (or already is) an active libvirt network with the gateway address.
    pub fn ensure_networks(&self, m: &Machine) -> Result<(), VirtError> {
        let lock = host_lock(&self.uri);
        // When held (by this thread's `define`, or another's), retried lookups below cover it.
        let _held = lock.try_lock().ok();
        for n in m.nics.iter().filter(|n| n.create_bridge) {
            let name = format!("vmcs-{}", n.bridge);
            let net = match self.conn.lookup_network_by_name(&name) {
                Ok(net) => net,
                Err(_) => {
                    let addr = n.bridge_address.as_deref().and_then(|a| {
                        let (ip, p) = a.split_once('/')?;
                        Some((ip, p.parse::<u8>().ok()?))
                    });
                    let xml = domxml::network(&name, &n.bridge, addr);
                    match self.conn.define_network_xml(&xml) {
                        Ok(net) => {
                            let _ = net.set_autostart(true);
                            net
                        }
                        // Another vmcs defined it in the meantime.
                        Err(e) => self.conn.lookup_network_by_name(&name).map_err(|_| {
                            verr(&self.host, "define the network of a created bridge")(e)
                        })?,
                    }
                }
            };
            if !net.is_active().unwrap_or(false) {
                if let Err(e) = net.create() {
                    if !net.is_active().unwrap_or(false) {
                        return Err(verr(
                            &self.host,
                            &format!("start network `{name}` (bridge {})", n.bridge),
                        )(e));
                    }
                }
            }
        }
        Ok(())
    }

    /// CPUs, memory, free memory and running VMs of the host.
    pub fn capacity(&self) -> Result<Capacity, VirtError> {
        let info = self
            .conn
            .node_info()
            .map_err(verr(&self.host, "read the host's capacity"))?;
        let free = self
            .conn
            .free_memory()
            .map_err(verr(&self.host, "read the host's free memory"))?;
        let running = self
            .conn
            .list_all_domains(virt::sys::VIR_CONNECT_LIST_DOMAINS_ACTIVE)
            .map(|v| v.len() as u32)
            .unwrap_or(0);
        Ok(Capacity {
            cpus: info.cpus,
            memory_kib: info.memory,
            free_kib: free / 1024,
            running,
            hypervisor: self.conn.driver_type().unwrap_or_default(),
        })
    }

    /// Every domain on the host: name, state, vCPUs and maximum memory (MiB).
    pub fn domains(&self) -> Result<Vec<DomainSummary>, VirtError> {
        let doms = self
            .conn
            .list_all_domains(0)
            .map_err(verr(&self.host, "list domains"))?;
        Ok(doms
            .iter()
            .filter_map(|d| {
                let info = d.info().ok()?;
                Some(DomainSummary {
                    name: d.name().ok()?,
                    state: dom_state(d),
                    vcpus: info.nr_virt_cpu,
                    maxmem_mib: info.max_mem / 1024,
                })
            })
            .collect())
    }

    /// The live domain XML (for reconciling and for tests).
    pub fn xml(&self, m: &Machine) -> Result<String, VirtError> {
        self.dom(m)?
            .xml_desc(0)
            .map_err(verr(&self.host, "read the domain XML"))
    }

    /// Remove the machine's volumes from this host's pool.
    pub fn delete_volumes(&self, m: &Machine) -> Result<(), VirtError> {
        let pool = self.pool()?;
        for v in LibvirtDriver::vm_volumes(m) {
            self.delete_volume(&pool, &v);
        }
        Ok(())
    }
}

fn dom_state(d: &Domain) -> DomState {
    match d.state().map(|(s, _)| s) {
        Ok(s) if s.is(DomainState::Running) || s.is(DomainState::Blocked) => DomState::Running,
        Ok(s) if s.is(DomainState::Paused) || s.is(DomainState::PMSuspended) => DomState::Paused,
        Ok(s) if s.is(DomainState::Crashed) => DomState::Crashed,
        Ok(_) if d.has_managed_save(0).unwrap_or(false) => DomState::Saved,
        Ok(_) => DomState::Shutoff,
        Err(_) => DomState::Missing,
    }
}

/// A console stream of libvirt (non-blocking underneath, presented as blocking I/O).
struct LvConsole {
    stream: std::sync::Arc<Stream>,
    closed: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl LvConsole {
    fn is_closed(&self) -> std::io::Result<()> {
        if self.closed.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "console closed",
            ));
        }
        Ok(())
    }
}

impl std::io::Read for LvConsole {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            self.is_closed()?;
            match self.stream.recv(buf) {
                Ok(n) if n >= 0 => return Ok(n as usize),
                Ok(_) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) if e.message().is_empty() => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => return Err(std::io::Error::other(e.message().to_string())),
            }
        }
    }
}

impl std::io::Write for LvConsole {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        loop {
            self.is_closed()?;
            match self.stream.send(buf) {
                Ok(n) if n >= 0 => return Ok(n as usize),
                Ok(_) => std::thread::sleep(Duration::from_millis(10)),
                Err(e) if e.message().is_empty() => std::thread::sleep(Duration::from_millis(10)),
                Err(e) => return Err(std::io::Error::other(e.message().to_string())),
            }
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl ConsoleStream for LvConsole {
    fn try_clone_box(&self) -> std::io::Result<Box<dyn ConsoleStream>> {
        Ok(Box::new(LvConsole {
            stream: self.stream.clone(),
            closed: self.closed.clone(),
        }))
    }
    fn close(&self) {
        self.closed.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

impl Driver for LibvirtDriver {
    fn kind(&self) -> &'static str {
        "libvirt"
    }

    fn define(&self, m: &Machine) -> Result<(), VirtError> {
        // Members of one network defined at once on one host share its pool, its uploaded
        // bases and its created bridges: they are prepared one at a time per host, and the
        // bridges exist from here on (the tunnel between hosts joins them before any start).
        let lock = host_lock(&self.uri);
        let _held = lock.lock().unwrap_or_else(|e| e.into_inner());
        let files = self.prepare(m)?;
        self.ensure_networks(m)?;
        let xml = domxml::domain(m, &files, self.kvm);
        self.runner
            .note(&format!("define domain {} on {}", m.name, self.host));
        self.conn
            .define_domain_xml(&xml)
            .map_err(verr(&self.host, &format!("define domain `{}`", m.name)))?;
        Ok(())
    }

    fn undefine(&self, m: &Machine) -> Result<(), VirtError> {
        if let Some(d) = self.find(m) {
            if d.is_active().unwrap_or(false) {
                return Err(VirtError::state(m, "is running; stop it first"));
            }
            let _ = d.managed_save_remove(0);
            d.undefine()
                .map_err(verr(&self.host, "undefine the domain"))?;
        }
        self.delete_volumes(m)
    }

    fn start(&self, m: &Machine) -> Result<(), VirtError> {
        self.ensure_networks(m)?;
        if self.find(m).is_none() {
            self.define(m)?;
        }
        let d = self.dom(m)?;
        if d.is_active().unwrap_or(false) {
            return Err(VirtError::state(m, "is already running"));
        }
        d.create()
            .map_err(verr(&self.host, &format!("start `{}`", m.name)))
    }

    fn shutdown(&self, m: &Machine, wait: Duration) -> Result<(), VirtError> {
        let d = self.dom(m)?;
        if !d.is_active().unwrap_or(false) {
            return Ok(());
        }
        d.shutdown()
            .map_err(verr(&self.host, "ask the guest to power off"))?;
        if !wait_until(wait, || !d.is_active().unwrap_or(false)) {
            return Err(VirtError::state(
                m,
                format!(
                    "did not power off within {} s (use `vmcs destroy` to stop it at once)",
                    wait.as_secs()
                ),
            ));
        }
        Ok(())
    }

    fn destroy(&self, m: &Machine) -> Result<(), VirtError> {
        let d = self.dom(m)?;
        if d.is_active().unwrap_or(false) {
            d.destroy()
                .map_err(verr(&self.host, "destroy the domain"))?;
        }
        Ok(())
    }

    fn reboot(&self, m: &Machine) -> Result<(), VirtError> {
        self.dom(m)?
            .reboot(0)
            .map_err(verr(&self.host, "reboot the domain"))
    }

    fn suspend(&self, m: &Machine) -> Result<(), VirtError> {
        self.dom(m)?
            .suspend()
            .map_err(verr(&self.host, "suspend the domain"))
    }

    fn resume(&self, m: &Machine) -> Result<(), VirtError> {
        self.dom(m)?
            .resume()
            .map_err(verr(&self.host, "resume the domain"))
    }

    /// libvirt's managed save: the state is kept by the host (its libvirt state directory)
    /// and the next start restores it.
    fn save(&self, m: &Machine, _file: &Path) -> Result<(), VirtError> {
        self.dom(m)?
            .managed_save(0)
            .map_err(verr(&self.host, "save the domain"))
    }

    fn restore(&self, m: &Machine, _file: &Path) -> Result<(), VirtError> {
        let d = self.dom(m)?;
        if !d.has_managed_save(0).unwrap_or(false) {
            return Err(VirtError::state(m, "has no saved state"));
        }
        self.ensure_networks(m)?;
        d.create().map_err(verr(&self.host, "restore the domain"))
    }

    fn state(&self, m: &Machine) -> Result<DomState, VirtError> {
        Ok(match self.find(m) {
            Some(d) => dom_state(&d),
            None => DomState::Missing,
        })
    }

    fn stats(&self, m: &Machine) -> Result<DomStats, VirtError> {
        let d = self.dom(m)?;
        let info = d
            .info()
            .map_err(verr(&self.host, "read domain statistics"))?;
        let mut st = DomStats {
            cpu_ns: info.cpu_time,
            vcpus: info.nr_virt_cpu,
            mem_kib: info.memory,
            ..DomStats::default()
        };
        if let Ok(mem) = d.memory_stats(0) {
            // RSS of the QEMU process when the balloon reports it.
            if let Some(rss) = mem
                .iter()
                .find(|s| s.tag == virt::sys::VIR_DOMAIN_MEMORY_STAT_RSS)
            {
                st.mem_kib = rss.val;
            }
        }
        let xml = d.xml_desc(0).unwrap_or_default();
        for (i, _) in m.disks.iter().enumerate() {
            if let Ok(b) = d.block_stats(&format!("vd{}", (b'a' + i as u8) as char)) {
                st.disk_rd_bytes += b.rd_bytes.max(0) as u64;
                st.disk_wr_bytes += b.wr_bytes.max(0) as u64;
            }
        }
        for dev in target_devs(&xml) {
            if let Ok(s) = d.interface_stats(&dev) {
                st.net_rx_bytes += s.rx_bytes.max(0) as u64;
                st.net_tx_bytes += s.tx_bytes.max(0) as u64;
            }
        }
        Ok(st)
    }

    fn console(&self, m: &Machine) -> Result<Box<dyn ConsoleStream>, VirtError> {
        let d = self.dom(m)?;
        let stream = Stream::new(&self.conn, virt::sys::VIR_STREAM_NONBLOCK)
            .map_err(verr(&self.host, "open a stream"))?;
        d.open_console(None, &stream, virt::sys::VIR_DOMAIN_CONSOLE_FORCE)
            .map_err(verr(&self.host, "open the console"))?;
        Ok(Box::new(LvConsole {
            stream: std::sync::Arc::new(stream),
            closed: Default::default(),
        }))
    }
}

/// The host-side device names of a domain's interfaces (`<target dev='vnet3'/>`).
fn target_devs(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<interface ") {
        rest = &rest[i..];
        let end = rest.find("</interface>").unwrap_or(rest.len());
        let block = &rest[..end];
        if let Some(t) = block.find("<target dev='") {
            let v = &block[t + 13..];
            if let Some(e) = v.find('\'') {
                out.push(v[..e].to_string());
            }
        }
        rest = &rest[end..];
        if end == 0 {
            break;
        }
    }
    out
}
