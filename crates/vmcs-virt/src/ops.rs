//! What the CLI and the portal do to VMs, in one place: open the driver an instance runs on,
//! the lifecycle verbs (each under the VM's lock, so two vmcs processes acting on one VM are
//! serialized, and recorded in the store), placement on hosts, deployment (define, create
//! bridges, join them across hosts, start) and migration with reconciliation when it fails.

use crate::{hosts, DomState, Driver, VirtError};
use std::path::{Path, PathBuf};
use std::time::Duration;
use vmcs_image::Machine;
use vmcs_store::{InstanceRow, Store};

/// The store, the state directory and the log of lifecycle commands.
pub struct Ops<'a> {
    pub store: &'a Store,
    pub state: PathBuf,
}

/// Where a VM should run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `qemu`, `xl` or `libvirt`.
    pub backend: String,
    pub host: String,
}

impl Target {
    pub fn local(backend: &str) -> Target {
        Target {
            backend: backend.into(),
            host: hosts::LOCAL.into(),
        }
    }
}

impl<'a> Ops<'a> {
    pub fn new(store: &'a Store, state: &Path) -> Ops<'a> {
        Ops {
            store,
            state: state.to_path_buf(),
        }
    }

    pub fn log(&self) -> PathBuf {
        self.state.join("logs/lifecycle.log")
    }

    /// The driver of kind `backend` on `host`.
    pub fn driver(&self, backend: &str, host: &str) -> Result<Box<dyn Driver>, VirtError> {
        match backend {
            "qemu" => Ok(Box::new(crate::qemu::QemuDriver::new(&self.log()))),
            "xl" => Ok(Box::new(crate::xl::XlDriver::new(&self.log()))),
            "libvirt" => self.libvirt_box(host),
            other => Err(VirtError::Config(format!("unknown driver `{other}`"))),
        }
    }

    #[cfg(feature = "libvirt")]
    fn libvirt_box(&self, host: &str) -> Result<Box<dyn Driver>, VirtError> {
        Ok(Box::new(self.libvirt(host)?))
    }

    #[cfg(not(feature = "libvirt"))]
    fn libvirt_box(&self, host: &str) -> Result<Box<dyn Driver>, VirtError> {
        Err(VirtError::Config(format!(
            "VM is on libvirt host `{host}`, but this vmcs was built without the libvirt driver"
        )))
    }

    /// A libvirt host's driver (connecting gives up after 15 s).
    #[cfg(feature = "libvirt")]
    pub fn libvirt(&self, host: &str) -> Result<crate::libvirt::LibvirtDriver, VirtError> {
        let h = hosts::get(self.store, host)?;
        let log = self.log();
        hosts::with_timeout(Duration::from_secs(15), move || {
            crate::libvirt::LibvirtDriver::open(&h.name, &h.uri, &log)
        })
        .ok_or_else(|| VirtError::Host {
            host: host.to_string(),
            message: "no answer within 15 s".into(),
        })?
    }

    /// An instance and its machine.
    pub fn load(&self, name: &str) -> Result<(InstanceRow, Machine), VirtError> {
        let row = self.store.instance(name)?.ok_or_else(|| {
            VirtError::Config(format!(
                "no VM named `{name}` (`vmcs list` shows the VMs vmcs made)"
            ))
        })?;
        if row.state == "building" {
            return Err(VirtError::State {
                name: name.into(),
                message: "is still being built".into(),
            });
        }
        let m = Machine::from_json(&row.machine).map_err(VirtError::Config)?;
        Ok((row, m))
    }

    fn lock(&self, name: &str) -> Result<vmcs_image::cache::Lock, VirtError> {
        Ok(vmcs_image::cache::lock(&self.state, &format!("vm-{name}"))?)
    }

    /// Run `f` with the VM's driver and machine, under its lock.
    fn with<T>(
        &self,
        name: &str,
        f: impl FnOnce(&dyn Driver, &Machine, &InstanceRow) -> Result<T, VirtError>,
    ) -> Result<T, VirtError> {
        let _lock = self.lock(name)?;
        let (row, m) = self.load(name)?;
        let d = self.driver(&row.backend, &row.host)?;
        f(d.as_ref(), &m, &row)
    }

    fn record(&self, name: &str, state: &str) -> Result<(), VirtError> {
        self.store.set_instance_state(name, state)?;
        if state == "running" {
            self.store.set_instance_started(name)?;
        }
        Ok(())
    }

    /// What the hypervisor says about a VM now.
    pub fn state(&self, name: &str) -> Result<DomState, VirtError> {
        let (row, m) = self.load(name)?;
        self.driver(&row.backend, &row.host)?.state(&m)
    }

    /// Start a VM: resume it when paused, restore it when saved, boot it otherwise.
    pub fn start(&self, name: &str) -> Result<&'static str, VirtError> {
        let r = self.with(name, |d, m, _| match d.state(m)? {
            DomState::Running => Ok("already running"),
            DomState::Paused => d.resume(m).map(|_| "resumed"),
            DomState::Saved => {
                let f = crate::save_file(m);
                d.restore(m, &f)?;
                let _ = std::fs::remove_file(f);
                Ok("restored")
            }
            _ => d.start(m).map(|_| "started"),
        })?;
        self.record(name, "running")?;
        Ok(r)
    }

    /// Power a VM off (ACPI), waiting up to `timeout`; with `force`, stop it at once when it
    /// does not.
    pub fn stop(&self, name: &str, timeout: Duration, force: bool) -> Result<(), VirtError> {
        self.with(name, |d, m, _| match d.shutdown(m, timeout) {
            Ok(()) => Ok(()),
            Err(_) if force => d.destroy(m),
            Err(e) => Err(e),
        })?;
        self.record(name, "stopped")
    }

    pub fn destroy(&self, name: &str) -> Result<(), VirtError> {
        self.with(name, |d, m, _| d.destroy(m))?;
        self.record(name, "stopped")
    }

    pub fn reboot(&self, name: &str) -> Result<(), VirtError> {
        self.with(name, |d, m, _| d.reboot(m))?;
        self.record(name, "running")
    }

    pub fn suspend(&self, name: &str) -> Result<(), VirtError> {
        self.with(name, |d, m, _| d.suspend(m))?;
        self.store.set_instance_state(name, "paused")?;
        Ok(())
    }

    pub fn resume(&self, name: &str) -> Result<(), VirtError> {
        self.with(name, |d, m, _| d.resume(m))?;
        self.store.set_instance_state(name, "running")?;
        Ok(())
    }

    /// Hibernate: the VM's memory goes to disk and it stops.
    pub fn save(&self, name: &str) -> Result<(), VirtError> {
        self.with(name, |d, m, _| d.save(m, &crate::save_file(m)))?;
        self.store.set_instance_state(name, "saved")?;
        Ok(())
    }

    /// Bring a hibernated VM back where it was.
    pub fn restore(&self, name: &str) -> Result<(), VirtError> {
        self.with(name, |d, m, _| {
            let f = crate::save_file(m);
            d.restore(m, &f)?;
            let _ = std::fs::remove_file(f);
            Ok(())
        })?;
        self.store.set_instance_state(name, "running")?;
        Ok(())
    }

    /// Remove a VM: undefine it, delete its disks and directory and its row (its stored
    /// profile stays). A running VM is refused unless `force`.
    pub fn remove(&self, name: &str, force: bool) -> Result<(), VirtError> {
        let _lock = self.lock(name)?;
        let (row, m) = self.load(name)?;
        match self.driver(&row.backend, &row.host) {
            Ok(d) => {
                match d.state(&m)? {
                    DomState::Running | DomState::Paused | DomState::Crashed if !force => {
                        return Err(VirtError::State {
                            name: name.into(),
                            message: format!("is running; stop it first (`vmcs stop {name}`), or use `vmcs rm --force {name}`"),
                        })
                    }
                    DomState::Running | DomState::Paused | DomState::Crashed => d.destroy(&m)?,
                    _ => {}
                }
                d.undefine(&m)?;
            }
            Err(e) if !force => return Err(e),
            Err(_) => {}
        }
        let vms = self.state.join("vms");
        if m.dir.starts_with(&vms) && m.dir.is_dir() {
            std::fs::remove_dir_all(&m.dir)
                .map_err(|e| VirtError::io(m.dir.display().to_string(), e))?;
        }
        self.store.delete_instance(name)?;
        Ok(())
    }

    /// Define (and start) built machines where `targets` say, record where each went, make the
    /// bridges they ask for and join bridges that now span hosts. Returns one result per
    /// machine; a machine that fails stays defined for a later `vmcs start`. The drivers work
    /// in parallel; the store is written from this thread.
    pub fn deploy(
        &self,
        machines: &[Machine],
        targets: &[Target],
        start: bool,
    ) -> Vec<Result<(), VirtError>> {
        let mut results: Vec<Result<(), VirtError>> = Vec::new();
        for (m, t) in machines.iter().zip(targets) {
            let r = self
                .store
                .set_instance_backend(&m.name, &t.backend)
                .and_then(|_| self.store.set_instance_host(&m.name, &t.host))
                .map_err(VirtError::from);
            results.push(r);
        }
        let state = self.state.clone();
        let run = |f: &(dyn Fn(&dyn Driver, &Machine) -> Result<(), VirtError> + Sync),
                   results: Vec<Result<(), VirtError>>| {
            std::thread::scope(|sc| {
                let handles: Vec<_> = machines
                    .iter()
                    .zip(targets)
                    .zip(results)
                    .map(|((m, t), r)| {
                        let state = state.clone();
                        sc.spawn(move || -> Result<(), VirtError> {
                            r?;
                            let store = Store::open(&state)?;
                            let d = Ops::new(&store, &state).driver(&t.backend, &t.host)?;
                            f(d.as_ref(), m)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join().unwrap_or_else(|_| {
                            Err(VirtError::Config("a deploy thread panicked".into()))
                        })
                    })
                    .collect::<Vec<_>>()
            })
        };
        results = run(&|d, m| d.define(m), results);
        for (m, r) in machines.iter().zip(&results) {
            if r.is_ok() {
                let _ = self.store.set_instance_state(&m.name, "defined");
            }
        }
        if let Err(e) = self.join_bridges(machines) {
            for r in results.iter_mut().filter(|r| r.is_ok()) {
                *r = Err(VirtError::Config(format!("the network across hosts: {e}")));
            }
        }
        if !start {
            return results;
        }
        results = run(&|d, m| d.start(m), results);
        for (m, r) in machines.iter().zip(&results) {
            if r.is_ok() {
                let _ = self.record(&m.name, "running");
            }
        }
        results
    }

    /// Join every created bridge of `machines` across the libvirt hosts that have VMs on it.
    pub fn join_bridges(&self, machines: &[Machine]) -> Result<(), VirtError> {
        let mut bridges: Vec<String> = machines
            .iter()
            .flat_map(|m| {
                m.nics
                    .iter()
                    .filter(|n| n.create_bridge)
                    .map(|n| n.bridge.clone())
            })
            .collect();
        bridges.sort();
        bridges.dedup();
        for b in bridges {
            let mut on: Vec<String> = self
                .store
                .instances(None)?
                .into_iter()
                .filter(|r| r.backend == "libvirt")
                .filter(|r| {
                    Machine::from_json(&r.machine)
                        .is_ok_and(|m| m.nics.iter().any(|n| n.bridge == b))
                })
                .map(|r| r.host)
                .collect();
            on.sort();
            on.dedup();
            if on.len() < 2 {
                continue;
            }
            let peers = on
                .iter()
                .map(|h| peer(self.store, h))
                .collect::<Result<Vec<_>, _>>()?;
            let runner = vmcs_image::runner::Runner::new(&self.log(), false);
            crate::tunnel::connect(&b, &peers, &self.state, &runner)?;
        }
        Ok(())
    }
}

/// A host as a tunnel peer: its ssh target and underlay address (from `--ssh user@addr`).
pub fn peer(store: &Store, host: &str) -> Result<crate::tunnel::Peer, VirtError> {
    let h = hosts::get(store, host)?;
    let target = h.ssh.clone().ok_or_else(|| {
        VirtError::Config(format!(
            "host `{host}` has VMs on a bridge that spans hosts, but no ssh target to set up the tunnel (`vmcs host add {host} URI --ssh root@ADDRESS`)"
        ))
    })?;
    let address = target.rsplit('@').next().unwrap_or(&target).to_string();
    Ok(crate::tunnel::Peer {
        host: host.to_string(),
        ssh: Some(target),
        address,
    })
}

/// A VM a drain moved (or tried to).
#[cfg(feature = "libvirt")]
pub type Moved = (String, Result<crate::libvirt::MigrateReport, VirtError>);

#[cfg(feature = "libvirt")]
impl Ops<'_> {
    /// The hosts' capacities now (each asked at once, 10 s at most).
    pub fn survey(&self) -> Result<Vec<hosts::Survey>, VirtError> {
        Ok(hosts::survey(
            &hosts::all(self.store)?,
            &self.log(),
            Duration::from_secs(10),
        ))
    }

    /// A host for a VM of `memory_mib` (see [`hosts::place`]).
    pub fn place(&self, memory_mib: u64, exclude: &[String]) -> Result<String, VirtError> {
        let s = self.survey()?;
        hosts::place(&s, memory_mib, exclude).ok_or_else(|| {
            VirtError::Config(format!(
                "no reachable host has {memory_mib} MiB free{} (see `vmcs host list`)",
                if exclude.is_empty() {
                    String::new()
                } else {
                    format!(" besides {}", exclude.join(", "))
                }
            ))
        })
    }

    /// Move a VM to host `to` (live when it runs and `live`), with its disks. When the
    /// migration fails, both hosts are asked where the VM is and the store follows them.
    pub fn migrate(
        &self,
        name: &str,
        to: &str,
        live: bool,
    ) -> Result<crate::libvirt::MigrateReport, VirtError> {
        let _lock = self.lock(name)?;
        let (row, m) = self.load(name)?;
        if row.backend != "libvirt" {
            return Err(VirtError::Unsupported {
                op: "migration",
                driver: if row.backend == "xl" {
                    "xl (use `xl migrate`)"
                } else {
                    "qemu"
                },
            });
        }
        if row.host == to {
            return Err(VirtError::State {
                name: name.into(),
                message: format!("is already on host `{to}`"),
            });
        }
        let src = self.libvirt(&row.host)?;
        let dst = self.libvirt(to)?;
        // The destination joins the bridges the VM uses before the VM arrives.
        dst.ensure_networks(&m)?;
        self.store.set_instance_host(name, to)?;
        let joined = self.join_bridges(std::slice::from_ref(&m));
        self.store.set_instance_host(name, &row.host)?;
        joined?;
        match crate::libvirt::migrate(&src, &dst, &m, live) {
            Ok(r) => {
                self.store.set_instance_host(name, to)?;
                Ok(r)
            }
            Err(e) => {
                let here = self.reconcile(name, &m, &[row.host.as_str(), to]);
                Err(VirtError::State {
                    name: name.into(),
                    message: format!("{e}; the VM is now on {here}"),
                })
            }
        }
    }

    /// After a failed migration, ask `candidates` where the VM is (running first, then
    /// defined) and record it; a candidate that answers and has no such domain loses the
    /// VM's volumes (what the destination prepared, or the source's copy when the VM did
    /// move). Says where the VM is.
    pub fn reconcile(&self, name: &str, m: &Machine, candidates: &[&str]) -> String {
        let mut found: Vec<(String, DomState)> = Vec::new();
        let mut without: Vec<String> = Vec::new();
        for h in candidates {
            // A host whose libvirtd just died may come back: give it a little while.
            for _ in 0..20 {
                match self.libvirt(h).and_then(|d| d.state(m).map(|s| (d, s))) {
                    Ok((_, s)) => {
                        if s == DomState::Missing {
                            without.push(h.to_string());
                        } else {
                            found.push((h.to_string(), s));
                        }
                        break;
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(500)),
                }
            }
        }
        let best = found
            .iter()
            .find(|(_, s)| *s == DomState::Running || *s == DomState::Paused)
            .or_else(|| found.first())
            .cloned();
        match best {
            Some((h, s)) => {
                let _ = self.store.set_instance_host(name, &h);
                let _ = self.store.set_instance_state(name, s.name());
                // Only once the VM is found somewhere: its volumes elsewhere are leftovers.
                for other in without.iter().filter(|o| **o != h) {
                    if let Ok(d) = self.libvirt(other) {
                        let _ = d.delete_volumes(m);
                    }
                }
                format!("host `{h}` ({})", s.name())
            }
            None => "no host that answers".to_string(),
        }
    }

    /// Live-migrate every VM off `host` (for maintenance), each to the host placement picks;
    /// the host is marked draining so nothing new lands on it. Returns (VM, result).
    pub fn drain(&self, host: &str) -> Result<Vec<Moved>, VirtError> {
        hosts::get(self.store, host)?;
        if self.store.host(host)?.is_some() {
            self.store.set_host_state(host, "draining")?;
        }
        let mut out = Vec::new();
        for row in self
            .store
            .instances(None)?
            .into_iter()
            .filter(|r| r.host == host && r.backend == "libvirt")
        {
            let m = Machine::from_json(&row.machine).map_err(VirtError::Config)?;
            let r = self
                .place(m.memory_mib, &[host.to_string()])
                .and_then(|to| self.migrate(&row.name, &to, true));
            out.push((row.name, r));
        }
        Ok(out)
    }
}
