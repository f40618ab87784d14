//! The software stage: the package layer, a copy of the base with exactly the resolved set
//! (`/software/resolved`) installed by apt from the guest's own archives, then the software
//! of the knowledge center that no archive has (from a CD-ROM or a host directory, trusted
//! profiles only).

use super::Ctx;
use crate::cache::key_of;
use crate::plan::{Stage, Step};
use crate::s;
use std::path::Path;
use vmcs_model::{GuestPath, PackageKnowledge, Source, VmProfile};

/// Package names installed with apt: `/software/resolved` (apt ones), else the requests.
pub fn package_names(p: &VmProfile) -> Vec<String> {
    if p.software.resolved.is_empty() {
        return p
            .software
            .packages
            .values()
            .filter(|r| r.source == Source::Apt)
            .map(|r| r.name.to_string())
            .collect();
    }
    p.software
        .resolved
        .iter()
        .filter(|r| r.source == Source::Apt)
        .map(|r| r.name.to_string())
        .collect()
}

/// apt arguments: `name=version` for the resolved set (install order), bare names otherwise.
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

/// ISO/dir software, in install order.
pub fn extra_software(p: &VmProfile) -> Vec<&PackageKnowledge> {
    let mut names: Vec<(u32, &str)> = if p.software.resolved.is_empty() {
        p.software
            .packages
            .values()
            .filter(|r| matches!(r.source, Source::Iso | Source::Dir))
            .map(|r| (0, r.name.as_str()))
            .collect()
    } else {
        p.software
            .resolved
            .iter()
            .filter(|r| matches!(r.source, Source::Iso | Source::Dir))
            .map(|r| (r.order, r.name.as_str()))
            .collect()
    };
    names.sort();
    names
        .iter()
        .filter_map(|(_, n)| {
            p.software
                .knowledge
                .iter()
                .find(|(k, _)| k.as_str() == *n)
                .map(|(_, v)| v)
        })
        .collect()
}

pub fn package_key(p: &VmProfile, base_key: &str) -> String {
    let extra: Vec<String> = extra_software(p)
        .iter()
        .map(|k| serde_json::to_string(k).unwrap_or_default())
        .collect();
    key_of(&[
        super::RECIPE,
        "packages",
        base_key,
        &apt_args(p).join(" "),
        &extra.join("\n"),
    ])
}

fn gp(p: &str) -> GuestPath {
    GuestPath::new(p).expect("a literal guest path")
}

fn apt_env(step: Step) -> Step {
    step.env("DEBIAN_FRONTEND", "noninteractive")
        .env("LC_ALL", "C.UTF-8")
        // A kernel installed here gets no Debian initramfs either (see the base layer).
        .env("INITRD", "No")
}

/// The package layer.
pub fn package_layer(ctx: &Ctx<'_>) -> crate::plan::LayerPlan {
    let p = ctx.p;
    let b = ctx.build("pkg");
    let root = b.join("root");
    let mut steps = vec![
        Step::mkdir(Stage::Software, "create the package layer directory", b.clone()),
        Step::run(
            Stage::Software,
            "copy the base tree",
            vec![
                s("cp"),
                s("-a"),
                s("--reflink=auto"),
                ctx.layer("base").join("root").display().to_string(),
                root.display().to_string(),
            ],
        ),
        Step::write_guest(
            Stage::Software,
            "keep services from starting in the chroot",
            &root,
            gp("/usr/sbin/policy-rc.d"),
            0o755,
            "#!/bin/sh\n# written by vmcs spawn: no service starts while the image is built\nexit 101\n".into(),
        ),
        Step::run(
            Stage::Software,
            "let the chroot resolve the archive's name",
            vec![
                s("cp"),
                s("-L"),
                s("--remove-destination"),
                s("/etc/resolv.conf"),
                root.join("etc/resolv.conf").display().to_string(),
            ],
        ),
    ];
    let pkgs = apt_args(p);
    if !pkgs.is_empty() {
        steps.push(apt_env(Step::run(
            Stage::Software,
            "read the guest's archives (apt-get update)",
            ctx.chroot(
                &root,
                &["apt-get", "-q", "-o", "Acquire::Languages=none", "update"],
            ),
        )));
        let mut argv = ctx.chroot(
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
        steps.push(apt_env(Step::run(
            Stage::Software,
            "install the resolved packages",
            argv,
        )));
    }
    for k in extra_software(p) {
        extra_steps(ctx, k, &root, &mut steps);
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
        "drop downloaded packages",
        ctx.chroot(&root, &["apt-get", "clean"]),
    ));
    steps.push(Step::run(
        Stage::Software,
        "drop the package lists (the guest reads them again when it needs them)",
        vec![
            s("find"),
            root.join("var/lib/apt/lists").display().to_string(),
            s("-mindepth"),
            s("1"),
            s("-type"),
            s("f"),
            s("-delete"),
        ],
    ));
    ctx.finish_layer("pkg", Some("base"), &mut steps);
    ctx.layer_plan("pkg", steps)
}

/// Install one piece of ISO/dir software (the profile is trusted: see `SpawnOptions`).
fn extra_steps(ctx: &Ctx<'_>, k: &PackageKnowledge, root: &Path, steps: &mut Vec<Step>) {
    let dest = format!("/tmp/vmcs-src/{}", k.name);
    let host_dest = root.join(dest.trim_start_matches('/'));
    steps.push(Step::mkdir(
        Stage::Software,
        format!("prepare the source of `{}`", k.name),
        host_dest.clone(),
    ));
    let loc = k
        .location
        .as_ref()
        .map(|l| l.to_string())
        .unwrap_or_else(|| s("/"));
    match k.source {
        Source::Dir => steps.push(Step::run(
            Stage::Software,
            format!("copy `{}` from {loc}", k.name),
            vec![
                s("cp"),
                s("-a"),
                format!("{loc}/."),
                host_dest.display().to_string(),
            ],
        )),
        _ => {
            let iso = ctx
                .p
                .hardware
                .cdroms
                .first()
                .map(|c| c.iso.to_string())
                .unwrap_or_default();
            steps.push(Step::run(
                Stage::Software,
                format!("extract `{}` from the CD-ROM", k.name),
                vec![
                    s("xorriso"),
                    s("-osirrox"),
                    s("on"),
                    s("-indev"),
                    iso,
                    s("-extract"),
                    loc,
                    host_dest.display().to_string(),
                ],
            ));
        }
    }
    if let Some(install) = &k.install {
        // The one place a shell runs: the knowledge entry's install command, in the chroot.
        let script = format!("cd {dest} && {install}");
        steps.push(apt_env(Step::run(
            Stage::Software,
            format!("install `{}` {}", k.name, k.version),
            ctx.chroot(root, &["/bin/sh", "-c", &script]),
        )));
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
