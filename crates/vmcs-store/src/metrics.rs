//! The monitor's history: CPU, memory, disk and network rates per instance over time.

use crate::{Result, Store};
use rusqlite::params;
use serde::Serialize;

/// One sample of one instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricRow {
    pub instance: String,
    pub ts: i64,
    pub cpu_pct: f64,
    pub mem_kib: i64,
    pub disk_rd_bps: f64,
    pub disk_wr_bps: f64,
    pub net_rx_bps: f64,
    pub net_tx_bps: f64,
}

impl Store {
    /// Record samples and drop those older than `keep_secs`.
    pub fn add_metrics(&self, rows: &[MetricRow], keep_secs: i64) -> Result<()> {
        self.transaction(|s| {
            for m in rows {
                s.conn
                    .execute(
                        "INSERT OR REPLACE INTO metrics (instance, ts, cpu_pct, mem_kib, disk_rd_bps, disk_wr_bps, net_rx_bps, net_tx_bps) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![m.instance, m.ts, m.cpu_pct, m.mem_kib, m.disk_rd_bps, m.disk_wr_bps, m.net_rx_bps, m.net_tx_bps],
                    )
                    .map_err(|e| s.err(e))?;
            }
            if let Some(newest) = rows.iter().map(|m| m.ts).max() {
                s.conn
                    .execute("DELETE FROM metrics WHERE ts < ?1", [newest - keep_secs])
                    .map_err(|e| s.err(e))?;
            }
            Ok(())
        })
    }

    /// Samples of one instance since `since` (unix seconds), oldest first.
    pub fn metrics(&self, instance: &str, since: i64) -> Result<Vec<MetricRow>> {
        let mut st = self
            .conn
            .prepare("SELECT instance, ts, cpu_pct, mem_kib, disk_rd_bps, disk_wr_bps, net_rx_bps, net_tx_bps FROM metrics WHERE instance = ?1 AND ts >= ?2 ORDER BY ts")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![instance, since], |r| {
                Ok(MetricRow {
                    instance: r.get(0)?,
                    ts: r.get(1)?,
                    cpu_pct: r.get(2)?,
                    mem_kib: r.get(3)?,
                    disk_rd_bps: r.get(4)?,
                    disk_wr_bps: r.get(5)?,
                    net_rx_bps: r.get(6)?,
                    net_tx_bps: r.get(7)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}
