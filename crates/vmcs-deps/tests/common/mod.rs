//! Helpers shared by the integration tests and the benchmark: the real indexes and apt.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use vmcs_deps::Universe;

/// A set of (package, version), what apt or vmcs would install.
pub type InstallSet = BTreeSet<(String, String)>;

/// Where apt keeps its lists.
pub const LISTS: &str = "/var/lib/apt/lists";

/// The indexes apt uses on this machine for amd64, or `None` (with a message) when there
/// are none (run `apt-get update`).
pub fn real_indexes() -> Option<Vec<String>> {
    let found = vmcs_deps::apt_list_indexes(Path::new(LISTS), "amd64");
    if found.is_empty() {
        println!("skipping: no Packages index in {LISTS} (run `apt-get update`)");
        return None;
    }
    Some(found)
}

/// A universe with every real index loaded.
pub fn real_universe() -> Option<Universe> {
    real_indexes()?;
    let mut u = Universe::new("amd64");
    u.load_apt_lists(Path::new(LISTS))
        .expect("the real indexes load");
    Some(u)
}

/// An empty dpkg status file, for apt.
pub fn empty_status() -> tempfile::NamedTempFile {
    tempfile::NamedTempFile::new().expect("temp file")
}

/// The command line of `apt-get -s install --no-install-recommends PKGS` from `status`.
/// `cache` is a directory for apt's binary caches (`None`: no cache, a cold start).
pub fn apt_command(status: &Path, cache: Option<&Path>, pkgs: &[&str]) -> Command {
    let mut c = Command::new("apt-get");
    c.arg("-s")
        .arg("-o")
        .arg("Debug::NoLocking=1")
        .arg("-o")
        .arg(format!("Dir::State::status={}", status.display()))
        .args(match cache {
            Some(dir) => vec![
                "-o".to_string(),
                format!("Dir::Cache={}", dir.display()),
                "-o".to_string(),
                "Dir::Cache::pkgcache=pkgcache.bin".to_string(),
                "-o".to_string(),
                "Dir::Cache::srcpkgcache=srcpkgcache.bin".to_string(),
            ],
            None => vec![
                "-o".to_string(),
                "Dir::Cache::pkgcache=".to_string(),
                "-o".to_string(),
                "Dir::Cache::srcpkgcache=".to_string(),
            ],
        })
        .arg("-o")
        .arg("APT::Architecture=amd64")
        .arg("install")
        .arg("--no-install-recommends")
        .args(pkgs)
        .env("LC_ALL", "C");
    c
}

/// `name version` of every `Inst` line of apt-get's simulation (`Inst name [old] (new ..)`
/// for upgrades).
pub fn parse_inst(stdout: &str) -> BTreeSet<(String, String)> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("Inst "))
        .filter_map(|l| {
            let (name, rest) = l.split_once(' ')?;
            let rest = rest
                .strip_prefix('[')
                .map_or(rest, |r| r.split_once("] ").map_or(r, |x| x.1));
            let version = rest.strip_prefix('(')?.split_whitespace().next()?;
            Some((name.to_string(), version.to_string()))
        })
        .collect()
}

/// The names of every `Remv` line of apt-get's simulation.
pub fn parse_remv(stdout: &str) -> BTreeSet<String> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("Remv "))
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.split(':').next().unwrap_or(n).to_string())
        .collect()
}

/// What apt-get would install for `pkgs` from the empty `status` (its stderr on failure),
/// keeping apt's binary caches in `cache`.
pub fn apt_closure(
    pkgs: &[&str],
    status: &Path,
    cache: &Path,
) -> Result<BTreeSet<(String, String)>, String> {
    let out = apt_command(status, Some(cache), pkgs)
        .output()
        .map_err(|e| format!("cannot run apt-get: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(parse_inst(&String::from_utf8_lossy(&out.stdout)))
}

/// The peak resident set size of this process so far, in KiB (`VmHWM`).
pub fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
