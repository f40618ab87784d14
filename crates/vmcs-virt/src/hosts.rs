//! Hosts (CIVIC's container nodes): a name and a libvirt URI. `local` (`qemu:///system`) is
//! always there, so one machine needs no set-up; others come from `vmcs host add`. Hosts are
//! asked in parallel with a time limit, so one that is down shows as unreachable while the
//! others still answer; placement picks among those that answered.

use serde::Serialize;
use std::time::Duration;
use vmcs_store::{HostRow, Store};

/// The name of this machine as a host.
pub const LOCAL: &str = "local";
/// Its URI.
pub const LOCAL_URI: &str = "qemu:///system";

/// Every host: `local` (unless a host of that name was added) and the added ones.
pub fn all(store: &Store) -> Result<Vec<HostRow>, vmcs_store::StoreError> {
    let mut v = store.hosts()?;
    if !v.iter().any(|h| h.name == LOCAL) {
        v.insert(
            0,
            HostRow {
                name: LOCAL.into(),
                uri: LOCAL_URI.into(),
                ssh: None,
                state: "active".into(),
                added: 0,
            },
        );
    }
    Ok(v)
}

/// One host by name.
pub fn get(store: &Store, name: &str) -> Result<HostRow, crate::VirtError> {
    all(store)
        .map_err(|e| crate::VirtError::Config(e.to_string()))?
        .into_iter()
        .find(|h| h.name == name)
        .ok_or_else(|| {
            crate::VirtError::Config(format!("no host named `{name}` (see `vmcs host list`)"))
        })
}

/// A host's capacity, or why it could not be read.
#[derive(Debug, Clone, Serialize)]
pub struct Survey {
    pub name: String,
    pub uri: String,
    pub state: String,
    pub reachable: bool,
    pub error: Option<String>,
    pub cpus: u32,
    pub memory_mib: u64,
    pub free_mib: u64,
    pub running: u32,
}

/// Run `f` on a thread and give up after `timeout` (a host that hangs is left behind).
pub fn with_timeout<T: Send + 'static>(
    timeout: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(timeout).ok()
}

/// Ask every host for its capacity at once.
#[cfg(feature = "libvirt")]
pub fn survey(hosts: &[HostRow], log: &std::path::Path, timeout: Duration) -> Vec<Survey> {
    let handles: Vec<_> = hosts
        .iter()
        .map(|h| {
            let (name, uri, log) = (h.name.clone(), h.uri.clone(), log.to_path_buf());
            std::thread::spawn(move || {
                with_timeout(timeout, move || {
                    crate::libvirt::LibvirtDriver::open(&name, &uri, &log)
                        .and_then(|d| d.capacity())
                })
            })
        })
        .collect();
    hosts
        .iter()
        .zip(handles)
        .map(|(h, t)| {
            let r = t.join().ok().flatten();
            let mut s = Survey {
                name: h.name.clone(),
                uri: h.uri.clone(),
                state: h.state.clone(),
                reachable: false,
                error: None,
                cpus: 0,
                memory_mib: 0,
                free_mib: 0,
                running: 0,
            };
            match r {
                Some(Ok(c)) => {
                    s.reachable = true;
                    s.cpus = c.cpus;
                    s.memory_mib = c.memory_kib / 1024;
                    s.free_mib = c.free_kib / 1024;
                    s.running = c.running;
                }
                Some(Err(e)) => s.error = Some(e.to_string()),
                None => s.error = Some(format!("no answer within {} s", timeout.as_secs())),
            }
            s
        })
        .collect()
}

/// The host for a VM of `memory_mib`: among reachable, active hosts not in `exclude` with
/// room for it, the one with the most free memory per running VM (ties: fewer VMs per CPU).
pub fn place(survey: &[Survey], memory_mib: u64, exclude: &[String]) -> Option<String> {
    survey
        .iter()
        .filter(|s| {
            s.reachable
                && s.state == "active"
                && !exclude.contains(&s.name)
                && s.free_mib >= memory_mib
        })
        .max_by(|a, b| {
            let score = |s: &Survey| s.free_mib as f64 / (1 + s.running) as f64;
            let load = |s: &Survey| s.running as f64 / s.cpus.max(1) as f64;
            score(a)
                .partial_cmp(&score(b))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(
                    load(b)
                        .partial_cmp(&load(a))
                        .unwrap_or(std::cmp::Ordering::Equal),
                )
                .then(b.name.cmp(&a.name))
        })
        .map(|s| s.name.clone())
}

/// `vmcs host add`: register host `name` at libvirt `uri`, reached over ssh at `ssh` for
/// tunnels. The name, URI and ssh target are checked first.
pub fn add(
    store: &Store,
    name: &str,
    uri: &str,
    ssh: Option<&str>,
) -> Result<(), crate::VirtError> {
    vmcs_model::checked::check_vm_name(name).map_err(|_| {
        crate::VirtError::Config(format!(
            "`{name}` is not a host name (`[a-z0-9][a-z0-9-]*`)"
        ))
    })?;
    if !uri.contains("://")
        || uri.len() > 512
        || uri.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(crate::VirtError::Config(format!(
            "`{uri}` is not a libvirt URI"
        )));
    }
    if let Some(t) = ssh {
        let ok = !t.is_empty()
            && t.len() <= 256
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-@:".contains(c))
            && !t.starts_with('-');
        if !ok {
            return Err(crate::VirtError::Config(format!(
                "`{t}` is not an ssh target (`user@address`)"
            )));
        }
    }
    store.add_host(name, uri, ssh)?;
    Ok(())
}

/// `vmcs host remove`: forget a host, refused while vmcs has VMs on it.
pub fn remove(store: &Store, name: &str) -> Result<(), crate::VirtError> {
    remove_with(store, name, false).map(|_| ())
}

/// [`remove`]; with `forget_vms`, for a host that is gone for good, the records of the VMs
/// vmcs had there are forgotten too (nothing is asked of the host). Returns those VMs.
pub fn remove_with(
    store: &Store,
    name: &str,
    forget_vms: bool,
) -> Result<Vec<String>, crate::VirtError> {
    let on: Vec<String> = store
        .instances(None)?
        .into_iter()
        .filter(|r| r.host == name)
        .map(|r| r.name)
        .collect();
    if !on.is_empty() && !forget_vms {
        return Err(crate::VirtError::Config(format!(
            "host `{name}` still has {} VM(s): move them first (`vmcs host drain {name}`), remove them, or forget them with the host (`--forget-vms`, for a host that is gone)",
            on.len()
        )));
    }
    for vm in &on {
        store.delete_instance(vm)?;
    }
    store.remove_host(name)?;
    Ok(on)
}

/// `vmcs host undrain`: put a drained host back in service.
pub fn undrain(store: &Store, name: &str) -> Result<(), crate::VirtError> {
    if store.host(name)?.is_none() {
        return Err(crate::VirtError::Config(format!(
            "no host `{name}` (see `vmcs host list`)"
        )));
    }
    store.set_host_state(name, "active")?;
    Ok(())
}

/// Every host with its capacity (see [`survey`]); without the libvirt driver, every host is
/// listed as unreachable with that reason.
pub fn survey_all(store: &Store, log: &std::path::Path) -> Result<Vec<Survey>, crate::VirtError> {
    let hosts = all(store)?;
    #[cfg(feature = "libvirt")]
    {
        Ok(survey(&hosts, log, Duration::from_secs(10)))
    }
    #[cfg(not(feature = "libvirt"))]
    {
        let _ = log;
        Ok(hosts
            .into_iter()
            .map(|h| Survey {
                name: h.name,
                uri: h.uri,
                state: h.state,
                reachable: false,
                error: Some("this vmcs was built without the libvirt driver".into()),
                cpus: 0,
                memory_mib: 0,
                free_mib: 0,
                running: 0,
            })
            .collect())
    }
}

/// A VM a drain moved (where to, how) or could not move (why).
pub type Drained = (String, Result<String, String>);

/// `vmcs host drain` for callers that do not branch on the driver: each VM moved (or not)
/// and why, as text. Without the libvirt driver there is nothing to migrate with.
pub fn drain(
    store: &Store,
    state: &std::path::Path,
    name: &str,
) -> Result<Vec<Drained>, crate::VirtError> {
    #[cfg(feature = "libvirt")]
    {
        let ops = crate::ops::Ops::new(store, state);
        Ok(ops
            .drain(name)?
            .into_iter()
            .map(|(vm, r)| {
                let r = r
                    .map(|m| {
                        format!(
                            "moved to {} ({}, {:.1} s)",
                            m.to,
                            if m.live { "live" } else { "offline" },
                            m.prepare_secs + m.migrate_secs
                        )
                    })
                    .map_err(|e| e.to_string());
                (vm, r)
            })
            .collect())
    }
    #[cfg(not(feature = "libvirt"))]
    {
        let _ = (store, state, name);
        Err(crate::VirtError::Config(
            "draining a host needs the libvirt driver, which this vmcs was built without".into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(name: &str, free: u64, running: u32, reachable: bool) -> Survey {
        Survey {
            name: name.into(),
            uri: String::new(),
            state: "active".into(),
            reachable,
            error: None,
            cpus: 2,
            memory_mib: 8192,
            free_mib: free,
            running,
        }
    }

    #[test]
    fn placement_prefers_room_and_skips_the_unreachable() {
        let v = vec![
            s("h1", 4000, 3, true),
            s("h2", 3000, 0, true),
            s("h3", 9000, 0, false),
        ];
        assert_eq!(place(&v, 512, &[]).as_deref(), Some("h2"));
        assert_eq!(place(&v, 3500, &[]).as_deref(), Some("h1"));
        assert_eq!(place(&v, 512, &["h2".into()]).as_deref(), Some("h1"));
        assert_eq!(place(&v, 5000, &[]), None);
    }
}
