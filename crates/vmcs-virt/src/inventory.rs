//! `vmcs list` and `vmcs status`: the store (what vmcs made) reconciled with what each
//! hypervisor says now (what runs), with the drift between them. Hosts are asked at once,
//! each with a time limit: one that is down shows as unreachable, the others still answer.

use crate::ops::Ops;
use serde::Serialize;
use std::collections::BTreeMap;
use vmcs_image::Machine;
use vmcs_store::InstanceRow;

/// One VM (the same struct makes the text and the JSON).
#[derive(Debug, Serialize, Clone)]
pub struct Entry {
    pub name: String,
    pub owner: String,
    pub host: String,
    pub backend: String,
    /// What the hypervisor says: `running`, `stopped`, `paused`, `saved`, `crashed`,
    /// `missing`, `unreachable`, `building`, `unknown`.
    pub state: String,
    /// What the store recorded last.
    pub recorded: String,
    /// Why the two disagree, when they do.
    pub drift: Option<String>,
    pub addresses: Vec<String>,
    pub network: Option<String>,
    pub profile: String,
    pub profile_version: Option<i64>,
    /// Seconds since vmcs last started it (when running).
    pub uptime_secs: Option<i64>,
    pub vcpus: u32,
    pub memory_mib: u64,
    /// Disk files (on the host that runs it).
    pub disks: Vec<String>,
}

struct Live {
    state: String,
    note: Option<String>,
}

#[cfg(feature = "libvirt")]
fn libvirt_states(ops: &Ops<'_>, rows: &[&InstanceRow]) -> BTreeMap<String, Live> {
    let mut by_host: BTreeMap<String, Vec<(String, Option<Machine>)>> = BTreeMap::new();
    for r in rows {
        by_host
            .entry(r.host.clone())
            .or_default()
            .push((r.name.clone(), Machine::from_json(&r.machine).ok()));
    }
    let handles: Vec<_> = by_host
        .into_iter()
        .map(|(host, vms)| {
            let h = crate::hosts::get(ops.store, &host).ok();
            let log = ops.log();
            let t = std::thread::spawn(move || {
                let h = h?;
                crate::hosts::with_timeout(std::time::Duration::from_secs(5), move || {
                    crate::libvirt::LibvirtDriver::open(&h.name, &h.uri, &log)
                        .and_then(|d| d.domains())
                })
            });
            (host, vms, t)
        })
        .collect();
    let mut out = BTreeMap::new();
    for (host, vms, t) in handles {
        let found = t.join().ok().flatten();
        for (name, m) in vms {
            let live = match &found {
                None => Live {
                    state: "unreachable".into(),
                    note: Some(format!("host `{host}` does not answer")),
                },
                Some(Err(e)) => Live {
                    state: "unreachable".into(),
                    note: Some(e.to_string()),
                },
                Some(Ok(doms)) => match doms.iter().find(|d| d.name == name) {
                    None => Live {
                        state: "missing".into(),
                        note: None,
                    },
                    Some(d) => {
                        let mut changed = Vec::new();
                        if let Some(m) = &m {
                            if d.vcpus != m.vcpus && d.state == crate::DomState::Running {
                                changed.push(format!("vCPUs {} → {}", m.vcpus, d.vcpus));
                            }
                            let want = m.maxmem_mib.max(m.memory_mib);
                            if d.maxmem_mib != want {
                                changed.push(format!("memory {want} → {} MiB", d.maxmem_mib));
                            }
                        }
                        Live {
                            state: d.state.name().into(),
                            note: (!changed.is_empty()).then(|| {
                                format!("changed behind vmcs's back: {}", changed.join(", "))
                            }),
                        }
                    }
                },
            };
            out.insert(name, live);
        }
    }
    out
}

#[cfg(not(feature = "libvirt"))]
fn libvirt_states(_: &Ops<'_>, rows: &[&InstanceRow]) -> BTreeMap<String, Live> {
    rows.iter()
        .map(|r| {
            let l = Live {
                state: "unknown".into(),
                note: Some("this vmcs has no libvirt driver".into()),
            };
            (r.name.clone(), l)
        })
        .collect()
}

/// Every VM (of one owner, when given), reconciled.
pub fn list(ops: &Ops<'_>, owner: Option<&str>) -> Result<Vec<Entry>, crate::VirtError> {
    let rows = ops.store.instances(owner)?;
    let lv: Vec<&InstanceRow> = rows
        .iter()
        .filter(|r| r.backend == "libvirt" && r.state != "building")
        .collect();
    let mut live = libvirt_states(ops, &lv);
    for row in rows.iter().filter(|r| r.backend != "libvirt") {
        let l = match (Machine::from_json(&row.machine), row.state.as_str()) {
            (_, "building") => Live {
                state: "building".into(),
                note: None,
            },
            (Ok(m), _) if row.backend.is_empty() => {
                let _ = m;
                Live {
                    state: "defined".into(),
                    note: None,
                }
            }
            (Ok(m), _) => match ops
                .driver(&row.backend, &row.host)
                .and_then(|d| d.state(&m))
            {
                Ok(s) => Live {
                    state: s.name().into(),
                    note: None,
                },
                Err(e) => Live {
                    state: "unknown".into(),
                    note: Some(e.to_string()),
                },
            },
            (Err(e), _) => Live {
                state: "unknown".into(),
                note: Some(e),
            },
        };
        live.insert(row.name.clone(), l);
    }
    let now = vmcs_store::now();
    Ok(rows
        .into_iter()
        .map(|row| {
            let l = live.remove(&row.name).unwrap_or(Live {
                state: "building".into(),
                note: None,
            });
            let drift = match (row.state.as_str(), l.state.as_str()) {
                _ if l.note.is_some() => l.note.clone(),
                ("building", _) | (_, "building") => None,
                (r, s) if r == s => None,
                ("defined", "stopped") => None,
                ("running", "stopped") => {
                    Some("stopped behind vmcs's back (or the guest powered off)".into())
                }
                (_, "missing") => Some("the hypervisor no longer knows it".into()),
                (r, s) => Some(format!("recorded {r}, is {s}")),
            };
            let m = Machine::from_json(&row.machine).ok();
            Entry {
                uptime_secs: (l.state == "running")
                    .then(|| row.started.map(|s| now - s))
                    .flatten(),
                name: row.name,
                owner: row.owner,
                host: row.host,
                backend: row.backend,
                state: l.state,
                recorded: row.state,
                drift,
                addresses: m.as_ref().map(|m| m.addresses()).unwrap_or_default(),
                network: row.network,
                profile: m.as_ref().map(|m| m.profile.clone()).unwrap_or_default(),
                profile_version: row.profile_version,
                vcpus: m.as_ref().map(|m| m.vcpus).unwrap_or(0),
                memory_mib: m.as_ref().map(|m| m.memory_mib).unwrap_or(0),
                disks: m
                    .map(|m| {
                        m.disks
                            .iter()
                            .map(|d| d.path.display().to_string())
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect())
}
