//! V-MCS's four spawn stages, each adding its steps to the plan: [`system`], [`software`],
//! [`storage`] and [`network`]. This module holds what they share (the [`Ctx`] with the
//! layer keys and paths) and assembles the image layer and the per-VM plans from them.

pub mod network;
pub mod software;
pub mod storage;
pub mod system;

use crate::cache::{build_dir, has_layer, key_of, layer_dir};
use crate::plan::{Action, LayerPlan, Record, Stage, Step, VmPlan};
use crate::{s, Instance, SpawnError, SpawnOptions};
use std::path::PathBuf;
use vmcs_model::VmProfile;
use vmcs_store::Store;

/// Bumped whenever a layer recipe changes, so old layers are not reused.
pub const RECIPE: &str = "vmcs-layers-3";

/// Bumped when only the image layer's recipe changes (its boot files, the lean boot), so the
/// base and package layers (debootstrap, apt) stay reusable.
pub const IMAGE_RECIPE: &str = "vmcs-image-4";

/// What every stage needs: the profile, the options, and the layers' keys and paths.
pub struct Ctx<'a> {
    pub p: &'a VmProfile,
    pub o: &'a SpawnOptions,
    pub store: Option<&'a Store>,
    pub base_key: String,
    pub pkg_key: String,
    pub img_key: String,
}

impl<'a> Ctx<'a> {
    pub fn new(p: &'a VmProfile, o: &'a SpawnOptions, store: Option<&'a Store>) -> Ctx<'a> {
        let base_key = system::base_key(p);
        let pkg_key = software::package_key(p, &base_key);
        let img_key = image_key(p, &pkg_key);
        Ctx {
            p,
            o,
            store,
            base_key,
            pkg_key,
            img_key,
        }
    }

    /// The finished directory of a layer.
    pub fn layer(&self, kind: &str) -> PathBuf {
        layer_dir(&self.o.state_dir, kind, self.key(kind))
    }

    /// Where a layer is built.
    pub fn build(&self, kind: &str) -> PathBuf {
        if self.o.deterministic {
            return self
                .o
                .state_dir
                .join("layers")
                .join(format!(".build-{kind}-{}.PID", self.key(kind)));
        }
        build_dir(&self.o.state_dir, kind, self.key(kind))
    }

    pub fn key(&self, kind: &str) -> &str {
        match kind {
            "base" => &self.base_key,
            "pkg" => &self.pkg_key,
            _ => &self.img_key,
        }
    }

    pub fn cached(&self, kind: &str) -> bool {
        has_layer(self.store, &self.o.state_dir, kind, self.key(kind))
    }

    /// `chroot ROOT ARGS...`
    pub fn chroot(&self, root: &std::path::Path, args: &[&str]) -> Vec<String> {
        let mut v = vec![s("chroot"), root.display().to_string()];
        v.extend(args.iter().map(|a| a.to_string()));
        v
    }

    /// The steps that finish a layer: rename the build directory into place, record it.
    pub fn finish_layer(&self, kind: &str, parent: Option<&str>, steps: &mut Vec<Step>) {
        let final_dir = self.layer(kind);
        steps.push(Step::new(
            Stage::Cache,
            format!("put the {kind} layer in place"),
            Action::Rename {
                from: self.build(kind),
                to: final_dir.clone(),
            },
        ));
        steps.push(Step::record(
            format!("record the {kind} layer"),
            Record::Layer {
                key: self.key(kind).to_string(),
                kind: kind.to_string(),
                parent: parent.map(|p| self.key(p).to_string()),
                path: final_dir,
            },
        ));
    }

    /// A layer plan (no steps when cached).
    pub fn layer_plan(&self, kind: &str, steps: Vec<Step>) -> LayerPlan {
        let cached = self.cached(kind);
        LayerPlan {
            kind: kind.to_string(),
            key: self.key(kind).to_string(),
            path: self.layer(kind),
            build: self.build(kind),
            cached,
            steps: if cached { Vec::new() } else { steps },
        }
    }
}

/// The image layer key: the packages plus everything of `/system`, `/storage` and the
/// network methods that is the same for every VM of the profile, and the lean-boot lists
/// (a change to them builds new images).
pub fn image_key(p: &VmProfile, pkg_key: &str) -> String {
    let sys = &p.system;
    let parts = serde_json::json!([
        sys.users,
        sys.root,
        sys.locale,
        sys.timezone,
        sys.services,
        sys.units,
        sys.files,
        sys.kernel,
        p.storage,
        p.hardware.disks,
        crate::guest::needs_networkd(p),
        crate::guest::LEAN_DISABLE,
        crate::guest::LEAN_MASK,
        crate::guest::LEAN_GENERATORS,
        crate::guest::SSHD_DROPIN,
    ]);
    key_of(&[RECIPE, IMAGE_RECIPE, "image", pkg_key, &parts.to_string()])
}

/// The image layer: the package tree configured for the profile (system and network
/// stages), then its filesystem images (storage stage).
pub fn image_layer(ctx: &Ctx<'_>) -> LayerPlan {
    let b = ctx.build("img");
    let tree = b.join("tree");
    let mut steps = vec![
        Step::mkdir(Stage::System, "create the image layer directory", b.clone()),
        Step::run(
            Stage::System,
            "copy the package tree",
            vec![
                s("cp"),
                s("-a"),
                s("--reflink=auto"),
                ctx.layer("pkg").join("root").display().to_string(),
                tree.display().to_string(),
            ],
        ),
    ];
    system::configure(ctx, &tree, &mut steps);
    network::configure_image(ctx, &tree, &mut steps);
    system::boot_files(ctx, &tree, &b, &mut steps);
    storage::images(ctx, &tree, &b, &mut steps);
    steps.push(Step::run(
        Stage::Storage,
        "drop the image tree",
        vec![s("rm"), s("-rf"), tree.display().to_string()],
    ));
    ctx.finish_layer("img", Some("pkg"), &mut steps);
    ctx.layer_plan("img", steps)
}

/// All steps of one VM: its disks (storage), its own files (system, network) as a seed, and
/// the record of its machine spec.
pub fn vm_plan(ctx: &Ctx<'_>, inst: &Instance, profile_hash: &str) -> Result<VmPlan, SpawnError> {
    let dir = crate::vm_dir(&ctx.o.state_dir, &inst.name);
    let mut steps = vec![Step::mkdir(
        Stage::Storage,
        "create the VM directory",
        dir.clone(),
    )];
    let disks = storage::vm_disks(ctx, &dir, &mut steps);
    let mut seed = system::vm_seed(ctx, inst, &dir, &mut steps);
    seed.extend(network::vm_seed(ctx, inst));
    let boot = system::vm_boot(ctx, &dir, seed, &mut steps);
    let machine = crate::Machine {
        name: inst.name.clone(),
        profile: ctx.p.vm.name.to_string(),
        owner: ctx
            .o
            .owner
            .clone()
            .or_else(|| ctx.p.vm.owner.as_ref().map(|o| o.to_string()))
            .unwrap_or_else(crate::current_user),
        uuid: inst.uuid.clone(),
        hostname: inst.hostname.clone(),
        arch: ctx.p.hardware.arch,
        hypervisor: ctx.p.hardware.hypervisor,
        vcpus: ctx.p.hardware.vcpus.get(),
        memory_mib: ctx.p.hardware.memory.get(),
        maxmem_mib: ctx.p.hardware.maxmem.get(),
        boot,
        disks,
        cdroms: ctx
            .p
            .hardware
            .cdroms
            .iter()
            .map(|c| (c.device.to_string(), PathBuf::from(c.iso.as_str())))
            .collect(),
        nics: network::vm_nics(ctx, inst),
        shares: storage::vm_shares(ctx),
        dir: dir.clone(),
        ssh_user: system::ssh_user(ctx.p),
        layer: ctx.img_key.clone(),
        profile_hash: profile_hash.to_string(),
    };
    steps.push(Step::record(
        "record the VM's machine",
        Record::Instance {
            name: inst.name.clone(),
            machine: machine.to_json(),
        },
    ));
    Ok(VmPlan {
        name: inst.name.clone(),
        steps,
        machine,
    })
}
