//! The vmcs Pan library, shipped inside the binary so that `vmcs new`, `check`, `spawn` and
//! `serve` find `vmcs/vm` from any directory. It is written out once per content hash to a
//! cache directory (an include directory like any other, so diagnostics point at real files)
//! unless `VMCS_STDLIB` names a stdlib directory to use instead.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/stdlib_files.rs"));

/// A hash of the embedded files (names the extracted copy).
pub fn content_hash() -> String {
    let mut h = Sha256::new();
    for (p, c) in FILES {
        h.update(p.as_bytes());
        h.update([0]);
        h.update(c.as_bytes());
        h.update([0]);
    }
    hex::encode(h.finalize())[..16].to_string()
}

/// The contents of one stdlib file (`vmcs/vm.pan`).
pub fn file(path: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, c)| *c)
}

fn cache_base() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("vmcs");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        return PathBuf::from(h).join(".cache/vmcs");
    }
    std::env::temp_dir().join("vmcs-cache")
}

/// Write the embedded stdlib under `base` (once: `base/stdlib-HASH`), atomically.
pub fn extract_to(base: &Path) -> std::io::Result<PathBuf> {
    let dir = base.join(format!("stdlib-{}", content_hash()));
    if dir.join("vmcs/vm.pan").is_file() {
        return Ok(dir);
    }
    std::fs::create_dir_all(base)?;
    let tmp = base.join(format!(".stdlib-{}.{}", content_hash(), std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    for (p, c) in FILES {
        let f = tmp.join(p);
        if let Some(parent) = f.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&f, c)?;
    }
    match std::fs::rename(&tmp, &dir) {
        Ok(()) => Ok(dir),
        // Another process extracted it meanwhile.
        Err(_) if dir.join("vmcs/vm.pan").is_file() => {
            let _ = std::fs::remove_dir_all(&tmp);
            Ok(dir)
        }
        Err(e) => Err(e),
    }
}

/// The stdlib directory to compile with: `$VMCS_STDLIB`, else the embedded copy written to
/// the user's cache directory (or the system's temporary directory).
pub fn dir() -> std::io::Result<PathBuf> {
    if let Some(s) = std::env::var_os("VMCS_STDLIB").filter(|s| !s.is_empty()) {
        return Ok(PathBuf::from(s));
    }
    extract_to(&cache_base()).or_else(|_| extract_to(&std::env::temp_dir().join("vmcs-cache")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_the_library_and_extracts_it_once() {
        assert!(file("vmcs/vm.pan").is_some_and(|c| c.contains("unique template vmcs/vm")));
        let d = tempfile::tempdir().unwrap();
        let a = extract_to(d.path()).unwrap();
        let b = extract_to(d.path()).unwrap();
        assert_eq!(a, b);
        assert_eq!(
            std::fs::read_to_string(a.join("vmcs/vm.pan")).unwrap(),
            file("vmcs/vm.pan").unwrap()
        );
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
    }
}
