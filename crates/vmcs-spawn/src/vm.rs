//! The per-VM steps: its disks from the image layer, its own files (hostname, machine-id, SSH
//! host keys, network) written with `debugfs` (no mount, no debootstrap, no apt), the host
//! network it needs, and the backend launch.

use crate::backend::{self, Backend, VmPaths};
use crate::plan::{Record, Stage, Step, Undo, VmPlan};
use crate::{guest, layers, s, Instance, QemuNet, SpawnOptions};
use std::path::Path;
use vmcs_model::{ImageFormat, VmProfile};

fn fmt_name(f: ImageFormat) -> &'static str {
    match f {
        ImageFormat::Raw => "raw",
        ImageFormat::Qcow2 => "qcow2",
    }
}

/// Paths of a VM's files.
pub fn vm_paths(p: &VmProfile, inst: &Instance, o: &SpawnOptions) -> VmPaths {
    let dir = o.state_dir.join("vms").join(&inst.name);
    let (_, kernel, initrd) = layers::image_files(p, o);
    let disks = p
        .hardware
        .disks
        .iter()
        .map(|d| {
            let f = p
                .storage
                .images
                .get(&d.image)
                .map(|i| i.format)
                .unwrap_or(ImageFormat::Raw);
            (
                d.device.clone(),
                dir.join(format!("disk-{}.{}", d.image, fmt_name(f))),
                fmt_name(f),
                d.readonly,
            )
        })
        .collect();
    VmPaths {
        dir,
        disks,
        kernel,
        initrd,
    }
}

fn machine_id(inst: &Instance, o: &SpawnOptions) -> String {
    let salt = if o.deterministic {
        String::new()
    } else {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        format!("{t}-{}", std::process::id())
    };
    crate::layers::key_of(&["machine-id", &inst.name, &salt])
        + &crate::layers::key_of(&["machine-id-2", &inst.name, &salt])
}

/// Bridges the spawn must create (deduplicated, only those that do not exist yet).
pub fn bridge_steps(p: &VmProfile) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut seen = Vec::new();
    for n in &p.network.interfaces {
        if !n.create_bridge
            || seen.contains(&n.bridge)
            || Path::new("/sys/class/net").join(&n.bridge).exists()
        {
            continue;
        }
        seen.push(n.bridge.clone());
        let del = vec![s("ip"), s("link"), s("del"), n.bridge.clone()];
        steps.push(
            Step::run(
                Stage::Network,
                format!("create bridge `{}`", n.bridge),
                vec![
                    s("ip"),
                    s("link"),
                    s("add"),
                    n.bridge.clone(),
                    s("type"),
                    s("bridge"),
                ],
            )
            .undo(Undo::Run { argv: del }),
        );
        steps.push(Step::run(
            Stage::Network,
            format!("bring bridge `{}` up", n.bridge),
            vec![s("ip"), s("link"), s("set"), n.bridge.clone(), s("up")],
        ));
    }
    steps
}

/// Whether QEMU attaches to tap devices on the bridges (they exist or this spawn creates them).
pub fn qemu_uses_taps(p: &VmProfile, o: &SpawnOptions) -> bool {
    o.qemu_net == QemuNet::Auto
        && !p.network.interfaces.is_empty()
        && p.network
            .interfaces
            .iter()
            .all(|n| n.create_bridge || Path::new("/sys/class/net").join(&n.bridge).exists())
}

/// All steps of one VM.
pub fn vm_plan(
    p: &VmProfile,
    inst: &Instance,
    backend: Backend,
    o: &SpawnOptions,
    profile_hash: &str,
) -> VmPlan {
    let paths = vm_paths(p, inst, o);
    let dir = paths.dir.clone();
    let seed = dir.join("seed");
    let mut st = vec![
        Step::mkdir(Stage::Storage, "create the VM directory", dir.clone()),
        Step::mkdir(Stage::System, "create the per-VM file tree", seed.clone()),
    ];
    // The VM's own files, staged on the host then written into its disk with debugfs.
    let mut files: Vec<(String, String, u32)> = vec![
        (
            "/etc/hostname".into(),
            format!("{}\n", inst.hostname),
            0o644,
        ),
        ("/etc/hosts".into(), guest::hosts(p, inst), 0o644),
        (
            "/etc/machine-id".into(),
            format!("{}\n", machine_id(inst, o)),
            0o444,
        ),
        ("/etc/resolv.conf".into(), guest::resolv_conf(p), 0o644),
    ];
    for (path, text) in guest::network_files(p, inst) {
        files.push((path, text, 0o644));
    }
    let identity = serde_json::json!({ "name": inst.name, "profile": p.vm.name, "profile_hash": profile_hash, "macs": inst.macs, "ipv4": inst.ipv4 });
    files.push((
        "/etc/vmcs/instance.json".into(),
        format!("{identity:#}\n"),
        0o644,
    ));
    let mut script = String::new();
    for (i, (guest_path, text, mode)) in files.iter().enumerate() {
        let host = seed.join(format!(
            "{i:02}-{}",
            guest_path.rsplit('/').next().unwrap_or("file")
        ));
        st.push(Step::write(
            Stage::System,
            format!("stage {guest_path}"),
            host.clone(),
            *mode,
            text.clone(),
        ));
        script.push_str(&format!("write {} {guest_path}\n", host.display()));
    }
    if layers::package_names(p)
        .iter()
        .any(|n| n == "openssh-server")
    {
        let key = seed.join("ssh_host_ed25519_key");
        let comment = format!("root@{}", inst.hostname);
        st.push(Step::run(
            Stage::System,
            "generate the SSH host key",
            vec![
                s("ssh-keygen"),
                s("-q"),
                s("-t"),
                s("ed25519"),
                s("-N"),
                s(""),
                s("-C"),
                comment,
                s("-f"),
                key.display().to_string(),
            ],
        ));
        script.push_str(&format!(
            "write {} /etc/ssh/ssh_host_ed25519_key\n",
            key.display()
        ));
        script.push_str(&format!(
            "write {}.pub /etc/ssh/ssh_host_ed25519_key.pub\n",
            key.display()
        ));
    }
    let script_path = seed.join("customise.debugfs");
    st.push(Step::write(
        Stage::System,
        "write the debugfs script",
        script_path.clone(),
        0o600,
        script,
    ));

    let (layer_img, _, _) = layers::image_files(p, o);
    let root_name = layers::root_image(p)
        .map(|(n, _)| n.clone())
        .unwrap_or_default();
    for (d, (_, path, fmt, _)) in p.hardware.disks.iter().zip(&paths.disks) {
        let img = &p.storage.images[&d.image];
        let path_s = path.display().to_string();
        if d.image == root_name {
            let work = if img.format == ImageFormat::Raw {
                path.clone()
            } else {
                dir.join("root.work.raw")
            };
            let work_s = work.display().to_string();
            st.push(Step::run(
                Stage::Storage,
                "copy the image layer (reflink when possible)",
                vec![
                    s("cp"),
                    s("--reflink=auto"),
                    s("--sparse=always"),
                    layer_img.display().to_string(),
                    work_s.clone(),
                ],
            ));
            st.push(
                Step::run(
                    Stage::System,
                    "write the VM's own files into its root filesystem",
                    vec![
                        s("debugfs"),
                        s("-w"),
                        s("-f"),
                        script_path.display().to_string(),
                        work_s.clone(),
                    ],
                )
                .stderr_is_error(),
            );
            if img.format == ImageFormat::Qcow2 {
                st.push(Step::run(
                    Stage::Storage,
                    "put a qcow2 overlay on the customised copy",
                    vec![
                        s("qemu-img"),
                        s("create"),
                        s("-q"),
                        s("-f"),
                        s("qcow2"),
                        s("-b"),
                        work_s.clone(),
                        s("-F"),
                        s("raw"),
                        path_s.clone(),
                    ],
                ));
                let rebase = vec![
                    s("qemu-img"),
                    s("rebase"),
                    s("-q"),
                    s("-f"),
                    s("qcow2"),
                    s("-b"),
                    layer_img.display().to_string(),
                    s("-F"),
                    s("raw"),
                    path_s.clone(),
                ];
                st.push(Step::run(
                    Stage::Storage,
                    "rebase the overlay onto the shared layer (keeps only this VM's blocks)",
                    rebase,
                ));
                st.push(Step::run(
                    Stage::Storage,
                    "drop the customised copy",
                    vec![s("rm"), s("-f"), work_s],
                ));
            }
            continue;
        }
        let fs = img.filesystem.as_str();
        let raw = if img.format == ImageFormat::Raw {
            path.clone()
        } else {
            dir.join(format!("{}.work.raw", d.image))
        };
        let raw_s = raw.display().to_string();
        st.push(Step::run(
            Stage::Storage,
            format!("create data disk `{}`", d.image),
            vec![
                s("qemu-img"),
                s("create"),
                s("-q"),
                s("-f"),
                s("raw"),
                raw_s.clone(),
                format!("{}M", img.size),
            ],
        ));
        match fs {
            "none" => {}
            "swap" => st.push(Step::run(
                Stage::Storage,
                format!("make swap on `{}`", d.image),
                vec![s("mkswap"), s("-L"), d.image.clone(), raw_s.clone()],
            )),
            "xfs" => st.push(Step::run(
                Stage::Storage,
                format!("make xfs on `{}`", d.image),
                vec![
                    s("mkfs.xfs"),
                    s("-q"),
                    s("-L"),
                    d.image.clone(),
                    raw_s.clone(),
                ],
            )),
            _ => st.push(Step::run(
                Stage::Storage,
                format!("make {fs} on `{}`", d.image),
                vec![
                    format!("mkfs.{fs}"),
                    s("-q"),
                    s("-F"),
                    s("-L"),
                    d.image.clone(),
                    raw_s.clone(),
                ],
            )),
        }
        if img.format == ImageFormat::Qcow2 {
            st.push(Step::run(
                Stage::Storage,
                format!("convert `{}` to qcow2", d.image),
                vec![
                    s("qemu-img"),
                    s("convert"),
                    s("-q"),
                    s("-f"),
                    s("raw"),
                    s("-O"),
                    s(fmt),
                    raw_s.clone(),
                    path_s,
                ],
            ));
            st.push(Step::run(
                Stage::Storage,
                format!("drop the raw `{}`", d.image),
                vec![s("rm"), s("-f"), raw_s],
            ));
        }
    }
    for cd in &p.hardware.cdroms {
        st.push(Step::run(
            Stage::Storage,
            format!("check the ISO of CD-ROM `{}`", cd.device),
            vec![
                s("qemu-img"),
                s("info"),
                s("-q"),
                s("-f"),
                s("raw"),
                cd.iso.clone(),
            ],
        ));
    }
    st.push(Step::run(
        Stage::System,
        "drop the staged files",
        vec![s("rm"), s("-rf"), seed.display().to_string()],
    ));

    let taps = backend == Backend::Qemu && qemu_uses_taps(p, o);
    if taps {
        for (i, n) in p.network.interfaces.iter().enumerate() {
            let tap = backend::tap_name(inst, i);
            st.push(
                Step::run(
                    Stage::Network,
                    format!("create tap `{tap}` for {}", n.name),
                    vec![
                        s("ip"),
                        s("tuntap"),
                        s("add"),
                        s("dev"),
                        tap.clone(),
                        s("mode"),
                        s("tap"),
                    ],
                )
                .undo(Undo::Run {
                    argv: vec![s("ip"), s("link"), s("del"), tap.clone()],
                }),
            );
            st.push(Step::run(
                Stage::Network,
                format!("attach `{tap}` to `{}`", n.bridge),
                vec![
                    s("ip"),
                    s("link"),
                    s("set"),
                    tap.clone(),
                    s("master"),
                    n.bridge.clone(),
                    s("up"),
                ],
            ));
        }
    }
    let state = if o.start { "running" } else { "built" };
    match backend {
        Backend::Xen => {
            st.push(Step::write(
                Stage::Backend,
                "write the xl domain config",
                paths.xl_cfg(),
                0o644,
                backend::xl_config(p, inst, &paths),
            ));
            if o.start {
                let undo = Undo::Run {
                    argv: vec![s("xl"), s("destroy"), inst.name.clone()],
                };
                st.push(
                    Step::run(
                        Stage::Backend,
                        "create the Xen domain",
                        vec![s("xl"), s("create"), paths.xl_cfg().display().to_string()],
                    )
                    .undo(undo),
                );
            }
        }
        Backend::Qemu => {
            if o.start {
                let argv = backend::qemu_argv(p, inst, &paths, o, taps);
                st.push(
                    Step::run(Stage::Backend, "start QEMU", argv).undo(Undo::QmpQuit {
                        socket: paths.qmp(),
                    }),
                );
            }
        }
    }
    let overlay = paths.disks.first().map(|d| d.1.clone()).unwrap_or_default();
    st.push(Step::record(
        "record the VM",
        Record::Vm {
            name: inst.name.clone(),
            profile_hash: profile_hash.into(),
            layer: layers::image_key(p),
            overlay,
            backend: backend.name().into(),
            state: state.into(),
        },
    ));
    VmPlan {
        name: inst.name.clone(),
        backend: backend.name().into(),
        steps: st,
    }
}
