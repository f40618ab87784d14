//! The storage stage: the image layer's filesystem images (the root filesystem with
//! `mkfs.ext4 -d`, no mount; data images filled with what the tree has at their mount point,
//! or blank), and each VM's disks: qcow2 overlays on them, created in milliseconds.

use super::Ctx;
use crate::guest::fs_label;
use crate::plan::{Stage, Step};
use crate::{s, Disk, Share};
use std::path::{Path, PathBuf};
use vmcs_model::{Filesystem, Image};

/// The file of an image in the image layer.
pub fn image_file(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("image-{name}.img"))
}

fn is_root(i: &Image) -> bool {
    i.mount.as_ref().is_some_and(|m| m.as_str() == "/")
}

fn is_ext(fs: Filesystem) -> bool {
    matches!(fs, Filesystem::Ext4 | Filesystem::Ext3 | Filesystem::Ext2)
}

/// Whether a data image is filled from the tree at its mount point.
pub fn populated(i: &Image) -> bool {
    i.populate && !is_root(i) && i.mount.is_some() && is_ext(i.filesystem)
}

/// Data images whose filesystem cannot be filled from the tree although `populate` asks for
/// it (the plan refuses them: their mount point's content would be hidden).
pub fn unpopulatable(ctx: &Ctx<'_>) -> Vec<String> {
    ctx.p
        .storage
        .images
        .iter()
        .filter(|(_, i)| i.populate && !is_root(i) && i.mount.is_some() && !is_ext(i.filesystem))
        .map(|(n, i)| format!("/storage/images/{n}: a {} image cannot be populated (use ext4, or set populate to false)", i.filesystem.name()))
        .collect()
}

fn mkfs(
    fs: Filesystem,
    label: &str,
    path: &str,
    tree: Option<&Path>,
    size_mib: u64,
) -> Vec<String> {
    match fs {
        Filesystem::Xfs => vec![s("mkfs.xfs"), s("-q"), s("-L"), label.into(), path.into()],
        Filesystem::Swap => vec![s("mkswap"), s("-L"), label.into(), path.into()],
        _ => {
            let mut v = vec![
                format!("mkfs.{}", fs.name()),
                s("-q"),
                s("-F"),
                s("-L"),
                label.into(),
            ];
            if let Some(t) = tree {
                v.extend([s("-d"), t.display().to_string()]);
            }
            v.extend([path.to_string(), format!("{size_mib}M")]);
            v
        }
    }
}

/// Build every image of the profile into the layer directory `b` (data images first, so
/// that what they take from the tree is not also in the root image).
pub fn images(ctx: &Ctx<'_>, tree: &Path, b: &Path, steps: &mut Vec<Step>) {
    let images = &ctx.p.storage.images;
    for (name, img) in images.iter().filter(|(_, i)| !is_root(i)) {
        let path = image_file(b, name).display().to_string();
        let label = fs_label(name, img.filesystem);
        let size = img.size.get();
        if populated(img) {
            let mount = img
                .mount
                .as_ref()
                .expect("populated images have a mount point");
            let dir = mount.under(tree);
            steps.push(Step::mkdir(
                Stage::Storage,
                format!("make sure {mount} exists in the tree"),
                dir.clone(),
            ));
            steps.push(Step::run(
                Stage::Storage,
                format!("build data image `{name}` from {mount} (mkfs -d, no mount)"),
                mkfs(img.filesystem, &label, &path, Some(&dir), size),
            ));
            steps.push(Step::run(
                Stage::Storage,
                format!("leave {mount} empty in the root image (`{name}` is mounted there)"),
                vec![
                    s("find"),
                    dir.display().to_string(),
                    s("-mindepth"),
                    s("1"),
                    s("-delete"),
                ],
            ));
        } else {
            if !is_ext(img.filesystem) {
                steps.push(Step::run(
                    Stage::Storage,
                    format!("create blank image `{name}`"),
                    vec![
                        s("qemu-img"),
                        s("create"),
                        s("-q"),
                        s("-f"),
                        s("raw"),
                        path.clone(),
                        format!("{size}M"),
                    ],
                ));
            }
            if img.filesystem != Filesystem::None {
                steps.push(Step::run(
                    Stage::Storage,
                    format!("make {} on `{name}`", img.filesystem.name()),
                    mkfs(img.filesystem, &label, &path, None, size),
                ));
            }
        }
        if let Some(m) = &img.mount {
            steps.push(Step::mkdir(
                Stage::Storage,
                format!("create the mount point {m}"),
                m.under(tree),
            ));
        }
    }
    for (name, img) in images.iter().filter(|(_, i)| is_root(i)) {
        steps.push(Step::write_guest(
            Stage::Storage,
            "write fstab",
            tree,
            vmcs_model::GuestPath::new("/etc/fstab").expect("a path"),
            0o644,
            crate::guest::fstab(
                ctx.p,
                ctx.p.system.kernel.boot != vmcs_model::BootMethod::Direct,
            ),
        ));
        steps.push(Step::run(
            Stage::Storage,
            "build the root filesystem image (mkfs.ext4 -d, no mount)",
            mkfs(
                img.filesystem,
                &fs_label(name, img.filesystem),
                &image_file(b, name).display().to_string(),
                Some(tree),
                img.size.get(),
            ),
        ));
    }
}

/// Each VM disk: a qcow2 overlay on the image layer's file (the next VM costs no copy).
pub fn vm_disks(ctx: &Ctx<'_>, dir: &Path, steps: &mut Vec<Step>) -> Vec<Disk> {
    let layer = ctx.layer("img");
    let mut disks = Vec::new();
    for d in &ctx.p.hardware.disks {
        let Some(img) = ctx.p.storage.images.get(&d.image) else {
            continue;
        };
        let base = image_file(&layer, &d.image);
        let path = dir.join(format!("disk-{}.qcow2", d.image));
        steps.push(Step::run(
            Stage::Storage,
            format!(
                "create disk `{}` as a qcow2 overlay on the cached image",
                d.device
            ),
            vec![
                s("qemu-img"),
                s("create"),
                s("-q"),
                s("-f"),
                s("qcow2"),
                s("-b"),
                base.display().to_string(),
                s("-F"),
                s("raw"),
                path.display().to_string(),
            ],
        ));
        disks.push(Disk {
            device: d.device.to_string(),
            path,
            format: s("qcow2"),
            backing: Some(base),
            backing_format: Some(s("raw")),
            readonly: d.readonly,
            root: is_root(img),
        });
    }
    disks
}

/// Host directories shared with the guest.
pub fn vm_shares(ctx: &Ctx<'_>) -> Vec<Share> {
    ctx.p
        .storage
        .shared
        .iter()
        .map(|sh| Share {
            source: PathBuf::from(sh.source.as_str()),
            tag: crate::guest::share_tag(&sh.target),
            readonly: sh.readonly,
        })
        .collect()
}
