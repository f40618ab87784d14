//! vmcs-spawn: turns a VM profile into a plan of steps, then disk images and running VMs.
//!
//! Entry points: [`plan`] (what `vmcs spawn --dry-run` prints), [`spawn_profile`] (plan then
//! execute), [`Cache`] (the state database behind `vmcs cache`). Stages: `layers` (system
//! and software, cached), `vm` (storage, per-VM customisation, network, backend launch).
//!
//! **Architecture Invariant:** only [`runner::Runner`] starts programs; steps are argv vectors.

pub mod backend;
pub mod cache;
mod error;
mod exec;
mod guest;
pub mod layers;
pub mod plan;
pub mod runner;
mod vm;

pub use backend::{xl_config, Backend, VmPaths};
pub use cache::Cache;
pub use error::SpawnError;
pub use plan::{SpawnPlan, Step};

use serde::Serialize;
use std::path::PathBuf;
use vmcs_model::{AddrMethod, Arch, VmProfile};

pub(crate) fn s(x: &str) -> String {
    x.to_string()
}

pub(crate) fn arch_name(a: Arch) -> &'static str {
    match a {
        Arch::I386 => "i386",
        Arch::Amd64 => "amd64",
        Arch::Arm64 => "arm64",
    }
}

/// How QEMU networks its guest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QemuNet {
    /// Tap devices on the profile's bridges when they exist (or are created), else user-mode.
    Auto,
    /// User-mode networking (no host changes).
    User,
    /// No network device.
    None,
}

/// Options of one spawn.
#[derive(Debug, Clone)]
pub struct SpawnOptions {
    /// Layers, VM files, the database and logs live here (`/var/lib/vmcs`).
    pub state_dir: PathBuf,
    /// Overrides `/hardware/hypervisor`.
    pub backend: Option<Backend>,
    /// How many VMs to spawn from the profile (`name-1..N` when more than one).
    pub count: u32,
    /// Print the plan, run nothing.
    pub dry_run: bool,
    /// The command log (default `STATE/logs/NAME-TIMESTAMP.log`).
    pub log: Option<PathBuf>,
    /// Use KVM (`/dev/kvm` works) instead of TCG.
    pub kvm: bool,
    pub qemu_net: QemuNet,
    /// Prefix debootstrap and apt with `eatmydata` (no fsync while building layers).
    pub eatmydata: bool,
    /// Start the VMs once their disks are ready (otherwise only build them).
    pub start: bool,
    /// Show a progress bar on a terminal.
    pub progress: bool,
    /// Derive machine-ids from the VM name only (stable plans for tests).
    pub deterministic: bool,
    /// Test hook: a failing step is inserted after the first step whose title contains this.
    pub fail_after: Option<String>,
    /// The profile's text (XML or JSON), stored per user in `profiles`.
    pub profile_source: Option<String>,
}

impl SpawnOptions {
    /// Defaults for a state directory: one VM, started, automatic networking.
    pub fn new(state_dir: impl Into<PathBuf>) -> SpawnOptions {
        SpawnOptions {
            state_dir: state_dir.into(),
            backend: None,
            count: 1,
            dry_run: false,
            log: None,
            kvm: kvm_works(),
            qemu_net: QemuNet::Auto,
            eatmydata: which("eatmydata"),
            start: true,
            progress: true,
            deterministic: false,
            fail_after: None,
            profile_source: None,
        }
    }
}

/// The default state directory: `$VMCS_STATE_DIR`, else `/var/lib/vmcs`.
pub fn default_state_dir() -> PathBuf {
    std::env::var_os("VMCS_STATE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/lib/vmcs"))
}

/// Whether KVM can work: the CPU offers virtualisation (`vmx`/`svm`) and `/dev/kvm` opens
/// read-write. (A `/dev/kvm` without the CPU flag exists in some nested setups and hangs.)
pub fn kvm_works() -> bool {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let flag = cpu
        .lines()
        .any(|l| l.starts_with("flags") && l.split_whitespace().any(|f| f == "vmx" || f == "svm"));
    flag && std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/kvm")
        .is_ok()
}

/// Whether a program is on `PATH`.
pub fn which(prog: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(prog).is_file()))
}

/// One VM spawned from a profile: its name, host name, MACs and IPv4 addresses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instance {
    pub name: String,
    pub hostname: String,
    pub macs: Vec<String>,
    pub ipv4: Vec<Option<String>>,
}

/// The instances of `count` VMs: `name-i`, MACs derived from the name (keeping the profile's
/// first three octets), static addresses incremented by `i - 1`.
pub fn instances(p: &VmProfile, count: u32) -> Vec<Instance> {
    if count <= 1 {
        let ipv4 = p
            .network
            .interfaces
            .iter()
            .map(|n| {
                if n.ipv4.method == AddrMethod::Static {
                    n.ipv4.address.clone()
                } else {
                    None
                }
            })
            .collect();
        return vec![Instance {
            name: p.vm.name.clone(),
            hostname: p.system.hostname.clone(),
            macs: p
                .network
                .interfaces
                .iter()
                .map(|n| n.mac.to_lowercase())
                .collect(),
            ipv4,
        }];
    }
    (1..=count)
        .map(|i| {
            let name = format!("{}-{i}", p.vm.name);
            let macs = p
                .network
                .interfaces
                .iter()
                .map(|n| {
                    let h = layers::key_of(&["mac", &name, &n.name]);
                    format!(
                        "{}:{}:{}:{}",
                        &n.mac.to_lowercase()[..8],
                        &h[0..2],
                        &h[2..4],
                        &h[4..6]
                    )
                })
                .collect();
            let ipv4 = p
                .network
                .interfaces
                .iter()
                .map(|n| match (&n.ipv4.method, &n.ipv4.address) {
                    (AddrMethod::Static, Some(a)) => {
                        a.parse::<std::net::Ipv4Addr>().ok().map(|ip| {
                            std::net::Ipv4Addr::from(u32::from(ip).wrapping_add(i - 1)).to_string()
                        })
                    }
                    _ => None,
                })
                .collect();
            Instance {
                name,
                hostname: format!("{}-{i}", p.system.hostname),
                macs,
                ipv4,
            }
        })
        .collect()
}

/// Hash of the profile (which VM record came from which profile).
pub fn profile_hash(p: &VmProfile) -> String {
    layers::key_of(&[&serde_json::to_string(p).unwrap_or_default()])
}

fn default_log(o: &SpawnOptions, p: &VmProfile) -> PathBuf {
    o.log.clone().unwrap_or_else(|| {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let t = if o.deterministic { 0 } else { t };
        o.state_dir
            .join("logs")
            .join(format!("{}-{t}.log", p.vm.name))
    })
}

/// Build the plan of a spawn: validate the profile, look up the cache, list every step.
pub fn plan(p: &VmProfile, o: &SpawnOptions) -> Result<SpawnPlan, SpawnError> {
    p.validate()?;
    if layers::root_image(p).is_none() {
        return Err(SpawnError::Unsupported(
            "no image in `/storage/images` is mounted at `/`".into(),
        ));
    }
    let backend = o.backend.unwrap_or_else(|| Backend::of(p));
    let cached = |key: &str| -> Result<bool, SpawnError> {
        if !o.state_dir.join("vmcs.db").exists() {
            return Ok(false);
        }
        Cache::open(&o.state_dir)?.has_layer(key)
    };
    let insts = instances(p, o.count);
    if o.state_dir.join("vmcs.db").exists() {
        let cache = Cache::open(&o.state_dir)?;
        for i in &insts {
            if cache.vm_exists(&i.name)? || o.state_dir.join("vms").join(&i.name).exists() {
                return Err(SpawnError::Exists(i.name.clone()));
            }
        }
    }
    let mut layer_plans = vec![
        layers::base_layer(p, o, cached(&layers::base_key(p))?),
        layers::package_layer(p, o, cached(&layers::package_key(p))?),
        layers::image_layer(p, o, cached(&layers::image_key(p))?),
    ];
    // Creating the host bridges belongs to no VM: it runs once, with the image layer.
    let bridges = vm::bridge_steps(p);
    if !bridges.is_empty() {
        layer_plans.push(plan::LayerPlan {
            kind: "network".into(),
            key: "host".into(),
            path: PathBuf::from("/sys/class/net"),
            cached: false,
            steps: bridges,
        });
    }
    let hash = profile_hash(p);
    let mut vms: Vec<plan::VmPlan> = insts
        .iter()
        .map(|i| vm::vm_plan(p, i, backend, o, &hash))
        .collect();
    if let (Some(owner), Some(first)) = (&p.vm.owner, vms.first_mut()) {
        first.steps.push(Step::record(
            "store the profile for its owner",
            plan::Record::Profile {
                user: owner.clone(),
                name: p.vm.name.clone(),
            },
        ));
    }
    let mut plan = SpawnPlan {
        state_dir: o.state_dir.clone(),
        log: default_log(o, p),
        layers: layer_plans,
        vms,
    };
    if let Some(hook) = &o.fail_after {
        inject_failure(&mut plan, hook);
    }
    Ok(plan)
}

fn inject_failure(plan: &mut SpawnPlan, hook: &str) {
    let fail = Step::run(
        plan::Stage::Cache,
        "injected failure (test hook)",
        vec![s("ls"), s("/nonexistent/vmcs-injected-failure")],
    );
    let lists = plan
        .layers
        .iter_mut()
        .map(|l| &mut l.steps)
        .chain(plan.vms.iter_mut().map(|v| &mut v.steps));
    for steps in lists {
        if let Some(i) = steps.iter().position(|st| st.title.contains(hook)) {
            steps.insert(i + 1, fail);
            return;
        }
    }
}

/// What a spawn did.
#[derive(Debug, Clone, Serialize)]
pub struct SpawnReport {
    pub vms: Vec<String>,
    pub log: PathBuf,
    pub steps: usize,
    pub reused_layers: Vec<String>,
}

/// Plan and execute a spawn (`vmcs spawn PROFILE`). With `dry_run`, only plans.
pub fn spawn_profile(
    p: &VmProfile,
    o: &SpawnOptions,
) -> Result<(SpawnPlan, SpawnReport), SpawnError> {
    let plan = plan(p, o)?;
    let report = SpawnReport {
        vms: plan.vms.iter().map(|v| v.name.clone()).collect(),
        log: plan.log.clone(),
        steps: plan.steps().count(),
        reused_layers: plan
            .layers
            .iter()
            .filter(|l| l.cached)
            .map(|l| format!("{}-{}", l.kind, l.key))
            .collect(),
    };
    if o.dry_run {
        return Ok((plan, report));
    }
    let runner = runner::Runner::new(&plan.log, false);
    exec::execute(
        &plan,
        &runner,
        o.profile_source.as_deref().unwrap_or(""),
        o.progress,
    )?;
    Ok((plan, report))
}

/// The VM directory of a spawned VM (its disks, serial log, QMP socket).
pub fn vm_dir(o: &SpawnOptions, name: &str) -> PathBuf {
    o.state_dir.join("vms").join(name)
}
