//! A host's disks through libvirt itself: the `vmcs` storage pool (a directory on the host),
//! the cached base images uploaded once per host as volumes, and each VM's volumes there
//! (qcow2 overlays on the bases, its kernel and initrd). Nothing assumes the host sees the
//! caller's files.

use super::{verr, LibvirtDriver};
use crate::domxml;
use crate::VirtError;
use std::io::Read;
use std::path::Path;
use virt::storage_pool::StoragePool;
use virt::storage_vol::StorageVol;
use virt::stream::Stream;
use vmcs_image::Machine;

/// The name of the pool vmcs keeps its volumes in.
pub const POOL: &str = "vmcs";
/// Its directory on every host (the same path everywhere, so migrations keep their paths).
pub const POOL_DIR: &str = "/var/lib/libvirt/images/vmcs";

impl LibvirtDriver {
    /// The vmcs pool, defined, built and started if needed.
    pub(super) fn pool(&self) -> Result<StoragePool, VirtError> {
        let pool = match self.conn.lookup_storage_pool_by_name(POOL) {
            Ok(p) => p,
            Err(_) => {
                match self
                    .conn
                    .define_storage_pool_xml(&domxml::pool(POOL, POOL_DIR), 0)
                {
                    Ok(p) => {
                        let _ = p.build(0);
                        let _ = p.set_autostart(true);
                        p
                    }
                    // Another vmcs defined it in the meantime.
                    Err(e) => self
                        .conn
                        .lookup_storage_pool_by_name(POOL)
                        .map_err(|_| verr(&self.host, "define the vmcs storage pool")(e))?,
                }
            }
        };
        if !pool.is_active().unwrap_or(false) {
            if let Err(e) = pool.create(0) {
                if !pool.is_active().unwrap_or(false) {
                    return Err(verr(&self.host, "start the vmcs storage pool")(e));
                }
            }
        }
        Ok(pool)
    }

    fn volume(&self, pool: &StoragePool, name: &str) -> Option<StorageVol> {
        pool.lookup_storage_vol_by_name(name).ok()
    }

    /// Upload a local file as volume `name` (format as given) unless the host has it.
    pub(super) fn upload(
        &self,
        pool: &StoragePool,
        name: &str,
        file: &Path,
        format: &str,
    ) -> Result<String, VirtError> {
        if let Some(v) = self.volume(pool, name) {
            return v.path().map_err(verr(&self.host, "read a volume's path"));
        }
        let len = std::fs::metadata(file)
            .map_err(|e| VirtError::io(file.display().to_string(), e))?
            .len();
        // Upload under a temporary name, renamed by nothing: a half upload is deleted.
        let xml = domxml::volume(name, len, format, None);
        let vol =
            StorageVol::create_xml(pool, &xml, 0).map_err(verr(&self.host, "create a volume"))?;
        let r = (|| -> Result<(), VirtError> {
            let stream =
                Stream::new(&self.conn, 0).map_err(verr(&self.host, "open an upload stream"))?;
            vol.upload(&stream, 0, len, 0)
                .map_err(verr(&self.host, "start an upload"))?;
            let mut f = std::fs::File::open(file)
                .map_err(|e| VirtError::io(file.display().to_string(), e))?;
            let mut buf = vec![0u8; 1 << 20];
            loop {
                let n = f
                    .read(&mut buf)
                    .map_err(|e| VirtError::io(file.display().to_string(), e))?;
                if n == 0 {
                    break;
                }
                let mut off = 0;
                while off < n {
                    let sent = stream
                        .send(&buf[off..n])
                        .map_err(verr(&self.host, "upload"))?;
                    if sent <= 0 {
                        return Err(VirtError::Host {
                            host: self.host.clone(),
                            message: format!("upload of {} stalled", file.display()),
                        });
                    }
                    off += sent as usize;
                }
            }
            stream
                .finish()
                .map_err(verr(&self.host, "finish an upload"))
        })();
        if let Err(e) = r {
            let _ = vol.delete(0);
            return Err(e);
        }
        vol.path().map_err(verr(&self.host, "read a volume's path"))
    }

    /// A qcow2 overlay volume `name` on `backing` (a qcow2 volume path on the host).
    pub(super) fn overlay(
        &self,
        pool: &StoragePool,
        name: &str,
        backing: &str,
        capacity: u64,
    ) -> Result<String, VirtError> {
        if let Some(v) = self.volume(pool, name) {
            return v.path().map_err(verr(&self.host, "read a volume's path"));
        }
        let xml = domxml::volume(name, capacity, "qcow2", Some((backing, "qcow2")));
        let vol = StorageVol::create_xml(pool, &xml, 0)
            .map_err(verr(&self.host, "create an overlay volume"))?;
        vol.path().map_err(verr(&self.host, "read a volume's path"))
    }

    /// Delete volume `name` if the host has it.
    pub(super) fn delete_volume(&self, pool: &StoragePool, name: &str) {
        if let Some(v) = self.volume(pool, name) {
            let _ = v.delete(0);
        }
    }

    /// The names of a machine's own volumes (disks, kernel, initrd, serial log).
    pub(super) fn vm_volumes(m: &Machine) -> Vec<String> {
        let mut v: Vec<String> = m
            .disks
            .iter()
            .map(|d| {
                format!(
                    "{}-{}",
                    m.name,
                    d.path.file_name().unwrap_or_default().to_string_lossy()
                )
            })
            .collect();
        v.extend([
            format!("{}-vmlinuz", m.name),
            format!("{}-initrd.img", m.name),
            format!("{}.serial.log", m.name),
        ]);
        v
    }

    /// Everything the machine needs on this host: base images (uploaded once, as qcow2),
    /// overlays, kernel and initrd; returns their paths on the host.
    pub(super) fn prepare(&self, m: &Machine) -> Result<domxml::HostFiles, VirtError> {
        let pool = self.pool()?;
        let mut disks = Vec::new();
        for d in &m.disks {
            let base = d.backing.as_ref().ok_or_else(|| {
                VirtError::Config(format!("disk {} has no cached base", d.device))
            })?;
            let q = qcow2_of(base, &self.runner)?;
            let base_name = format!(
                "base-{}-{}",
                m.layer,
                base.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .replace(".img", ".qcow2")
            );
            let base_path = self.upload(&pool, &base_name, &q, "qcow2")?;
            let size = std::fs::metadata(base).map(|md| md.len()).unwrap_or(0);
            let name = format!(
                "{}-{}",
                m.name,
                d.path.file_name().unwrap_or_default().to_string_lossy()
            );
            disks.push(self.overlay(&pool, &name, &base_path, size)?);
        }
        let (mut kernel, mut initrd) = (None, None);
        if let vmcs_image::Boot::Direct {
            kernel: k,
            initrd: i,
            ..
        } = &m.boot
        {
            kernel = Some(self.upload(&pool, &format!("{}-vmlinuz", m.name), k, "raw")?);
            initrd = Some(self.upload(&pool, &format!("{}-initrd.img", m.name), i, "raw")?);
        }
        let _ = pool.refresh(0);
        Ok(domxml::HostFiles {
            disks,
            kernel,
            initrd,
            serial_log: format!("{POOL_DIR}/{}.serial.log", m.name),
        })
    }
}

/// The qcow2 form of a cached raw image (made once, next to it, under a lock): what is
/// uploaded to hosts (only the used clusters travel).
pub fn qcow2_of(
    raw: &Path,
    runner: &vmcs_image::runner::Runner,
) -> Result<std::path::PathBuf, VirtError> {
    let q = raw.with_extension("qcow2");
    if q.exists() {
        return Ok(q);
    }
    let dir = raw.parent().unwrap_or(Path::new("/"));
    let state = dir.parent().and_then(|p| p.parent()).unwrap_or(dir);
    let _lock = vmcs_image::cache::lock(
        state,
        &format!(
            "qcow2-{}",
            vmcs_image::cache::key_of(&[&raw.display().to_string()])
        ),
    )?;
    if q.exists() {
        return Ok(q);
    }
    let tmp = raw.with_extension("qcow2.tmp");
    runner.run(
        "convert a cached image to qcow2 for hosts",
        &[
            "qemu-img".into(),
            "convert".into(),
            "-q".into(),
            "-f".into(),
            "raw".into(),
            "-O".into(),
            "qcow2".into(),
            raw.display().to_string(),
            tmp.display().to_string(),
        ],
    )?;
    std::fs::rename(&tmp, &q).map_err(|e| VirtError::io(q.display().to_string(), e))?;
    Ok(q)
}
