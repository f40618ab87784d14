//! The guest's archives as the resolver sees them: the `Packages` indexes of exactly the
//! suites the guest's `sources.list` names (`/software/repositories`, or the suite
//! defaults), downloaded into `STATE/indexes` and kept while the archive's `InRelease` is
//! unchanged. Resolving against these (not the host's apt lists, which may hold other
//! suites or other versions) is what makes the pinned versions installable in the guest.

use std::path::{Path, PathBuf};
use vmcs_model::Repository;

/// How long a downloaded index is used without asking the archive whether it changed.
pub const FRESH_SECS: u64 = 3600;

/// One index file to load, and where it came from.
#[derive(Debug, Clone)]
pub struct GuestIndex {
    pub url: String,
    pub path: PathBuf,
}

fn file_name(r: &Repository, comp: &str, arch: &str) -> String {
    format!(
        "{}_dists_{}_{comp}_binary-{arch}_Packages.xz",
        vmcs_deps::aptlists::uri_to_file_name(&r.uri),
        r.suite
    )
}

fn age_secs(p: &Path) -> Option<u64> {
    let m = std::fs::metadata(p).ok()?.modified().ok()?;
    std::time::SystemTime::now()
        .duration_since(m)
        .ok()
        .map(|d| d.as_secs())
}

fn write_atomic(path: &Path, data: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, data).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The indexes of the guest's archives for `arch`, fetched into `state/indexes` when missing
/// or stale (`refresh` forces asking the archive). When the archive cannot be reached, a
/// copy downloaded before is used.
pub fn guest_indexes(
    repos: &[Repository],
    arch: &str,
    state: &Path,
    refresh: bool,
) -> Result<Vec<GuestIndex>, String> {
    let dir = state.join("indexes");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for r in repos {
        let release_url = format!(
            "{}/dists/{}/InRelease",
            r.uri.trim_end_matches('/'),
            r.suite
        );
        let release_path = dir.join(format!(
            "{}_dists_{}_InRelease",
            vmcs_deps::aptlists::uri_to_file_name(&r.uri),
            r.suite
        ));
        let fresh = !refresh && age_secs(&release_path).is_some_and(|a| a < FRESH_SECS);
        let mut changed = false;
        if !fresh {
            match vmcs_deps::fetch::http_get(&release_url) {
                Ok(body) => {
                    let old = std::fs::read(&release_path).unwrap_or_default();
                    changed = old != body;
                    write_atomic(&release_path, &body)?;
                }
                Err(e) if release_path.exists() => {
                    eprintln!("warning: {release_url}: {e}; using the copy fetched before");
                }
                Err(e) => return Err(format!("cannot read the guest's archive: {e}")),
            }
        }
        for comp in &r.components {
            let url = format!(
                "{}/dists/{}/{comp}/binary-{arch}/Packages.xz",
                r.uri.trim_end_matches('/'),
                r.suite
            );
            let path = dir.join(file_name(r, comp, arch));
            if changed || !path.exists() {
                let body = vmcs_deps::fetch::http_get(&url)
                    .map_err(|e| format!("cannot read the guest's archive index: {e}"))?;
                write_atomic(&path, &body)?;
            }
            out.push(GuestIndex { url, path });
        }
    }
    Ok(out)
}
