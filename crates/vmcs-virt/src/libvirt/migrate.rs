//! Live migration between two libvirt hosts that share no storage: the destination gets the
//! machine's base images, kernel and initrd (uploaded once) and an empty overlay, its
//! created bridges, then libvirt migrates the domain live and copies the overlay's blocks
//! (`VIR_MIGRATE_NON_SHARED_INC`); the definition moves with it.

use super::{verr, LibvirtDriver};
use crate::VirtError;
use std::time::Instant;
use virt::domain::MigrateParameters;
use vmcs_image::Machine;

/// How a migration went.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MigrateReport {
    pub from: String,
    pub to: String,
    pub live: bool,
    /// Preparing the destination (uploads, overlays, networks).
    pub prepare_secs: f64,
    /// The migration itself.
    pub migrate_secs: f64,
    /// The pause libvirt reports for the switch-over, when it reports one.
    pub downtime_ms: Option<u64>,
}

/// The address the destination's QEMU listens on for the migration stream: the host of its
/// URI (`qemu+tcp://10.77.0.11/system` → `tcp://10.77.0.11`), so the destination never has
/// to be found by its host name.
pub fn migration_uri(dest_uri: &str) -> Option<String> {
    let rest = dest_uri.split_once("://")?.1;
    let host = rest.split('/').next()?.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then(|| format!("tcp://{host}"))
}

/// Migrate `m` from `src` to `dst`.
pub fn migrate(
    src: &LibvirtDriver,
    dst: &LibvirtDriver,
    m: &Machine,
    live: bool,
) -> Result<MigrateReport, VirtError> {
    let t = Instant::now();
    let dom = src
        .conn
        .lookup_domain_by_name(&m.name)
        .map_err(|_| VirtError::state(m, format!("is not on host `{}`", src.host)))?;
    let running = dom.is_active().unwrap_or(false);
    dst.ensure_networks(m)?;
    // The destination's volumes: bases, kernel and initrd uploaded, overlays created empty
    // (libvirt copies the top layer into them).
    let files = dst.prepare(m)?;
    let prepare_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut flags = virt::sys::VIR_MIGRATE_PERSIST_DEST | virt::sys::VIR_MIGRATE_UNDEFINE_SOURCE;
    if running {
        flags |= virt::sys::VIR_MIGRATE_NON_SHARED_INC;
        if live {
            flags |= virt::sys::VIR_MIGRATE_LIVE;
        }
    } else {
        flags |= virt::sys::VIR_MIGRATE_OFFLINE;
    }
    let params = MigrateParameters {
        uri: if running {
            migration_uri(&dst.uri)
        } else {
            None
        },
        migrate_disks: if running {
            (0..files.disks.len())
                .map(|i| format!("vd{}", (b'a' + i as u8) as char))
                .collect()
        } else {
            Vec::new()
        },
        ..MigrateParameters::default()
    };
    dom.migrate3(&dst.conn, params, flags).map_err(verr(
        &src.host,
        &format!("migrate `{}` to `{}`", m.name, dst.host),
    ))?;
    let migrate_secs = t.elapsed().as_secs_f64();
    let downtime_ms = dst
        .conn
        .lookup_domain_by_name(&m.name)
        .ok()
        .and_then(|d| d.job_stats(virt::sys::VIR_DOMAIN_JOB_STATS_COMPLETED).ok())
        .and_then(|j| j.downtime);
    // The source keeps no copy of the VM's own volumes.
    let _ = src.delete_volumes(m);
    Ok(MigrateReport {
        from: src.host.clone(),
        to: dst.host.clone(),
        live: live && running,
        prepare_secs,
        migrate_secs,
        downtime_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migration_address_is_the_uri_host() {
        assert_eq!(
            migration_uri("qemu+tcp://10.77.0.11/system").as_deref(),
            Some("tcp://10.77.0.11")
        );
        assert_eq!(
            migration_uri("qemu+ssh://root@h2:22/system").as_deref(),
            Some("tcp://h2")
        );
        assert_eq!(migration_uri("qemu:///system"), None);
    }
}
