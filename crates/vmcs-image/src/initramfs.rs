//! vmcs's small initramfs, each VM's seed appended to it, and the kernel unpacked for a
//! direct boot without decompression.
//!
//! Debian's generic initramfs starts udev and probes everything; under TCG that costs
//! seconds. vmcs builds its own from the guest's kernel modules and a static busybox: load
//! the block, network and filesystem modules of the hypervisor it finds itself on (in
//! `modules.dep` order), find the root
//! filesystem by label, mount it read-write, apply the VM's seed (its own files, appended to
//! the initrd as a second cpio archive), configure static addresses, and hand over to the
//! guest's own systemd. Every VM shares the image's initramfs; its seed is a few KiB.

use crate::error::SpawnError;
use crate::plan::{SeedFile, SeedSource};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Modules (and their dependencies) the initramfs may load, by group: `virtio` and `fs`
/// always, `virtio-scsi` when a virtio SCSI controller is there or no virtio PCI device is,
/// `xen` when no virtio PCI device is (a Xen guest). Loading only what the machine has keeps the SCSI
/// core and the Xen front ends out of a QEMU guest's boot.
pub const BOOT_MODULES: &[(&str, &[&str])] = &[
    ("virtio", &["virtio_pci", "virtio_blk", "virtio_net"]),
    ("virtio-scsi", &["virtio_pci", "virtio_scsi"]),
    ("xen", &["xen-blkfront", "xen-netfront"]),
    ("fs", &["ext4", "crc32c_generic", "crc32c-intel"]),
];

/// The `/init` script (busybox sh).
pub const INIT: &str = r#"#!/bin/busybox sh
# vmcs initramfs: load boot modules, mount the root filesystem, apply the VM's seed, hand over.
bb=/bin/busybox
$bb mkdir -p /proc /sys /dev /newroot /run
$bb mount -t proc proc /proc
$bb mount -t sysfs sys /sys
$bb mount -t devtmpfs dev /dev
fail() {
    echo "vmcs-initramfs: $*" >/dev/console
    echo "vmcs-initramfs: powering off in 10 s" >/dev/console
    $bb sleep 10
    $bb poweroff -f
}
# Which module groups this machine needs: the virtio ones always (machines with virtio-mmio
# have no PCI ids to see), SCSI only for a virtio SCSI controller, Xen's front ends only
# when there is no virtio PCI device (vendor 0x1af4) at all.
virtio=
vscsi=
for d in /sys/bus/pci/devices/*; do
    [ "$($bb cat "$d/vendor" 2>/dev/null)" = 0x1af4 ] || continue
    virtio=1
    case "$($bb cat "$d/device" 2>/dev/null)" in 0x1004|0x1048) vscsi=1 ;; esac
done
while read -r group m; do
    case "$group" in
        virtio-scsi) [ -n "$vscsi" ] || [ -z "$virtio" ] || continue ;;
        xen) [ -z "$virtio" ] || continue ;;
    esac
    $bb insmod "/lib/modules/$m" 2>/dev/null
done < /modules
root=
for a in $($bb cat /proc/cmdline); do
    case "$a" in vmcs.root=*) root="${a#vmcs.root=}" ;; root=*) [ -z "$root" ] && root="${a#root=}" ;; esac
done
[ -n "$root" ] || fail "no root= on the kernel command line"
dev=
i=0
while [ $i -lt 1000 ]; do
    case "$root" in
        LABEL=*|UUID=*) dev=$($bb findfs "$root" 2>/dev/null) ;;
        *) [ -b "$root" ] && dev="$root" ;;
    esac
    [ -n "$dev" ] && break
    $bb usleep 10000
    i=$((i + 1))
done
[ -n "$dev" ] || fail "root filesystem $root not found"
$bb mount -t ext4 -o rw "$dev" /newroot || fail "cannot mount $dev ($root)"
if [ -d /vmcs/seed ]; then
    $bb cp -a /vmcs/seed/. /newroot/ || fail "cannot apply the seed"
fi
$bb ip link set lo up
if [ -f /vmcs/net.conf ]; then
    while read -r kind ifname arg gw; do
        case "$kind" in
            link)
                for d in /sys/class/net/*; do
                    [ "$($bb cat "$d/address" 2>/dev/null)" = "$arg" ] || continue
                    cur="${d##*/}"
                    [ "$cur" = "$ifname" ] || $bb ip link set dev "$cur" name "$ifname"
                done
                $bb ip link set dev "$ifname" up ;;
            addr) $bb ip addr add "$arg" dev "$ifname" ;;
            route) $bb ip route add default via "$arg" dev "$ifname" ;;
            addr6) $bb ip -6 addr add "$arg" dev "$ifname" nodad ;;
            route6) $bb ip -6 route add default via "$arg" dev "$ifname" ;;
        esac
    done < /vmcs/net.conf
fi
$bb umount /proc /sys
$bb mount --move /dev /newroot/dev
exec $bb switch_root /newroot /sbin/init
"#;

/// A cpio archive in the `newc` format the kernel unpacks.
pub struct Cpio {
    out: Vec<u8>,
    ino: u32,
    dirs: BTreeSet<String>,
}

impl Default for Cpio {
    fn default() -> Self {
        Cpio::new()
    }
}

impl Cpio {
    pub fn new() -> Cpio {
        Cpio {
            out: Vec::new(),
            ino: 1,
            dirs: BTreeSet::new(),
        }
    }

    fn entry(&mut self, name: &str, mode: u32, data: &[u8]) {
        let name = name.trim_start_matches('/');
        let hdr = format!(
            "070701{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}",
            self.ino,
            mode,
            0,
            0,
            1,
            0,
            data.len(),
            0,
            0,
            0,
            0,
            name.len() + 1,
            0
        );
        self.ino += 1;
        self.out.extend_from_slice(hdr.as_bytes());
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(0);
        self.pad();
        self.out.extend_from_slice(data);
        self.pad();
    }

    fn pad(&mut self) {
        while !self.out.len().is_multiple_of(4) {
            self.out.push(0);
        }
    }

    /// A directory and its parents (each once).
    pub fn dir(&mut self, path: &str) {
        let mut cur = String::new();
        for c in path.trim_matches('/').split('/').filter(|c| !c.is_empty()) {
            cur.push('/');
            cur.push_str(c);
            if self.dirs.insert(cur.clone()) {
                let name = cur.clone();
                self.entry(&name, 0o040755, &[]);
            }
        }
    }

    /// A regular file (its parents are added as directories).
    pub fn file(&mut self, path: &str, mode: u32, data: &[u8]) {
        if let Some((parent, _)) = path.rsplit_once('/') {
            self.dir(parent);
        }
        self.entry(path, 0o100000 | (mode & 0o7777), data);
    }

    /// The archive with its trailer.
    pub fn finish(mut self) -> Vec<u8> {
        self.entry("TRAILER!!!", 0, &[]);
        while !self.out.len().is_multiple_of(512) {
            self.out.push(0);
        }
        self.out
    }
}

/// Whether an ELF file is statically linked (no `PT_INTERP` program header).
pub fn is_static_elf(path: &Path) -> bool {
    let Ok(b) = std::fs::read(path) else {
        return false;
    };
    if b.len() < 64 || &b[..4] != b"\x7fELF" || b[4] != 2 || b[5] != 1 {
        return false;
    }
    let u16at = |o: usize| u16::from_le_bytes([b[o], b[o + 1]]) as usize;
    let u64at = |o: usize| {
        let mut a = [0u8; 8];
        a.copy_from_slice(&b[o..o + 8]);
        u64::from_le_bytes(a) as usize
    };
    let (phoff, phentsize, phnum) = (u64at(32), u16at(54), u16at(56));
    (0..phnum).all(|i| {
        let o = phoff + i * phentsize;
        o + 4 <= b.len() && u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]) != 3
    })
}

/// The static busybox of the build host, if there is one.
pub fn host_busybox() -> Option<PathBuf> {
    ["/bin/busybox", "/usr/bin/busybox"]
        .iter()
        .map(PathBuf::from)
        .find(|p| is_static_elf(p))
}

/// The kernel version of a guest tree (its one directory under `/lib/modules`).
pub fn kernel_version(tree: &Path) -> Result<String, String> {
    let dir = tree.join("lib/modules");
    let mut v: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .filter(|e| e.path().join("modules.dep").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v.pop()
        .ok_or_else(|| format!("no kernel modules in {}", dir.display()))
}

/// The modules to load for `wanted`, dependencies first, as paths relative to the module
/// directory (from `modules.dep`). Names unknown to this kernel are skipped (built in).
pub fn module_order(modules_dep: &str, wanted: &[&str]) -> Vec<String> {
    let norm = |s: &str| s.replace('-', "_");
    let mut deps: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for l in modules_dep.lines() {
        let Some((m, d)) = l.split_once(':') else {
            continue;
        };
        let base = m.rsplit('/').next().unwrap_or(m);
        let name = norm(base.split(".ko").next().unwrap_or(base));
        deps.insert(
            name,
            (
                m.to_string(),
                d.split_whitespace().map(str::to_string).collect(),
            ),
        );
    }
    let mut order: Vec<String> = Vec::new();
    // Iterative post-order walk (modules.dep lists the full closure, but stay safe).
    for w in wanted {
        let mut stack = vec![(norm(w), false)];
        while let Some((n, expanded)) = stack.pop() {
            let Some((path, ds)) = deps.get(&n) else {
                continue;
            };
            if order.contains(path) {
                continue;
            }
            if expanded {
                order.push(path.clone());
                continue;
            }
            stack.push((n.clone(), true));
            for d in ds.iter().rev() {
                let b = d.rsplit('/').next().unwrap_or(d);
                let dn = norm(b.split(".ko").next().unwrap_or(b));
                if stack.len() < 4096 {
                    stack.push((dn, false));
                }
            }
        }
    }
    order
}

/// Build the initramfs of a guest tree into `out`.
pub fn build(tree: &Path, out: &Path) -> Result<(), SpawnError> {
    let fail = |m: String| SpawnError::Io {
        step: "build the initramfs".into(),
        path: out.to_path_buf(),
        message: m,
    };
    let busybox = host_busybox()
        .ok_or_else(|| fail("no static busybox on this host (install `busybox-static`)".into()))?;
    let kver = kernel_version(tree).map_err(fail)?;
    let mdir = tree.join("lib/modules").join(&kver);
    let dep = std::fs::read_to_string(mdir.join("modules.dep"))
        .map_err(|e| fail(format!("{}: {e}", mdir.display())))?;
    let mut c = Cpio::new();
    c.dir("/dev");
    c.dir("/proc");
    c.dir("/sys");
    c.dir("/newroot");
    let bb = std::fs::read(&busybox).map_err(|e| fail(format!("{}: {e}", busybox.display())))?;
    c.file("/bin/busybox", 0o755, &bb);
    c.file("/init", 0o755, INIT.as_bytes());
    let mut added = BTreeSet::new();
    let list = module_list(&dep);
    for line in list.lines() {
        let name = line.split_once(' ').map(|(_, m)| m).unwrap_or(line);
        if added.insert(name.to_string()) {
            let src = dep_path(&dep, name);
            let data = read_module(&mdir.join(src)).map_err(fail)?;
            c.file(&format!("/lib/modules/{name}"), 0o644, &data);
        }
    }
    c.file("/modules", 0o644, list.as_bytes());
    write_atomic(out, &c.finish()).map_err(fail)
}

/// The `/modules` file of the initramfs: `GROUP PATH` lines, each group's modules with their
/// dependencies first (paths without the `.xz`/`.zst` suffix: they are stored decompressed).
pub fn module_list(modules_dep: &str) -> String {
    let mut list = String::new();
    for (group, wanted) in BOOT_MODULES {
        for m in module_order(modules_dep, wanted) {
            let name = m.trim_end_matches(".xz").trim_end_matches(".zst");
            list.push_str(&format!("{group} {name}\n"));
        }
    }
    list
}

/// The path in `modules.dep` of a module stored as `name` (which may have lost a suffix).
fn dep_path(modules_dep: &str, name: &str) -> String {
    modules_dep
        .lines()
        .filter_map(|l| l.split_once(':').map(|(m, _)| m))
        .find(|m| m.trim_end_matches(".xz").trim_end_matches(".zst") == name)
        .unwrap_or(name)
        .to_string()
}

/// The XEN_ELFNOTE_PHYS32_ENTRY note type: an ELF kernel with it has a PVH entry point.
const PVH_NOTE: u32 = 18;

/// Whether `b` is a 64-bit little-endian ELF file with a PVH entry note (QEMU's `-kernel`
/// starts such a kernel directly through its PVH option ROM).
pub fn has_pvh_note(b: &[u8]) -> bool {
    if b.len() < 64 || &b[..4] != b"\x7fELF" || b[4] != 2 || b[5] != 1 {
        return false;
    }
    let u16at = |o: usize| {
        b.get(o..o + 2)
            .map(|x| u16::from_le_bytes([x[0], x[1]]) as usize)
    };
    let u32at = |o: usize| {
        b.get(o..o + 4)
            .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]) as usize)
    };
    let u64at = |o: usize| {
        b.get(o..o + 8).map(|x| {
            let mut a = [0u8; 8];
            a.copy_from_slice(x);
            u64::from_le_bytes(a) as usize
        })
    };
    let (Some(phoff), Some(phentsize), Some(phnum)) = (u64at(32), u16at(54), u16at(56)) else {
        return false;
    };
    (0..phnum.min(256)).any(|i| {
        let h = phoff + i * phentsize;
        // PT_NOTE segments: walk their notes (namesz, descsz, type, name, desc; 4-aligned).
        if u32at(h) != Some(4) {
            return false;
        }
        let (Some(off), Some(size)) = (u64at(h + 8), u64at(h + 32)) else {
            return false;
        };
        let end = off.saturating_add(size).min(b.len());
        let mut o = off;
        while o + 12 <= end {
            let (Some(namesz), Some(descsz), Some(kind)) = (u32at(o), u32at(o + 4), u32at(o + 8))
            else {
                return false;
            };
            let name = b.get(o + 12..o + 12 + namesz).unwrap_or_default();
            if kind as u32 == PVH_NOTE && name.starts_with(b"Xen") {
                return true;
            }
            o += 12 + namesz.div_ceil(4) * 4 + descsz.div_ceil(4) * 4;
        }
        false
    })
}

/// The largest unpacked kernel accepted (Debian's is about 66 MB).
const MAX_KERNEL: usize = 512 << 20;

/// The uncompressed kernel inside an x86 `bzImage` (`vmlinuz`) compressed with xz, when it
/// is an ELF with a PVH entry point; `None` otherwise (another compression or layout).
pub fn unpack_bzimage(bz: &[u8]) -> Option<Vec<u8>> {
    // The boot protocol header: "HdrS" at 0x202; the payload is found by its xz magic.
    if bz.get(0x202..0x206) != Some(b"HdrS") {
        return None;
    }
    let magic = b"\xfd7zXZ\x00";
    let start = bz.windows(magic.len()).position(|w| w == magic)?;
    // One xz stream, then the rest of the bzImage (which a stream reader takes for garbage).
    let mut stream = xz2::stream::Stream::new_stream_decoder(u64::MAX, 0).ok()?;
    let mut input = &bz[start..];
    let mut out: Vec<u8> = Vec::with_capacity(bz.len() * 8);
    loop {
        if out.capacity() - out.len() < 1 << 20 {
            if out.len() > MAX_KERNEL {
                return None;
            }
            out.reserve(1 << 24);
        }
        let (in0, out0) = (stream.total_in(), out.len());
        let status = stream
            .process_vec(input, &mut out, xz2::stream::Action::Run)
            .ok()?;
        input = &input[(stream.total_in() - in0) as usize..];
        match status {
            xz2::stream::Status::StreamEnd => break,
            xz2::stream::Status::MemNeeded => return None,
            _ if stream.total_in() == in0 && out.len() == out0 => return None,
            _ => {}
        }
    }
    has_pvh_note(&out).then_some(out)
}

/// Write the kernel a VM boots directly: the `bzImage` unpacked when it can be (QEMU then
/// jumps to its PVH entry: no decompression under emulation, seconds faster under TCG),
/// else the kernel file itself.
pub fn boot_kernel(vmlinuz: &Path, out: &Path) -> Result<(), SpawnError> {
    let fail = |m: String| SpawnError::Io {
        step: "unpack the kernel".into(),
        path: out.to_path_buf(),
        message: m,
    };
    let bz = std::fs::read(vmlinuz).map_err(|e| fail(format!("{}: {e}", vmlinuz.display())))?;
    write_atomic(out, &unpack_bzimage(&bz).unwrap_or(bz)).map_err(fail)
}

/// A module file, decompressed when the kernel ships `.ko.xz`.
fn read_module(path: &Path) -> Result<Vec<u8>, String> {
    let raw = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e == "xz") {
        let mut out = Vec::new();
        let mut d = xz2::read::XzDecoder::new(&raw[..]);
        std::io::Read::read_to_end(&mut d, &mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(out);
    }
    Ok(raw)
}

fn write_atomic(out: &Path, data: &[u8]) -> Result<(), String> {
    let tmp = out.with_extension("tmp");
    let mut f = std::fs::File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
    f.write_all(data)
        .and_then(|_| f.sync_all())
        .map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, out).map_err(|e| format!("{}: {e}", out.display()))
}

/// Write a VM's initrd: the image's initramfs followed by a cpio of its seed files under
/// `/vmcs/seed` (and its network lines as `/vmcs/net.conf`).
pub fn seed(initramfs: &Path, out: &Path, files: &[SeedFile]) -> Result<(), SpawnError> {
    let fail = |m: String| SpawnError::Io {
        step: "write the VM's initrd".into(),
        path: out.to_path_buf(),
        message: m,
    };
    let mut data =
        std::fs::read(initramfs).map_err(|e| fail(format!("{}: {e}", initramfs.display())))?;
    let mut c = Cpio::new();
    for f in files {
        let bytes = match &f.source {
            SeedSource::Text(t) => t.clone().into_bytes(),
            SeedSource::File(p) => {
                std::fs::read(p).map_err(|e| fail(format!("{}: {e}", p.display())))?
            }
        };
        if f.path.as_str() == "/vmcs/net.conf" {
            c.file("/vmcs/net.conf", f.mode, &bytes);
        } else {
            c.file(&format!("/vmcs/seed{}", f.path), f.mode, &bytes);
        }
    }
    data.extend_from_slice(&c.finish());
    write_atomic(out, &data).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_order_puts_dependencies_first() {
        let dep = "kernel/fs/ext4/ext4.ko: kernel/lib/crc16.ko kernel/fs/mbcache.ko kernel/fs/jbd2/jbd2.ko\nkernel/lib/crc16.ko:\nkernel/fs/mbcache.ko:\nkernel/fs/jbd2/jbd2.ko:\nkernel/drivers/block/xen-blkfront.ko:\n";
        let o = module_order(dep, &["ext4", "xen-blkfront", "not-here"]);
        assert_eq!(
            o,
            [
                "kernel/lib/crc16.ko",
                "kernel/fs/mbcache.ko",
                "kernel/fs/jbd2/jbd2.ko",
                "kernel/fs/ext4/ext4.ko",
                "kernel/drivers/block/xen-blkfront.ko"
            ]
        );
    }

    #[test]
    fn cpio_is_newc_with_parents() {
        let mut c = Cpio::new();
        c.file("/a/b/c", 0o600, b"hi");
        let out = c.finish();
        let text = String::from_utf8_lossy(&out);
        assert!(text.starts_with("070701"));
        let a = text.find("a\0").unwrap();
        let ab = text.find("a/b\0").unwrap();
        let abc = text.find("a/b/c\0").unwrap();
        assert!(a < ab && ab < abc);
        assert!(text.contains("TRAILER!!!"));
        assert_eq!(out.len() % 512, 0);
    }

    #[test]
    fn module_list_groups_modules_by_machine() {
        let dep = "kernel/drivers/virtio/virtio_pci.ko.xz: kernel/drivers/virtio/virtio.ko.xz\nkernel/drivers/virtio/virtio.ko.xz:\nkernel/drivers/block/virtio_blk.ko.xz: kernel/drivers/virtio/virtio.ko.xz\nkernel/drivers/scsi/virtio_scsi.ko.xz: kernel/drivers/scsi/scsi_mod.ko.xz\nkernel/drivers/scsi/scsi_mod.ko.xz:\nkernel/drivers/block/xen-blkfront.ko.xz:\nkernel/fs/ext4/ext4.ko.xz:\n";
        assert_eq!(
            module_list(dep),
            "virtio kernel/drivers/virtio/virtio.ko\n\
             virtio kernel/drivers/virtio/virtio_pci.ko\n\
             virtio kernel/drivers/block/virtio_blk.ko\n\
             virtio-scsi kernel/drivers/virtio/virtio.ko\n\
             virtio-scsi kernel/drivers/virtio/virtio_pci.ko\n\
             virtio-scsi kernel/drivers/scsi/scsi_mod.ko\n\
             virtio-scsi kernel/drivers/scsi/virtio_scsi.ko\n\
             xen kernel/drivers/block/xen-blkfront.ko\n\
             fs kernel/fs/ext4/ext4.ko\n"
        );
        assert_eq!(
            dep_path(dep, "kernel/fs/ext4/ext4.ko"),
            "kernel/fs/ext4/ext4.ko.xz"
        );
        // The init script skips SCSI and Xen when it sees virtio PCI devices.
        assert!(INIT.contains("virtio-scsi) [ -n \"$vscsi\" ] || [ -z \"$virtio\" ] || continue"));
        assert!(INIT.contains("xen) [ -z \"$virtio\" ] || continue"));
    }

    /// A minimal ELF64 file with one PT_NOTE segment holding one note.
    fn elf_with_note(owner: &[u8], kind: u32) -> Vec<u8> {
        let mut b = vec![0u8; 64 + 56];
        b[..6].copy_from_slice(b"\x7fELF\x02\x01");
        b[32..40].copy_from_slice(&64u64.to_le_bytes()); // e_phoff
        b[54..56].copy_from_slice(&56u16.to_le_bytes()); // e_phentsize
        b[56..58].copy_from_slice(&1u16.to_le_bytes()); // e_phnum
        let mut note = Vec::new();
        note.extend_from_slice(&(owner.len() as u32).to_le_bytes());
        note.extend_from_slice(&4u32.to_le_bytes());
        note.extend_from_slice(&kind.to_le_bytes());
        note.extend_from_slice(owner);
        while note.len() % 4 != 0 {
            note.push(0);
        }
        note.extend_from_slice(&[1, 2, 3, 4]);
        let off = b.len();
        b[64..68].copy_from_slice(&4u32.to_le_bytes()); // PT_NOTE
        b[64 + 8..64 + 16].copy_from_slice(&(off as u64).to_le_bytes());
        b[64 + 32..64 + 40].copy_from_slice(&(note.len() as u64).to_le_bytes());
        b.extend_from_slice(&note);
        b
    }

    fn bzimage_of(payload: &[u8]) -> Vec<u8> {
        let mut bz = vec![0u8; 0x400];
        bz[0x202..0x206].copy_from_slice(b"HdrS");
        let mut xz = Vec::new();
        let mut e = xz2::write::XzEncoder::new(&mut xz, 1);
        e.write_all(payload).unwrap();
        e.finish().unwrap();
        bz.extend_from_slice(&xz);
        // A real bzImage goes on after the payload (its size, then padding).
        bz.extend_from_slice(&[0x12, 0x34, 0, 0, 0, 0, 0, 0]);
        bz
    }

    #[test]
    fn finds_the_pvh_entry_note() {
        assert!(has_pvh_note(&elf_with_note(b"Xen\0", PVH_NOTE)));
        assert!(!has_pvh_note(&elf_with_note(b"Xen\0", 6)));
        assert!(!has_pvh_note(&elf_with_note(b"GNU\0", PVH_NOTE)));
        assert!(!has_pvh_note(b"\x7fELF short"));
        let mut broken = elf_with_note(b"Xen\0", PVH_NOTE);
        broken[64 + 32..64 + 40].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(!has_pvh_note(&broken[..broken.len() - 8]));
    }

    #[test]
    fn unpacks_an_xz_bzimage_with_a_pvh_kernel() {
        let elf = elf_with_note(b"Xen\0", PVH_NOTE);
        assert_eq!(unpack_bzimage(&bzimage_of(&elf)), Some(elf));
        // No PVH entry, or not a bzImage: the kernel is booted as it is.
        assert_eq!(
            unpack_bzimage(&bzimage_of(&elf_with_note(b"Xen\0", 6))),
            None
        );
        assert_eq!(unpack_bzimage(b"MZ not a kernel"), None);
        let dir = tempfile::tempdir().unwrap();
        let (bz, out) = (dir.path().join("vmlinuz"), dir.path().join("vmlinux"));
        std::fs::write(&bz, b"MZ an arm64 Image").unwrap();
        boot_kernel(&bz, &out).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"MZ an arm64 Image");
        std::fs::write(&bz, bzimage_of(&elf_with_note(b"Xen\0", PVH_NOTE))).unwrap();
        boot_kernel(&bz, &out).unwrap();
        assert!(has_pvh_note(&std::fs::read(&out).unwrap()));
    }

    #[test]
    fn detects_static_binaries() {
        assert!(!is_static_elf(Path::new("/bin/sh")));
        assert!(!is_static_elf(Path::new("/etc/passwd")));
    }
}
