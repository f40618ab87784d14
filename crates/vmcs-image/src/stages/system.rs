//! The system stage: the base layer (debootstrap with the guest's own archives), the
//! system configuration of the image (users, root, locale, time zone, units, files, enabled
//! services, a lean set of boot units), the boot files (kernel, vmcs's initramfs), and each
//! VM's own identity (host name, machine id, SSH host key, keys vmcs logs in with).

use super::Ctx;
use crate::cache::key_of;
use crate::plan::{Action, LayerPlan, SeedFile, SeedSource, Stage, Step};
use crate::{guest, s, Boot, Instance};
use std::path::{Path, PathBuf};
use vmcs_model::{BootMethod, GuestPath, VmProfile};

/// Packages every guest needs to boot, be reached and be powered off (logind handles the
/// ACPI power button and needs dbus), added to debootstrap's set.
pub const BOOT_SET: &[&str] = &["systemd-sysv", "udev", "kmod", "iproute2", "dbus"];

fn gp(p: &str) -> GuestPath {
    GuestPath::new(p).expect("a literal guest path")
}

pub fn base_key(p: &VmProfile) -> String {
    let os = &p.system.os;
    let repos = vmcs_model::net::sources_list(&vmcs_model::net::repositories(p));
    key_of(&[
        super::RECIPE,
        "base",
        &os.suite,
        os.arch.debian(),
        &os.variant,
        &os.mirror,
        &p.system.kernel.package,
        &BOOT_SET.join(","),
        &repos,
    ])
}

/// The base layer: debootstrap (with the kernel and the boot set), the guest's sources.list,
/// no downloaded packages, lists or bootstrap log left inside.
pub fn base_layer(ctx: &Ctx<'_>) -> LayerPlan {
    let b = ctx.build("base");
    let root = b.join("root");
    let os = &ctx.p.system.os;
    let mut argv = Vec::new();
    if ctx.o.eatmydata {
        argv.push(s("eatmydata"));
    }
    argv.push(s("debootstrap"));
    if os.variant.as_str() != "-" {
        argv.push(format!("--variant={}", os.variant));
    }
    argv.push(format!("--arch={}", os.arch.debian()));
    let mut include = vec![ctx.p.system.kernel.package.to_string()];
    include.extend(BOOT_SET.iter().map(|x| x.to_string()));
    argv.push(format!("--include={}", include.join(",")));
    argv.extend([
        os.suite.to_string(),
        root.display().to_string(),
        os.mirror.to_string(),
    ]);
    let mut steps = vec![
        Step::mkdir(Stage::System, "create the base layer directory", b.clone()),
        // No Debian initramfs while bootstrapping: the kernel's hook and the initramfs-tools
        // trigger would build it twice (~36 s of a ~80 s debootstrap). Direct boot uses vmcs's
        // own initramfs; the image layer builds the guest's one when it boots its own.
        Step::run(Stage::System, "debootstrap the root filesystem", argv).env("INITRD", "No"),
        Step::write_guest(
            Stage::Software,
            "give the guest its archives (/software/repositories)",
            &root,
            gp("/etc/apt/sources.list"),
            0o644,
            vmcs_model::net::sources_list(&vmcs_model::net::repositories(ctx.p)),
        ),
        Step::run(
            Stage::System,
            "drop downloaded packages",
            ctx.chroot(&root, &["apt-get", "clean"]),
        ),
        Step::run(
            Stage::System,
            "drop the bootstrap log and package lists",
            vec![
                s("find"),
                root.join("var/lib/apt/lists").display().to_string(),
                root.join("var/log/bootstrap.log").display().to_string(),
                s("-mindepth"),
                s("0"),
                s("-type"),
                s("f"),
                s("-delete"),
            ],
        ),
    ];
    ctx.finish_layer("base", None, &mut steps);
    ctx.layer_plan("base", steps)
}

/// Who `vmcs ssh` logs in as: the first user of `/system/users`, else root.
pub fn ssh_user(p: &VmProfile) -> String {
    p.system
        .users
        .first()
        .map(|u| u.name.to_string())
        .unwrap_or_else(|| s("root"))
}

/// Whether the guest runs an SSH server.
pub fn has_sshd(p: &VmProfile) -> bool {
    crate::stages::software::package_names(p)
        .iter()
        .any(|n| n == "openssh-server")
}

/// The image's system configuration, written into `tree`.
pub fn configure(ctx: &Ctx<'_>, tree: &Path, steps: &mut Vec<Step>) {
    let p = ctx.p;
    for u in &p.system.users {
        for g in &u.groups {
            steps.push(Step::run(
                Stage::System,
                format!("make sure group `{g}` exists"),
                ctx.chroot(tree, &["groupadd", "-f", g]),
            ));
        }
        let mut argv = ctx.chroot(tree, &["useradd", "--create-home", "--shell", &u.shell]);
        if let Some(uid) = u.uid {
            argv.extend([s("--uid"), uid.to_string()]);
        }
        if !u.groups.is_empty() {
            let gs: Vec<&str> = u.groups.iter().map(|g| g.as_str()).collect();
            argv.extend([s("--groups"), gs.join(",")]);
        }
        argv.push(u.name.to_string());
        steps.push(Step::run(
            Stage::System,
            format!("create user `{}`", u.name),
            argv,
        ));
        if !u.ssh_keys.is_empty() {
            let keys: Vec<&str> = u.ssh_keys.iter().map(|k| k.as_str()).collect();
            let home = format!("/home/{}", u.name);
            steps.push(Step::write_guest(
                Stage::System,
                format!("authorize the SSH keys of `{}`", u.name),
                tree,
                gp(&format!("{home}/.ssh/authorized_keys")),
                0o600,
                keys.join("\n") + "\n",
            ));
            steps.push(Step::run(
                Stage::System,
                format!("give ~{}/.ssh to its owner", u.name),
                ctx.chroot(
                    tree,
                    &[
                        "chown",
                        "-R",
                        &format!("{0}:{0}", u.name),
                        &format!("{home}/.ssh"),
                    ],
                ),
            ));
        }
        if u.sudo {
            steps.push(Step::write_guest(
                Stage::System,
                format!("let `{}` use sudo", u.name),
                tree,
                gp(&format!("/etc/sudoers.d/vmcs-{}", u.name)),
                0o440,
                format!("{} ALL=(ALL:ALL) ALL\n", u.name),
            ));
        }
    }
    if let Some(h) = &p.system.root.password_hash {
        steps.push(Step::run(
            Stage::System,
            "set root's password hash",
            ctx.chroot(tree, &["usermod", "--password", h, "root"]),
        ));
    }
    if !p.system.root.ssh_keys.is_empty() {
        let keys: Vec<&str> = p.system.root.ssh_keys.iter().map(|k| k.as_str()).collect();
        steps.push(Step::write_guest(
            Stage::System,
            "authorize root's SSH keys",
            tree,
            gp("/root/.ssh/authorized_keys"),
            0o600,
            keys.join("\n") + "\n",
        ));
    }
    if has_sshd(p) {
        steps.push(Step::write_guest(
            Stage::System,
            "configure sshd (/system/root)",
            tree,
            gp("/etc/ssh/sshd_config.d/vmcs.conf"),
            0o644,
            guest::sshd_config(p),
        ));
        steps.push(Step::write_guest(
            Stage::System,
            "start sshd early, without a second configuration check",
            tree,
            gp("/etc/systemd/system/ssh.service.d/vmcs.conf"),
            0o644,
            guest::SSHD_DROPIN.into(),
        ));
    }
    steps.push(Step::write_guest(
        Stage::System,
        "set the locale",
        tree,
        gp("/etc/default/locale"),
        0o644,
        guest::locale(p),
    ));
    let zone = tree
        .join("usr/share/zoneinfo")
        .join(p.system.timezone.as_str());
    steps.push(Step::new(
        Stage::System,
        "check the time zone exists",
        Action::Check {
            paths: vec![zone],
            message: format!(
                "time zone `{}` (/system/timezone) is not in the guest's /usr/share/zoneinfo",
                p.system.timezone
            ),
        },
    ));
    steps.push(Step::write_guest(
        Stage::System,
        "set the time zone name",
        tree,
        gp("/etc/timezone"),
        0o644,
        format!("{}\n", p.system.timezone),
    ));
    steps.push(Step::run(
        Stage::System,
        "link /etc/localtime",
        ctx.chroot(
            tree,
            &[
                "ln",
                "-sfn",
                &format!("/usr/share/zoneinfo/{}", p.system.timezone),
                "/etc/localtime",
            ],
        ),
    ));
    for (name, u) in &p.system.units {
        steps.push(Step::write_guest(
            Stage::System,
            format!("write the unit `{name}` (/system/units)"),
            tree,
            gp(&format!("/etc/systemd/system/{name}.service")),
            0o644,
            guest::unit_file(name, u),
        ));
    }
    for (i, f) in p.system.files.iter().enumerate() {
        steps.push(Step::write_guest(
            Stage::System,
            format!("write {} (/system/files/{i})", f.path),
            tree,
            f.path.clone(),
            f.mode.get(),
            f.contents.clone(),
        ));
        if let Some(owner) = &f.owner {
            steps.push(Step::run(
                Stage::System,
                format!("give {} to `{owner}`", f.path),
                ctx.chroot(tree, &["chown", &format!("{owner}:"), &f.path]),
            ));
        }
    }
    for svc in &p.system.services {
        let unit = if let Some((prefix, _)) = svc.split_once('@') {
            format!("{prefix}@.service")
        } else {
            format!("{svc}.service")
        };
        let paths = [
            "lib/systemd/system",
            "usr/lib/systemd/system",
            "etc/systemd/system",
        ]
        .iter()
        .map(|d| tree.join(d).join(&unit))
        .collect();
        steps.push(Step::new(
            Stage::System,
            format!("check the unit of service `{svc}` exists"),
            Action::Check {
                paths,
                message: format!(
                    "service `{svc}` (/system/services) has no unit in the guest: no installed package provides `{unit}` and /system/units does not define it"
                ),
            },
        ));
        steps.push(Step::run(
            Stage::System,
            format!("enable `{svc}`"),
            ctx.chroot(tree, &["systemctl", "enable", svc]),
        ));
    }
    steps.push(Step::new(
        Stage::System,
        "keep the boot lean: no console gettys, no maintenance timers",
        Action::Systemd {
            root: tree.to_path_buf(),
            disable: guest::LEAN_DISABLE.iter().map(|x| x.to_string()).collect(),
            mask: if guest::needs_networkd(p) {
                guest::LEAN_MASK[1..]
                    .iter()
                    .map(|x| x.to_string())
                    .collect()
            } else {
                guest::LEAN_MASK.iter().map(|x| x.to_string()).collect()
            },
        },
    ));
    steps.push(Step::run(
        Stage::System,
        "keep the boot lean: a place for masked generators",
        ctx.chroot(tree, &["mkdir", "-p", "/etc/systemd/system-generators"]),
    ));
    for g in guest::LEAN_GENERATORS {
        steps.push(Step::run(
            Stage::System,
            format!("keep the boot lean: mask the generator {g}"),
            ctx.chroot(
                tree,
                &[
                    "ln",
                    "-sfn",
                    "/dev/null",
                    &format!("/etc/systemd/system-generators/{g}"),
                ],
            ),
        ));
    }
    // What each VM writes itself is left out of the image.
    let mut rm = vec![s("rm"), s("-f")];
    for f in [
        "etc/hostname",
        "etc/hosts",
        "etc/resolv.conf",
        "var/lib/dbus/machine-id",
    ] {
        rm.push(tree.join(f).display().to_string());
    }
    steps.push(Step::run(Stage::System, "leave out the per-VM files", rm));
    steps.push(Step::write_guest(
        Stage::System,
        "empty the machine id (each VM gets its own)",
        tree,
        gp("/etc/machine-id"),
        0o444,
        String::new(),
    ));
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
}

/// Boot files of the image layer (`B/vmlinux`, `B/initramfs.img`) and the grub config pygrub
/// reads.
pub fn boot_files(ctx: &Ctx<'_>, tree: &Path, b: &Path, steps: &mut Vec<Step>) {
    match ctx.p.system.kernel.boot {
        BootMethod::Direct => {
            steps.push(Step::new(
                Stage::System,
                "take the kernel for direct boot (unpacked: no decompression in the guest)",
                Action::Kernel {
                    tree: tree.to_path_buf(),
                    out: b.join("vmlinux"),
                },
            ));
            steps.push(Step::new(
                Stage::System,
                "build vmcs's initramfs (busybox and the boot modules)",
                Action::Initramfs {
                    tree: tree.to_path_buf(),
                    out: b.join("initramfs.img"),
                },
            ));
        }
        BootMethod::Pygrub => {
            let cmdline = format!(
                "root=LABEL={} rw {}",
                root_label(ctx.p),
                ctx.p.system.kernel.cmdline
            );
            steps.push(Step::write_guest(
                Stage::System,
                "write the grub config pygrub reads",
                tree,
                gp("/boot/grub/grub.cfg"),
                0o644,
                format!(
                    "# written by vmcs spawn\nset default=0\nset timeout=0\nmenuentry 'Debian {} ({})' {{\n    linux /vmlinuz {cmdline}\n    initrd /initrd.img\n}}\n",
                    ctx.p.system.os.suite, ctx.p.vm.name
                ),
            ));
            guest_initramfs(tree, steps);
            seed_unit(tree, steps);
        }
        BootMethod::Bootloader => {
            guest_initramfs(tree, steps);
            seed_unit(tree, steps);
        }
    }
}

/// The guest's own initramfs and its `/initrd.img` link, for a guest that boots its kernel
/// itself: the base layer is bootstrapped without one (`INITRD=No`).
fn guest_initramfs(tree: &Path, steps: &mut Vec<Step>) {
    steps.push(Step::run(
        Stage::System,
        "build the guest's own initramfs (update-initramfs) and its /initrd.img link",
        vec![
            s("chroot"),
            tree.display().to_string(),
            s("sh"),
            s("-ec"),
            s("for v in $(linux-version list); do [ -e /boot/initrd.img-$v ] || update-initramfs -c -k $v; linux-update-symlinks install $v /boot/vmlinuz-$v; done"),
        ],
    ));
}

/// The unit that applies a VM's seed disk when the guest boots its own initramfs.
fn seed_unit(tree: &Path, steps: &mut Vec<Step>) {
    steps.push(Step::write_guest(
        Stage::System,
        "install the seed unit (applies the VM's own files at boot)",
        tree,
        gp("/etc/systemd/system/vmcs-seed.service"),
        0o644,
        "# written by vmcs spawn\n[Unit]\nDescription=Apply the vmcs seed disk\nDefaultDependencies=no\nConditionPathExists=/dev/disk/by-label/VMCS-SEED\nAfter=local-fs.target\nBefore=network-pre.target systemd-networkd.service ssh.service sysinit.target\nWants=network-pre.target\n\n[Service]\nType=oneshot\nExecStart=/bin/sh -c 'mkdir -p /run/vmcs-seed && mount -o ro LABEL=VMCS-SEED /run/vmcs-seed && cp -a /run/vmcs-seed/seed/. / && hostname -F /etc/hostname; umount /run/vmcs-seed'\nRemainAfterExit=yes\n\n[Install]\nWantedBy=sysinit.target\n".into(),
    ));
    steps.push(Step::run(
        Stage::System,
        "enable the seed unit",
        vec![
            s("chroot"),
            tree.display().to_string(),
            s("systemctl"),
            s("enable"),
            s("vmcs-seed"),
        ],
    ));
}

/// The filesystem label of the root image.
pub fn root_label(p: &VmProfile) -> String {
    p.storage
        .images
        .iter()
        .find(|(_, i)| i.mount.as_ref().is_some_and(|m| m.as_str() == "/"))
        .map(|(n, i)| guest::fs_label(n, i.filesystem))
        .unwrap_or_else(|| s("root"))
}

fn machine_id(inst: &Instance, deterministic: bool) -> String {
    if deterministic {
        return key_of(&["machine-id", &inst.name]) + &key_of(&["machine-id-2", &inst.name]);
    }
    inst.uuid.replace('-', "")
}

/// Where vmcs keeps its own SSH key pair (it logs in to every VM with it).
pub fn management_key(state: &Path) -> PathBuf {
    state.join("ssh/id_ed25519")
}

/// The identity files of one VM for its seed, and the steps that make its host key.
pub fn vm_seed(ctx: &Ctx<'_>, inst: &Instance, dir: &Path, steps: &mut Vec<Step>) -> Vec<SeedFile> {
    let p = ctx.p;
    let text = |path: &str, mode: u32, t: String| SeedFile {
        path: gp(path),
        mode,
        source: SeedSource::Text(t),
    };
    let mut files = vec![
        text("/etc/hostname", 0o644, format!("{}\n", inst.hostname)),
        text("/etc/hosts", 0o644, guest::hosts(p, inst)),
        text(
            "/etc/machine-id",
            0o444,
            format!("{}\n", machine_id(inst, ctx.o.deterministic)),
        ),
        text(
            "/etc/vmcs/instance.json",
            0o644,
            format!(
                "{:#}\n",
                serde_json::json!({"name": inst.name, "profile": p.vm.name.as_str(), "uuid": inst.uuid,
                    "macs": inst.macs, "ipv4": inst.ipv4})
            ),
        ),
    ];
    if has_sshd(p) {
        let key = dir.join("ssh_host_ed25519_key");
        steps.push(Step::run(
            Stage::System,
            "generate the VM's SSH host key",
            vec![
                s("ssh-keygen"),
                s("-q"),
                s("-t"),
                s("ed25519"),
                s("-N"),
                s(""),
                s("-C"),
                format!("root@{}", inst.hostname),
                s("-f"),
                key.display().to_string(),
            ],
        ));
        files.push(SeedFile {
            path: gp("/etc/ssh/ssh_host_ed25519_key"),
            mode: 0o600,
            source: SeedSource::File(key.clone()),
        });
        files.push(SeedFile {
            path: gp("/etc/ssh/ssh_host_ed25519_key.pub"),
            mode: 0o644,
            source: SeedSource::File(key.with_extension("pub")),
        });
        let mgmt = management_key(&ctx.o.state_dir).with_extension("pub");
        files.push(SeedFile {
            path: gp("/root/.ssh/authorized_keys2"),
            mode: 0o600,
            source: SeedSource::File(mgmt.clone()),
        });
        let user = ssh_user(p);
        if user != "root" {
            files.push(SeedFile {
                path: gp(&format!("/home/{user}/.ssh/authorized_keys2")),
                mode: 0o644,
                source: SeedSource::File(mgmt),
            });
        }
    }
    files
}

/// How the VM boots, with the step that writes its seed.
pub fn vm_boot(ctx: &Ctx<'_>, dir: &Path, seed: Vec<SeedFile>, steps: &mut Vec<Step>) -> Boot {
    let img = ctx.layer("img");
    let cmdline = format!(
        "vmcs.root=LABEL={} {}",
        root_label(ctx.p),
        ctx.p.system.kernel.cmdline
    )
    .trim()
    .to_string();
    match ctx.p.system.kernel.boot {
        BootMethod::Direct => {
            let kernel = dir.join("vmlinux");
            steps.push(Step::new(
                Stage::System,
                "link the kernel into the VM directory",
                Action::Link {
                    from: img.join("vmlinux"),
                    to: kernel.clone(),
                },
            ));
            let initrd = dir.join("initrd.img");
            steps.push(Step::new(
                Stage::System,
                "write the VM's initrd (initramfs + its own files)",
                Action::Seed {
                    initramfs: img.join("initramfs.img"),
                    out: initrd.clone(),
                    files: seed,
                },
            ));
            Boot::Direct {
                kernel,
                initrd,
                cmdline,
            }
        }
        method => {
            steps.push(Step::new(
                Stage::System,
                "write the VM's seed disk (its own files)",
                Action::SeedDisk {
                    out: dir.join("seed.img"),
                    files: seed,
                },
            ));
            if method == BootMethod::Pygrub {
                Boot::Pygrub {
                    cmdline: ctx.p.system.kernel.cmdline.to_string(),
                }
            } else {
                Boot::Bootloader
            }
        }
    }
}
