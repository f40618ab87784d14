//! vmcs-image: turns a VM profile into a plan of steps, then cached disk images and, for each
//! VM, a [`Machine`] that a hypervisor driver (`vmcs-virt`) can define and start.
//!
//! V-MCS's four spawn stages each add their steps: [`stages::system`] (debootstrap, users,
//! locale, units, boot files), [`stages::software`] (the resolved packages, installed with
//! apt from the guest's own archives), [`stages::storage`] (filesystem images, per-VM qcow2
//! overlays) and [`stages::network`] (the guest's addresses, names and DNS). The layers they
//! build are content-addressed ([`cache`]): a second VM with the same software reuses them
//! and only gets overlays and a seed (its own files, see [`initramfs`]).
//!
//! **Architecture Invariant:** only [`runner::Runner`] starts programs; steps are argv
//! vectors or files with their contents, and `--dry-run` prints exactly what would run.
//! **Architecture Invariant:** every profile value reaching a path, file or command line is
//! a checked `vmcs-model` newtype; guest paths are resolved inside the guest tree.

pub mod cache;
pub mod define;
mod error;
mod exec;
pub mod guest;
pub mod initramfs;
mod machine;
pub mod plan;
pub mod repos;
pub mod runner;
pub mod stages;

pub use error::SpawnError;
pub use machine::{Boot, Disk, Machine, Nic, Share};
pub use plan::{SpawnPlan, Step};

use serde::Serialize;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use vmcs_model::VmProfile;
use vmcs_store::Store;

pub(crate) fn s(x: &str) -> String {
    x.to_string()
}

/// Options of one spawn.
#[derive(Debug, Clone)]
pub struct SpawnOptions {
    /// Layers, VM files, the database and logs live here (`/var/lib/vmcs`); absolute.
    pub state_dir: PathBuf,
    /// How many VMs to spawn from the profile (`name-1..N` when more than one).
    pub count: u32,
    /// Print the plan, run nothing.
    pub dry_run: bool,
    /// The command log (default `STATE/logs/NAME-TIMESTAMP.log`).
    pub log: Option<PathBuf>,
    /// Prefix debootstrap and apt with `eatmydata` (no fsync while building layers).
    pub eatmydata: bool,
    /// Show a progress bar on a terminal.
    pub progress: bool,
    /// Stable plans for tests: machine ids, UUIDs and build directories from names only.
    pub deterministic: bool,
    /// Test hook: a failing step is inserted after the first step whose title contains this.
    pub fail_after: Option<String>,
    /// The profile's author runs the spawn: profile commands and host paths are allowed
    /// (see `VmProfile::host_access`). Profiles from the portal are never trusted.
    pub trusted: bool,
    /// Who owns the VMs (default `/vm/owner`, else the user running vmcs).
    pub owner: Option<String>,
    /// The host the instances are recorded on.
    pub host: String,
    /// Stored profile version the instances come from.
    pub profile: Option<(i64, i64)>,
    /// Addresses other VMs of the segment use (so `--count` copies skip them).
    pub taken: Vec<Ipv4Addr>,
    /// Names for the instances (default: `/vm/name`, or `NAME-i` for several).
    pub names: Vec<String>,
    /// Called as each step starts (the portal streams these; the CLI shows a bar instead).
    pub on_step: Option<StepHook>,
}

/// What a [`StepHook`] calls: a step's title, how many steps are done, how many there are.
pub type StepFn = dyn Fn(&str, u64, u64) + Send + Sync;

/// A step is starting: its title, how many steps are done and how many there are.
#[derive(Clone)]
pub struct StepHook(pub std::sync::Arc<StepFn>);

impl std::fmt::Debug for StepHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StepHook")
    }
}

impl SpawnOptions {
    /// Defaults for a state directory (made absolute): one trusted VM on the local host.
    pub fn new(state_dir: impl Into<PathBuf>) -> SpawnOptions {
        let state_dir: PathBuf = state_dir.into();
        let state_dir = absolute(&state_dir);
        SpawnOptions {
            state_dir,
            count: 1,
            dry_run: false,
            log: None,
            eatmydata: which("eatmydata"),
            progress: true,
            deterministic: false,
            fail_after: None,
            trusted: true,
            owner: None,
            host: "local".into(),
            profile: None,
            taken: Vec::new(),
            names: Vec::new(),
            on_step: None,
        }
    }
}

/// A path made absolute against the current directory (without resolving links).
pub fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        return p.to_path_buf();
    }
    std::env::current_dir()
        .map(|d| d.join(p))
        .unwrap_or_else(|_| p.to_path_buf())
}

/// The default state directory: `$VMCS_STATE_DIR`, else `/var/lib/vmcs`.
pub fn default_state_dir() -> PathBuf {
    std::env::var_os("VMCS_STATE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/lib/vmcs"))
}

/// Whether a program is on `PATH`.
pub fn which(prog: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(prog).is_file()))
}

/// The user running vmcs (`SUDO_USER` when run through sudo).
pub fn current_user() -> String {
    ["SUDO_USER", "USER", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|u| vmcs_model::checked::check_user_name(u).is_ok())
        .unwrap_or_else(|| "root".into())
}

/// One VM spawned from a profile: its name, host name, MACs, IPv4 addresses and UUID.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instance {
    pub name: String,
    pub hostname: String,
    pub macs: Vec<String>,
    pub ipv4: Vec<Option<Ipv4Addr>>,
    pub uuid: String,
}

fn uuid_for(name: &str, deterministic: bool) -> String {
    let mut b = [0u8; 16];
    if deterministic
        || std::fs::File::open("/dev/urandom")
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut b))
            .is_err()
    {
        let h = cache::key_of(&["uuid", name]) + &cache::key_of(&["uuid2", name]);
        for (i, byte) in b.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap_or(0);
        }
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// The instances of `o.count` VMs: the profile's name, or `NAME-i` (MACs derived from the
/// name keeping the profile's first three octets, static addresses the next free ones of the
/// subnet). Fails when the subnet has no room for them.
pub fn instances(p: &VmProfile, o: &SpawnOptions) -> Result<Vec<Instance>, SpawnError> {
    let count = o.count.max(1);
    let taken = &o.taken;
    let mut out = Vec::new();
    for i in 0..count {
        let name = match o.names.get(i as usize) {
            Some(n) => n.clone(),
            None if count == 1 => p.vm.name.to_string(),
            None => format!("{}-{}", p.vm.name, i + 1),
        };
        vmcs_model::checked::check_vm_name(&name).map_err(SpawnError::Unsupported)?;
        let hostname = if name == p.vm.name.as_str() {
            p.system.hostname.to_string()
        } else {
            let h = format!(
                "{}-{}",
                p.system.hostname.split('.').next().unwrap_or("vm"),
                i + 1
            );
            if vmcs_model::checked::check_host_name(&h).is_ok() && h.len() <= 63 {
                h
            } else {
                name.clone()
            }
        };
        let macs = p
            .network
            .interfaces
            .iter()
            .map(|n| {
                let mac = n.mac.to_lowercase();
                if name == p.vm.name.as_str() {
                    return mac;
                }
                let h = cache::key_of(&["mac", &name, &n.name]);
                format!("{}:{}:{}:{}", &mac[..8], &h[0..2], &h[2..4], &h[4..6])
            })
            .collect();
        let mut ipv4 = Vec::new();
        for n in &p.network.interfaces {
            let a = if count == 1 {
                // One VM gets exactly the address its profile plans, if no other VM has it.
                let a = n
                    .ipv4
                    .address
                    .filter(|_| n.ipv4.method == vmcs_model::AddrMethod::Static);
                if let Some(a) = a.filter(|a| taken.contains(a)) {
                    return Err(SpawnError::Unsupported(format!(
                        "address {a} on bridge `{}` is already used by another VM (see `vmcs list`); give this one another address, or spawn copies with --count",
                        n.bridge
                    )));
                }
                a
            } else {
                // Copy i takes the i-th free address from the profile's on.
                vmcs_model::net::nth_address(n, i, taken).map_err(SpawnError::Unsupported)?
            };
            ipv4.push(a);
        }
        out.push(Instance {
            uuid: uuid_for(&name, o.deterministic),
            name,
            hostname,
            macs,
            ipv4,
        });
    }
    Ok(out)
}

/// Hash of the profile (which VM record came from which profile).
pub fn profile_hash(p: &VmProfile) -> String {
    cache::key_of(&[&serde_json::to_string(p).unwrap_or_default()])
}

fn default_log(o: &SpawnOptions, p: &VmProfile) -> PathBuf {
    o.log.clone().unwrap_or_else(|| {
        let t = if o.deterministic {
            0
        } else {
            vmcs_store::now()
        };
        o.state_dir
            .join("logs")
            .join(format!("{}-{t}.log", p.vm.name))
    })
}

/// Build the plan of a spawn: check the profile, look up the cache, list every step.
pub fn plan(p: &VmProfile, o: &SpawnOptions) -> Result<SpawnPlan, SpawnError> {
    p.validate()?;
    if !o.trusted {
        let asks = p.host_access();
        if !asks.is_empty() {
            let lines: Vec<String> = asks
                .iter()
                .map(|(path, what)| format!("  {path}: {what}"))
                .collect();
            return Err(SpawnError::Untrusted(lines.join("\n")));
        }
    }
    let store = if o.state_dir.join("vmcs.db").exists() {
        Some(Store::open(&o.state_dir)?)
    } else {
        None
    };
    // Addresses other VMs vmcs made use on the same bridges.
    let mut o = o.clone();
    if let Some(s) = &store {
        let bridges: Vec<&str> = p
            .network
            .interfaces
            .iter()
            .map(|n| n.bridge.as_str())
            .collect();
        for row in s.instances(None)? {
            let Ok(m) = Machine::from_json(&row.machine) else {
                continue;
            };
            for nic in m
                .nics
                .iter()
                .filter(|n| bridges.contains(&n.bridge.as_str()))
            {
                if let Some(a) = nic.ipv4.as_ref().and_then(|a| a.parse().ok()) {
                    o.taken.push(a);
                }
            }
        }
    }
    let o = &o;
    let insts = instances(p, o)?;
    for i in &insts {
        let taken = match &store {
            Some(s) => s.instance(&i.name)?.is_some(),
            None => false,
        };
        if taken || o.state_dir.join("vms").join(&i.name).exists() {
            return Err(SpawnError::Exists(i.name.clone()));
        }
    }
    let ctx = stages::Ctx::new(p, o, store.as_ref());
    let layers = vec![
        stages::system::base_layer(&ctx),
        stages::software::package_layer(&ctx),
        stages::image_layer(&ctx),
    ];
    let hash = profile_hash(p);
    let vms = insts
        .iter()
        .map(|i| stages::vm_plan(&ctx, i, &hash))
        .collect::<Result<Vec<_>, _>>()?;
    let mut plan = SpawnPlan {
        state_dir: o.state_dir.clone(),
        log: default_log(o, p),
        layers,
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
    pub machines: Vec<Machine>,
}

/// Plan and build the disks of a spawn (`vmcs spawn` before a driver starts the VMs). With
/// `dry_run`, only plans. The instances are recorded in the store in state `defined`.
pub fn build(p: &VmProfile, o: &SpawnOptions) -> Result<(SpawnPlan, SpawnReport), SpawnError> {
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
        machines: plan.vms.iter().map(|v| v.machine.clone()).collect(),
    };
    if o.dry_run {
        return Ok((plan, report));
    }
    let runner = runner::Runner::new(&plan.log, false);
    exec::execute(&plan, &runner, o)?;
    Ok((plan, report))
}

/// The VM directory of an instance (its disks, serial log, sockets).
pub fn vm_dir(state_dir: &Path, name: &str) -> PathBuf {
    state_dir.join("vms").join(name)
}
