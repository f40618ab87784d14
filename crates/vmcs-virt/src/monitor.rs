//! CIVIC's monitor: samples of every running VM's counters (CPU time, memory, disk and
//! network bytes) from each host at once, turned into rates between two samples, and a
//! collector that keeps a rolling history in the store (`vmcs monitor`, `vmcs serve`).

use crate::ops::Ops;
use crate::DomStats;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use vmcs_image::Machine;
use vmcs_store::{MetricRow, Store};

/// The counters of one VM at one moment.
#[derive(Debug, Clone, Serialize)]
pub struct Sample {
    pub name: String,
    pub host: String,
    /// Seconds since the epoch, with fractions.
    pub at: f64,
    pub stats: DomStats,
}

fn now_f() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// Counters of every VM vmcs made that is running (or every VM of `owner`), asking each
/// host once and all hosts at once (5 s at most each).
pub fn sample(state: &Path, owner: Option<&str>) -> Result<Vec<Sample>, crate::VirtError> {
    let store = Store::open(state)?;
    let mut groups: BTreeMap<(String, String), Vec<Machine>> = BTreeMap::new();
    for r in store.instances(owner)? {
        if r.state != "running" || r.backend.is_empty() {
            continue;
        }
        if let Ok(m) = Machine::from_json(&r.machine) {
            groups
                .entry((r.backend.clone(), r.host.clone()))
                .or_default()
                .push(m);
        }
    }
    drop(store);
    let handles: Vec<_> = groups
        .into_iter()
        .map(|((backend, host), ms)| {
            let state = state.to_path_buf();
            let h = host.clone();
            let t = std::thread::spawn(move || {
                crate::hosts::with_timeout(Duration::from_secs(5), move || -> Vec<Sample> {
                    let Ok(store) = Store::open(&state) else {
                        return Vec::new();
                    };
                    let ops = Ops::new(&store, &state);
                    let Ok(d) = ops.driver(&backend, &h) else {
                        return Vec::new();
                    };
                    ms.iter()
                        .filter_map(|m| {
                            let stats = d.stats(m).ok()?;
                            Some(Sample {
                                name: m.name.clone(),
                                host: h.clone(),
                                at: now_f(),
                                stats,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default()
            });
            (host, t)
        })
        .collect();
    Ok(handles
        .into_iter()
        .flat_map(|(_, t)| t.join().unwrap_or_default())
        .collect())
}

/// Rates between two samples of the same VMs: CPU % (of one CPU; a busy 2-vCPU guest shows
/// up to 200), memory, disk and network bytes per second.
pub fn rates(prev: &[Sample], cur: &[Sample]) -> Vec<MetricRow> {
    cur.iter()
        .filter_map(|c| {
            let p = prev.iter().find(|p| p.name == c.name && p.host == c.host)?;
            let dt = (c.at - p.at).max(1e-3);
            let d = |a: u64, b: u64| a.saturating_sub(b) as f64 / dt;
            Some(MetricRow {
                instance: c.name.clone(),
                ts: c.at as i64,
                cpu_pct: d(c.stats.cpu_ns, p.stats.cpu_ns) / 1e9 * 100.0,
                mem_kib: c.stats.mem_kib as i64,
                disk_rd_bps: d(c.stats.disk_rd_bytes, p.stats.disk_rd_bytes),
                disk_wr_bps: d(c.stats.disk_wr_bytes, p.stats.disk_wr_bytes),
                net_rx_bps: d(c.stats.net_rx_bytes, p.stats.net_rx_bytes),
                net_tx_bps: d(c.stats.net_tx_bytes, p.stats.net_tx_bytes),
            })
        })
        .collect()
}

/// Sample every `interval`, store the rates and keep `keep` of history, until `stop`.
pub fn collect(
    state: &Path,
    interval: Duration,
    keep: Duration,
    stop: &AtomicBool,
) -> Result<(), crate::VirtError> {
    let mut prev = sample(state, None)?;
    while !stop.load(Ordering::SeqCst) {
        let t = Instant::now();
        while t.elapsed() < interval && !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(100));
        }
        let cur = sample(state, None)?;
        let rows = rates(&prev, &cur);
        if !rows.is_empty() {
            Store::open(state)?.add_metrics(&rows, keep.as_secs() as i64)?;
        }
        prev = cur;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_between_two_samples() {
        let s = |at: f64, cpu: u64, rx: u64| Sample {
            name: "a".into(),
            host: "local".into(),
            at,
            stats: DomStats {
                cpu_ns: cpu,
                net_rx_bytes: rx,
                mem_kib: 1000,
                ..DomStats::default()
            },
        };
        let r = rates(&[s(10.0, 0, 0)], &[s(12.0, 1_000_000_000, 4000)]);
        assert_eq!(r.len(), 1);
        assert!((r[0].cpu_pct - 50.0).abs() < 1e-9);
        assert!((r[0].net_rx_bps - 2000.0).abs() < 1e-9);
        assert!(rates(&[], &[s(1.0, 1, 1)]).is_empty());
    }
}
