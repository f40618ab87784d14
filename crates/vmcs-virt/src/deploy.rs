//! Spawning a compiled profile, the part `vmcs spawn` and the portal share: choose the
//! driver, build the disks through the image cache, place each machine (a named host,
//! `auto`, or this machine's own driver), define and start them. Each stage is reported
//! through a [`Progress`] callback: the CLI ignores it (it has its bar), the portal streams it.

use crate::ops::{Ops, Target};
use crate::VirtError;
use serde::Serialize;
use std::sync::Arc;
use vmcs_image::{Machine, SpawnOptions, SpawnPlan, SpawnReport};
use vmcs_model::VmProfile;
use vmcs_store::Store;

/// One stage of a spawn, as it happens.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Stage {
    /// `plan`, `build`, `step`, `place`, `define`, `done` or `failed`.
    pub stage: String,
    /// What it is doing (a step title, a host, an error).
    pub detail: String,
    /// Steps done and planned (`build` and `step` only; 0 otherwise).
    pub done: u64,
    pub total: u64,
}

/// Where a spawn reports its stages.
pub type Progress = Arc<dyn Fn(Stage) + Send + Sync>;

fn say(p: &Option<Progress>, stage: &str, detail: impl Into<String>, done: u64, total: u64) {
    if let Some(p) = p {
        p(Stage {
            stage: stage.into(),
            detail: detail.into(),
            done,
            total,
        });
    }
}

/// What to spawn and where.
#[derive(Clone)]
pub struct DeployOptions {
    /// The image options (state directory, count, dry run, owner, trust, profile version).
    pub spawn: SpawnOptions,
    /// `qemu` or `xen`: this machine without libvirt.
    pub backend: Option<String>,
    /// A libvirt host name, or `auto` for the host with the most room.
    pub host: Option<String>,
    /// N copies on N distinct hosts.
    pub replicas: Option<u32>,
    /// Start the VMs once defined.
    pub start: bool,
    pub progress: Option<Progress>,
}

impl DeployOptions {
    pub fn new(spawn: SpawnOptions) -> DeployOptions {
        DeployOptions {
            spawn,
            backend: None,
            host: None,
            replicas: None,
            start: true,
            progress: None,
        }
    }
}

/// One VM of a spawn and how it ended.
#[derive(Debug, Clone, Serialize)]
pub struct DeployedVm {
    pub name: String,
    /// `running`, or `defined` (not started, or its start failed: see `error`).
    pub state: String,
    pub backend: String,
    pub host: String,
    pub addresses: Vec<String>,
    pub dir: std::path::PathBuf,
    pub error: Option<String>,
}

/// What a spawn did.
#[derive(Debug, Clone, Serialize)]
pub struct Deployed {
    pub report: SpawnReport,
    pub vms: Vec<DeployedVm>,
}

/// The driver kind for a profile and the options.
pub fn backend_of(p: &VmProfile, o: &DeployOptions) -> &'static str {
    match (o.backend.as_deref(), &o.host, o.replicas) {
        (Some("qemu"), ..) => "qemu",
        (Some("xen"), ..) => "xl",
        (_, Some(_), _) | (_, _, Some(_)) => "libvirt",
        _ => match p.hardware.hypervisor {
            vmcs_model::Hypervisor::Qemu if local_libvirt() => "libvirt",
            vmcs_model::Hypervisor::Qemu => "qemu",
            _ => "xl",
        },
    }
}

/// Whether this machine's libvirt answers.
#[cfg(feature = "libvirt")]
pub fn local_libvirt() -> bool {
    std::path::Path::new("/run/libvirt/libvirt-sock").exists()
}

#[cfg(not(feature = "libvirt"))]
pub fn local_libvirt() -> bool {
    false
}

/// Where each machine goes.
pub fn targets(
    ops: &Ops<'_>,
    o: &DeployOptions,
    kind: &str,
    machines: &[Machine],
) -> Result<Vec<Target>, VirtError> {
    if kind != "libvirt" {
        return Ok(machines.iter().map(|_| Target::local(kind)).collect());
    }
    let host = o.host.as_deref().unwrap_or(if o.replicas.is_some() {
        "auto"
    } else {
        "local"
    });
    if host != "auto" {
        crate::hosts::get(ops.store, host)?;
        return Ok(machines
            .iter()
            .map(|_| Target {
                backend: "libvirt".into(),
                host: host.into(),
            })
            .collect());
    }
    place(ops, o, machines)
}

#[cfg(feature = "libvirt")]
fn place(ops: &Ops<'_>, o: &DeployOptions, machines: &[Machine]) -> Result<Vec<Target>, VirtError> {
    let mut survey = ops.survey()?;
    let mut used: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for m in machines {
        let exclude = if o.replicas.is_some() {
            used.clone()
        } else {
            Vec::new()
        };
        let h = crate::hosts::place(&survey, m.memory_mib, &exclude).ok_or_else(|| {
            VirtError::Config(format!(
                "no host has room for `{}` ({} MiB){} (see `vmcs host list`; add hosts with `vmcs host add`)",
                m.name,
                m.memory_mib,
                if o.replicas.is_some() {
                    " on a host of its own"
                } else {
                    ""
                }
            ))
        })?;
        if let Some(s) = survey.iter_mut().find(|s| s.name == h) {
            s.free_mib = s.free_mib.saturating_sub(m.memory_mib);
            s.running += 1;
        }
        used.push(h.clone());
        out.push(Target {
            backend: "libvirt".into(),
            host: h,
        });
    }
    Ok(out)
}

#[cfg(not(feature = "libvirt"))]
fn place(_: &Ops<'_>, _: &DeployOptions, _: &[Machine]) -> Result<Vec<Target>, VirtError> {
    Err(VirtError::Config(
        "placing on hosts needs the libvirt driver, which this vmcs was built without".into(),
    ))
}

/// The options the image stage gets: the count (replicas win) and the step hook.
fn image_options(o: &DeployOptions) -> SpawnOptions {
    let mut s = o.spawn.clone();
    s.count = o.replicas.unwrap_or(s.count).max(1);
    if let Some(p) = o.progress.clone() {
        s.on_step = Some(vmcs_image::StepHook(Arc::new(move |title, done, total| {
            p(Stage {
                stage: "step".into(),
                detail: title.into(),
                done,
                total,
            })
        })));
    }
    s
}

/// Plan only (`--dry-run`): nothing runs, nothing is recorded.
pub fn plan(profile: &VmProfile, o: &DeployOptions) -> Result<SpawnPlan, VirtError> {
    let s = image_options(o);
    let (plan, report) = vmcs_image::build(profile, &s)?;
    say(
        &o.progress,
        "plan",
        format!("{} steps for {}", report.steps, report.vms.join(", ")),
        0,
        report.steps as u64,
    );
    for step in plan.steps() {
        say(
            &o.progress,
            "step",
            step.title.clone(),
            0,
            report.steps as u64,
        );
    }
    say(&o.progress, "done", "dry run: nothing was built", 0, 0);
    Ok(plan)
}

/// Build, place, define and (unless `start` is off) start the VMs of `profile`. The
/// instances are recorded in `store` as they go; machines a driver could not start stay
/// defined (their `error` says why). When no host can take them, what was built is removed.
pub fn deploy(
    store: &Store,
    profile: &VmProfile,
    o: &DeployOptions,
) -> Result<Deployed, VirtError> {
    let kind = backend_of(profile, o);
    let s = image_options(o);
    say(
        &o.progress,
        "build",
        format!("building the disks ({kind})"),
        0,
        0,
    );
    let (_, report) = match vmcs_image::build(profile, &s) {
        Ok(r) => r,
        Err(e) => {
            say(&o.progress, "failed", e.to_string(), 0, 0);
            return Err(e.into());
        }
    };
    let ops = Ops::new(store, &s.state_dir);
    say(
        &o.progress,
        "place",
        o.host.clone().unwrap_or_default(),
        0,
        0,
    );
    let targets = match targets(&ops, o, kind, &report.machines) {
        Ok(t) => t,
        Err(e) => {
            // Nothing can run them: take back what was built for them.
            for m in &report.machines {
                let _ = ops.remove(&m.name, true);
            }
            say(&o.progress, "failed", e.to_string(), 0, 0);
            return Err(e);
        }
    };
    let where_: Vec<String> = report
        .machines
        .iter()
        .zip(&targets)
        .map(|(m, t)| format!("{} on {} ({})", m.name, t.host, t.backend))
        .collect();
    say(&o.progress, "define", where_.join(", "), 0, 0);
    let results = ops.deploy(&report.machines, &targets, o.start);
    let mut vms = Vec::new();
    for ((m, t), r) in report.machines.iter().zip(&targets).zip(results) {
        let (state, error) = match r {
            Ok(()) if !o.start => ("defined", None),
            Ok(()) => ("running", None),
            Err(e) => ("defined", Some(e.to_string())),
        };
        vms.push(DeployedVm {
            name: m.name.clone(),
            state: state.into(),
            backend: t.backend.clone(),
            host: t.host.clone(),
            addresses: m.addresses(),
            dir: m.dir.clone(),
            error,
        });
    }
    let failed: Vec<&DeployedVm> = vms.iter().filter(|v| v.error.is_some()).collect();
    if failed.is_empty() {
        let names: Vec<&str> = vms.iter().map(|v| v.name.as_str()).collect();
        say(&o.progress, "done", names.join(", "), 0, 0);
    } else {
        let msgs: Vec<String> = failed
            .iter()
            .map(|v| format!("{}: {}", v.name, v.error.as_deref().unwrap_or("")))
            .collect();
        say(&o.progress, "failed", msgs.join("; "), 0, 0);
    }
    Ok(Deployed { report, vms })
}
