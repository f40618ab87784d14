//! The cached layers: base (debootstrap), packages (apt + ISO/dir software), system image.
//!
//! Each layer is keyed by a hash of what it is made of, so a second VM with the same
//! distribution and software reuses them and runs neither debootstrap nor apt:
//! - base: `layers/base-KEY/root`, a debootstrap tree with the kernel package;
//! - packages: `layers/pkg-KEY/root`, a copy of the base plus exactly `/software/resolved`;
//! - image: `layers/img-KEY/root.img` (raw ext4 built with `mkfs.ext4 -d`, no mount) plus
//!   `vmlinuz` and `initrd.img` for direct boot, with users, locale, timezone and fstab.

use crate::plan::{LayerPlan, Record, Stage, Step, Undo};
use crate::{guest, s, SpawnOptions};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use vmcs_model::{BootMethod, Source, VmProfile};

/// Short content hash of a canonical description.
pub fn key_of(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())[..16].to_string()
}

/// Package names to install with apt: `/software/resolved` (apt ones), or the requested names.
pub fn package_names(p: &VmProfile) -> Vec<String> {
    if p.software.resolved.is_empty() {
        return p
            .software
            .packages
            .values()
            .filter(|r| r.source == Source::Apt)
            .map(|r| r.name.clone())
            .collect();
    }
    p.software
        .resolved
        .iter()
        .filter(|r| r.source == Source::Apt)
        .map(|r| r.name.clone())
        .collect()
}

/// apt arguments: `name=version` for the resolved set, bare names for the fallback.
pub fn apt_args(p: &VmProfile) -> Vec<String> {
    if p.software.resolved.is_empty() {
        return package_names(p);
    }
    let mut rs: Vec<_> = p
        .software
        .resolved
        .iter()
        .filter(|r| r.source == Source::Apt)
        .collect();
    rs.sort_by_key(|r| r.order);
    rs.iter()
        .map(|r| format!("{}={}", r.name, r.version))
        .collect()
}

/// ISO/dir software to install after apt, in install order: (name, knowledge).
fn extra_software(p: &VmProfile) -> Vec<&vmcs_model::PackageKnowledge> {
    let mut names: Vec<(u32, &str)> = p
        .software
        .resolved
        .iter()
        .filter(|r| matches!(r.source, Source::Iso | Source::Dir))
        .map(|r| (r.order, r.name.as_str()))
        .collect();
    if p.software.resolved.is_empty() {
        names = p
            .software
            .packages
            .values()
            .filter(|r| matches!(r.source, Source::Iso | Source::Dir))
            .map(|r| (0, r.name.as_str()))
            .collect();
    }
    names.sort();
    names
        .iter()
        .filter_map(|(_, n)| p.software.knowledge.get(*n))
        .collect()
}

pub fn base_key(p: &VmProfile) -> String {
    let os = &p.system.os;
    key_of(&[
        "base",
        &os.suite,
        &format!("{:?}", os.arch),
        &os.variant,
        &os.mirror,
        &p.system.kernel.package,
    ])
}

pub fn package_key(p: &VmProfile) -> String {
    let extra: Vec<String> = extra_software(p)
        .iter()
        .map(|k| serde_json::to_string(k).unwrap_or_default())
        .collect();
    key_of(&[
        "packages",
        &base_key(p),
        &apt_args(p).join(" "),
        &extra.join("\n"),
    ])
}

/// The image layer key: packages plus everything of `/system` and the root image that is
/// the same for every VM of the profile.
pub fn image_key(p: &VmProfile) -> String {
    let sys = &p.system;
    let parts = serde_json::json!([
        sys.users,
        sys.root,
        sys.locale,
        sys.timezone,
        sys.services,
        sys.kernel,
        p.storage,
        p.hardware.disks
    ]);
    key_of(&["image", &package_key(p), &parts.to_string()])
}

/// The root image of the profile: (name, image) of the one mounted at `/`.
pub fn root_image(p: &VmProfile) -> Option<(&String, &vmcs_model::Image)> {
    p.storage
        .images
        .iter()
        .find(|(_, i)| i.mount.as_deref() == Some("/"))
}

fn chroot(root: &Path, args: &[&str]) -> Vec<String> {
    let mut v = vec![s("chroot"), root.display().to_string()];
    v.extend(args.iter().map(|a| a.to_string()));
    v
}

fn maybe_eatmydata(o: &SpawnOptions, mut argv: Vec<String>) -> Vec<String> {
    if o.eatmydata {
        argv.insert(0, s("eatmydata"));
    }
    argv
}

/// Base layer: debootstrap with the kernel package.
pub fn base_layer(p: &VmProfile, o: &SpawnOptions, cached: bool) -> LayerPlan {
    let key = base_key(p);
    let dir = o.state_dir.join("layers").join(format!("base-{key}"));
    let root = dir.join("root");
    let os = &p.system.os;
    let mut steps = vec![Step::mkdir(
        Stage::System,
        "create the base layer directory",
        dir.clone(),
    )];
    let mut argv = vec![s("debootstrap")];
    if os.variant != "-" {
        argv.push(format!("--variant={}", os.variant));
    }
    argv.push(format!("--arch={}", crate::arch_name(os.arch)));
    argv.push(format!("--include={}", p.system.kernel.package));
    argv.extend([
        os.suite.clone(),
        root.display().to_string(),
        os.mirror.clone(),
    ]);
    steps.push(
        Step::run(
            Stage::System,
            "debootstrap the root filesystem",
            maybe_eatmydata(o, argv),
        )
        .undo(Undo::Remove { path: root.clone() }),
    );
    steps.push(Step::run(
        Stage::System,
        "drop downloaded .debs",
        chroot(&root, &["apt-get", "clean"]),
    ));
    steps.push(Step::record(
        "record the base layer",
        Record::Layer {
            key: key.clone(),
            kind: "base".into(),
            parent: None,
            path: dir.clone(),
        },
    ));
    LayerPlan {
        kind: "base".into(),
        key,
        path: dir,
        cached,
        steps: if cached { Vec::new() } else { steps },
    }
}

/// Package layer: copy of the base, then apt of exactly the resolved set, then ISO/dir software.
pub fn package_layer(p: &VmProfile, o: &SpawnOptions, cached: bool) -> LayerPlan {
    let key = package_key(p);
    let dir = o.state_dir.join("layers").join(format!("pkg-{key}"));
    let root = dir.join("root");
    let base_root = o
        .state_dir
        .join("layers")
        .join(format!("base-{}", base_key(p)))
        .join("root");
    let mut steps = vec![Step::mkdir(
        Stage::Software,
        "create the package layer directory",
        dir.clone(),
    )];
    steps.push(Step::run(
        Stage::Software,
        "copy the base tree",
        vec![
            s("cp"),
            s("-a"),
            s("--reflink=auto"),
            base_root.display().to_string(),
            root.display().to_string(),
        ],
    ));
    steps.push(Step::write(
        Stage::Software,
        "keep services from starting in the chroot",
        root.join("usr/sbin/policy-rc.d"),
        0o755,
        guest::POLICY_RC_D.into(),
    ));
    steps.push(Step::run(
        Stage::Software,
        "let the chroot resolve the mirror",
        vec![
            s("cp"),
            s("-L"),
            s("/etc/resolv.conf"),
            root.join("etc/resolv.conf").display().to_string(),
        ],
    ));
    let pkgs = apt_args(p);
    if !pkgs.is_empty() {
        steps.push(
            Step::run(
                Stage::Software,
                "refresh the package lists",
                chroot(&root, &["apt-get", "-q", "update"]),
            )
            .env("DEBIAN_FRONTEND", "noninteractive"),
        );
        let mut argv = chroot(
            &root,
            &[
                "apt-get",
                "-q",
                "-y",
                "--no-install-recommends",
                "-o",
                "Dpkg::Options::=--force-confdef",
                "-o",
                "Dpkg::Options::=--force-confold",
                "-o",
                "Dpkg::Options::=--force-unsafe-io",
                "install",
            ],
        );
        argv.extend(pkgs);
        steps.push(
            Step::run(Stage::Software, "install the resolved packages", argv)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        );
    }
    for k in extra_software(p) {
        let dest = format!("/tmp/vmcs-src/{}", k.name);
        let host_dest = root.join(dest.trim_start_matches('/'));
        steps.push(Step::mkdir(
            Stage::Software,
            format!("prepare the source of `{}`", k.name),
            root.join("tmp/vmcs-src"),
        ));
        match k.source {
            Source::Dir => {
                let src = k.location.clone().unwrap_or_default();
                steps.push(Step::run(
                    Stage::Software,
                    format!("copy `{}` from {src}", k.name),
                    vec![
                        s("cp"),
                        s("-a"),
                        format!("{src}/."),
                        host_dest.display().to_string(),
                    ],
                ));
            }
            _ => {
                let iso = p
                    .hardware
                    .cdroms
                    .first()
                    .map(|c| c.iso.clone())
                    .unwrap_or_default();
                let loc = k.location.clone().unwrap_or_default();
                let argv = vec![
                    s("xorriso"),
                    s("-osirrox"),
                    s("on"),
                    s("-indev"),
                    iso,
                    s("-extract"),
                    format!("/{}", loc.trim_start_matches('/')),
                    host_dest.display().to_string(),
                ];
                steps.push(Step::run(
                    Stage::Software,
                    format!("extract `{}` from the CD-ROM", k.name),
                    argv,
                ));
            }
        }
        if let Some(install) = &k.install {
            // The one place a shell runs: the knowledge entry's install command, inside the chroot.
            let script = format!("cd {dest} && {install}");
            steps.push(
                Step::run(
                    Stage::Software,
                    format!("install `{}` {}", k.name, k.version),
                    chroot(&root, &["/bin/sh", "-c", &script]),
                )
                .env("DEBIAN_FRONTEND", "noninteractive"),
            );
        }
        steps.push(Step::run(
            Stage::Software,
            format!("remove the source of `{}`", k.name),
            vec![
                s("rm"),
                s("-rf"),
                root.join("tmp/vmcs-src").display().to_string(),
            ],
        ));
    }
    steps.push(Step::run(
        Stage::Software,
        "clean up the chroot",
        vec![
            s("rm"),
            s("-f"),
            root.join("usr/sbin/policy-rc.d").display().to_string(),
            root.join("etc/resolv.conf").display().to_string(),
        ],
    ));
    steps.push(Step::run(
        Stage::Software,
        "drop downloaded .debs",
        chroot(&root, &["apt-get", "clean"]),
    ));
    steps.push(Step::record(
        "record the package layer",
        Record::Layer {
            key: key.clone(),
            kind: "packages".into(),
            parent: Some(base_key(p)),
            path: dir.clone(),
        },
    ));
    LayerPlan {
        kind: "packages".into(),
        key,
        path: dir,
        cached,
        steps: if cached { Vec::new() } else { steps },
    }
}

/// Files every VM writes itself (the image layer leaves them out): path inside the guest.
pub const PER_VM_FILES: &[&str] = &[
    "/etc/hostname",
    "/etc/hosts",
    "/etc/machine-id",
    "/etc/resolv.conf",
];

/// Image layer: users, locale, timezone, fstab, boot files, then `mkfs.ext4 -d`.
pub fn image_layer(p: &VmProfile, o: &SpawnOptions, cached: bool) -> LayerPlan {
    let key = image_key(p);
    let dir = o.state_dir.join("layers").join(format!("img-{key}"));
    let tree = dir.join("tree");
    let pkg_root = o
        .state_dir
        .join("layers")
        .join(format!("pkg-{}", package_key(p)))
        .join("root");
    let mut steps = vec![Step::mkdir(
        Stage::System,
        "create the image layer directory",
        dir.clone(),
    )];
    steps.push(Step::run(
        Stage::System,
        "copy the package tree",
        vec![
            s("cp"),
            s("-a"),
            s("--reflink=auto"),
            pkg_root.display().to_string(),
            tree.display().to_string(),
        ],
    ));
    for u in &p.system.users {
        let mut argv = chroot(&tree, &["useradd", "--create-home", "--shell", &u.shell]);
        if let Some(uid) = u.uid {
            argv.extend([s("--uid"), uid.to_string()]);
        }
        if !u.groups.is_empty() {
            argv.extend([s("--groups"), u.groups.join(",")]);
        }
        argv.push(u.name.clone());
        steps.push(Step::run(
            Stage::System,
            format!("create user `{}`", u.name),
            argv,
        ));
        if !u.ssh_keys.is_empty() {
            let ssh = tree.join("home").join(&u.name).join(".ssh");
            steps.push(Step::mkdir(
                Stage::System,
                format!("create ~{}/.ssh", u.name),
                ssh.clone(),
            ));
            steps.push(Step::write(
                Stage::System,
                format!("authorize the SSH keys of `{}`", u.name),
                ssh.join("authorized_keys"),
                0o600,
                u.ssh_keys.join("\n") + "\n",
            ));
            let home_ssh = format!("/home/{}/.ssh", u.name);
            steps.push(Step::run(
                Stage::System,
                format!("give ~{}/.ssh to its owner", u.name),
                chroot(
                    &tree,
                    &["chown", "-R", &format!("{0}:{0}", u.name), &home_ssh],
                ),
            ));
        }
        if u.sudo {
            steps.push(Step::mkdir(
                Stage::System,
                "create /etc/sudoers.d",
                tree.join("etc/sudoers.d"),
            ));
            steps.push(Step::write(
                Stage::System,
                format!("let `{}` use sudo", u.name),
                tree.join("etc/sudoers.d").join(&u.name),
                0o440,
                format!("{} ALL=(ALL:ALL) ALL\n", u.name),
            ));
        }
    }
    let root_pw = match &p.system.root.password_hash {
        Some(h) => chroot(&tree, &["usermod", "--password", h, "root"]),
        None => chroot(&tree, &["passwd", "--lock", "root"]),
    };
    steps.push(Step::run(Stage::System, "set the root password", root_pw));
    if !p.system.root.ssh_keys.is_empty() {
        steps.push(Step::mkdir(
            Stage::System,
            "create /root/.ssh",
            tree.join("root/.ssh"),
        ));
        steps.push(Step::write(
            Stage::System,
            "authorize root's SSH keys",
            tree.join("root/.ssh/authorized_keys"),
            0o600,
            p.system.root.ssh_keys.join("\n") + "\n",
        ));
    }
    steps.push(Step::write(
        Stage::System,
        "set the locale",
        tree.join("etc/default/locale"),
        0o644,
        guest::locale(p),
    ));
    steps.push(Step::write(
        Stage::System,
        "set the timezone name",
        tree.join("etc/timezone"),
        0o644,
        format!("{}\n", p.system.timezone),
    ));
    steps.push(Step::run(
        Stage::System,
        "link /etc/localtime",
        vec![
            s("ln"),
            s("-sfn"),
            format!("/usr/share/zoneinfo/{}", p.system.timezone),
            tree.join("etc/localtime").display().to_string(),
        ],
    ));
    steps.push(Step::write(
        Stage::Storage,
        "write fstab",
        tree.join("etc/fstab"),
        0o644,
        guest::fstab(p),
    ));
    for svc in &p.system.services {
        steps.push(Step::run(
            Stage::System,
            format!("enable `{svc}`"),
            chroot(&tree, &["systemctl", "enable", svc]),
        ));
    }
    let root_dev = root_image(p)
        .and_then(|(n, _)| p.hardware.disks.iter().find(|d| &d.image == n))
        .map(|d| d.device.clone())
        .unwrap_or_else(|| s("xvda"));
    if p.system.kernel.boot != BootMethod::Direct {
        steps.push(Step::mkdir(
            Stage::System,
            "create /boot/grub",
            tree.join("boot/grub"),
        ));
        steps.push(Step::write(
            Stage::System,
            "write the grub config read by pygrub",
            tree.join("boot/grub/grub.cfg"),
            0o644,
            guest::grub_cfg(p, &root_dev),
        ));
    }
    for f in ["vmlinuz", "initrd.img"] {
        steps.push(Step::run(
            Stage::System,
            format!("extract /{f} for direct boot"),
            vec![
                s("cp"),
                s("-L"),
                tree.join(f).display().to_string(),
                dir.join(f).display().to_string(),
            ],
        ));
    }
    for d in ["etc/ssh", "etc/systemd/network", "etc/network", "etc/vmcs"] {
        steps.push(Step::mkdir(
            Stage::System,
            format!("create /{d}"),
            tree.join(d),
        ));
    }
    // Leave out what each VM writes itself, and the directories it writes into.
    let mut rm = vec![s("rm"), s("-f")];
    rm.extend(
        PER_VM_FILES
            .iter()
            .map(|f| tree.join(f.trim_start_matches('/')).display().to_string()),
    );
    rm.push(tree.join("var/lib/dbus/machine-id").display().to_string());
    steps.push(Step::run(Stage::System, "leave out the per-VM files", rm));
    steps.push(Step::run(
        Stage::System,
        "drop the SSH host keys (each VM gets its own)",
        vec![
            s("find"),
            tree.join("etc/ssh").display().to_string(),
            s("-maxdepth"),
            s("1"),
            s("-name"),
            s("ssh_host_*"),
            s("-delete"),
        ],
    ));
    let (name, size) = root_image(p)
        .map(|(n, i)| (n.clone(), i.size))
        .unwrap_or_else(|| (s("root"), 2048));
    let argv = vec![
        s("mkfs.ext4"),
        s("-q"),
        s("-F"),
        s("-L"),
        name,
        s("-d"),
        tree.display().to_string(),
        dir.join("root.img").display().to_string(),
        format!("{size}M"),
    ];
    steps.push(Step::run(
        Stage::Storage,
        "build the root filesystem image (mkfs.ext4 -d, no mount)",
        argv,
    ));
    steps.push(Step::run(
        Stage::Storage,
        "drop the image tree",
        vec![s("rm"), s("-rf"), tree.display().to_string()],
    ));
    steps.push(Step::record(
        "record the image layer",
        Record::Layer {
            key: key.clone(),
            kind: "image".into(),
            parent: Some(package_key(p)),
            path: dir.clone(),
        },
    ));
    LayerPlan {
        kind: "image".into(),
        key,
        path: dir,
        cached,
        steps: if cached { Vec::new() } else { steps },
    }
}

/// The image layer's files a VM uses.
pub fn image_files(p: &VmProfile, o: &SpawnOptions) -> (PathBuf, PathBuf, PathBuf) {
    let dir = o
        .state_dir
        .join("layers")
        .join(format!("img-{}", image_key(p)));
    (
        dir.join("root.img"),
        dir.join("vmlinuz"),
        dir.join("initrd.img"),
    )
}
