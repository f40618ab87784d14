//! The content-addressed image cache: layer keys and paths, the locks that keep two spawns
//! from building one layer twice, the sweep of builds a killed spawn left, and `gc`, which
//! never removes a layer that an instance's overlay still uses.
//!
//! Layers are built in `layers/.build-NAME.PID` and renamed into place when complete, so a
//! layer directory either is whole or does not exist; its row is written after the rename.

use crate::error::SpawnError;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::path::{Path, PathBuf};
use vmcs_store::{LayerRow, Store};

/// Short content hash of a canonical description.
pub fn key_of(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())[..16].to_string()
}

/// `STATE/layers`.
pub fn layers_dir(state: &Path) -> PathBuf {
    state.join("layers")
}

/// The directory of a finished layer (`STATE/layers/KIND-KEY`).
pub fn layer_dir(state: &Path, kind: &str, key: &str) -> PathBuf {
    layers_dir(state).join(format!("{kind}-{key}"))
}

/// Where this process builds a layer before renaming it into place.
pub fn build_dir(state: &Path, kind: &str, key: &str) -> PathBuf {
    layers_dir(state).join(format!(".build-{kind}-{key}.{}", std::process::id()))
}

/// Bytes used by a file or tree (allocated blocks, so sparse images count what they hold).
pub fn disk_usage(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let mut total = 0;
    let mut todo = vec![path.to_path_buf()];
    while let Some(p) = todo.pop() {
        let Ok(m) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        if m.is_dir() {
            if let Ok(rd) = std::fs::read_dir(&p) {
                todo.extend(rd.flatten().map(|e| e.path()));
            }
        } else {
            total += m.blocks() * 512;
        }
    }
    total
}

/// An exclusive lock on a name in `STATE/locks`, held until dropped.
pub struct Lock {
    _f: nix::fcntl::Flock<File>,
}

/// Take the lock `name`, waiting for other vmcs processes that hold it.
pub fn lock(state: &Path, name: &str) -> Result<Lock, SpawnError> {
    let dir = state.join("locks");
    let path = dir.join(format!("{name}.lock"));
    let io = |e: std::io::Error| SpawnError::Io {
        step: format!("lock `{name}`"),
        path: path.clone(),
        message: e.to_string(),
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    let f = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io)?;
    let f = nix::fcntl::Flock::lock(f, nix::fcntl::FlockArg::LockExclusive)
        .map_err(|(_, e)| io(std::io::Error::from(e)))?;
    Ok(Lock { _f: f })
}

fn pid_alive(pid: i32) -> bool {
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok()
}

/// Mount points at or below `dir`, deepest first (from `/proc/self/mounts`).
pub fn mounts_under(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string("/proc/self/mounts").unwrap_or_default();
    let mut v: Vec<String> = text
        .lines()
        .filter_map(|l| l.split(' ').nth(1))
        .map(|m| m.replace("\\040", " "))
        .filter(|m| Path::new(m).starts_with(dir))
        .collect();
    v.sort_by_key(|m| std::cmp::Reverse(m.len()));
    v
}

/// Remove the build directories of spawns that died (their PID is gone), unmounting what a
/// killed debootstrap left mounted inside them. Returns what was removed.
pub fn sweep(state: &Path, runner: &crate::runner::Runner) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(rd) = std::fs::read_dir(layers_dir(state)) else {
        return removed;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(".build-") else {
            continue;
        };
        let pid = rest.rsplit('.').next().and_then(|p| p.parse::<i32>().ok());
        if pid.is_some_and(pid_alive) {
            continue;
        }
        // A spawn killed with SIGKILL leaves its children running (apt or dpkg chrooted in
        // the build directory), still writing there: stop them before removing it.
        kill_users(&e.path(), runner);
        remove_tree(&e.path(), runner);
        removed.push(e.path());
    }
    removed
}

/// Kill the processes whose root or working directory is at or below `dir`, or whose
/// command line names it (what a killed spawn left running in its build directory), and
/// wait a moment for them to go.
pub fn kill_users(dir: &Path, runner: &crate::runner::Runner) {
    let me = std::process::id();
    let mut killed = Vec::new();
    if let Ok(rd) = std::fs::read_dir("/proc") {
        for e in rd.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|p| p.parse::<u32>().ok()) else {
                continue;
            };
            if pid == me {
                continue;
            }
            // Chrooted or working there (apt, dpkg), or naming it (`cp -a BASE DIR/root`).
            let inside = ["root", "cwd"]
                .iter()
                .any(|l| std::fs::read_link(e.path().join(l)).is_ok_and(|t| t.starts_with(dir)))
                || std::fs::read(e.path().join("cmdline")).is_ok_and(|c| {
                    let c = String::from_utf8_lossy(&c).replace('\0', " ");
                    c.contains(&*dir.to_string_lossy())
                });
            if inside {
                let _ = nix::sys::signal::kill(
                    nix::unistd::Pid::from_raw(pid as i32),
                    nix::sys::signal::Signal::SIGKILL,
                );
                killed.push(pid);
            }
        }
    }
    if killed.is_empty() {
        return;
    }
    runner.note(&format!(
        "cleanup: killed {} process(es) left in {}: {killed:?}",
        killed.len(),
        dir.display()
    ));
    for _ in 0..50 {
        if !killed.iter().any(|p| pid_alive(*p as i32)) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Remove a tree, first unmounting anything mounted inside it.
pub fn remove_tree(path: &Path, runner: &crate::runner::Runner) {
    for m in mounts_under(path) {
        let _ = runner.run("cleanup", &["umount".into(), "-l".into(), m]);
    }
    runner.note(&format!("cleanup: remove {}", path.display()));
    let _ = if path.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
}

/// Whether a layer is cached: its row exists and its directory is still there.
pub fn has_layer(store: Option<&Store>, state: &Path, kind: &str, key: &str) -> bool {
    let dir = layer_dir(state, kind, key);
    match store {
        Some(s) => s.layer(key).ok().flatten().is_some() && dir.is_dir(),
        None => false,
    }
}

/// Remove layers no instance uses (directly or through a child layer) and not used for
/// `older_than` seconds; with `only`, just that layer and the layers built on it. An
/// instance uses a layer when its machine's disks are overlays on a file inside the layer's
/// directory. Returns the removed rows.
pub fn gc(
    store: &Store,
    older_than: i64,
    dry_run: bool,
    only: Option<&str>,
) -> Result<Vec<LayerRow>, SpawnError> {
    let db = |e: vmcs_store::StoreError| SpawnError::Store(e.to_string());
    let mut used: Vec<PathBuf> = Vec::new();
    for i in store.instances(None).map_err(db)? {
        let m = crate::Machine::from_json(&i.machine).map_err(SpawnError::Unsupported)?;
        used.extend(m.backing_files());
        if let crate::Boot::Direct { kernel, .. } = &m.boot {
            used.push(kernel.clone());
        }
    }
    let mut removed = Vec::new();
    loop {
        let layers = store.layers().map_err(db)?;
        let cutoff = vmcs_store::now() - older_than;
        // Whether `l` is `only` or built on it (following parents up the chain).
        let in_scope = |l: &LayerRow| {
            let Some(k) = only else { return true };
            let mut cur = Some(l.clone());
            for _ in 0..16 {
                match cur {
                    Some(c) if c.key == k => return true,
                    Some(c) => {
                        cur = c
                            .parent
                            .as_deref()
                            .and_then(|p| layers.iter().find(|x| x.key == p).cloned())
                    }
                    None => return false,
                }
            }
            false
        };
        let victim = layers.iter().find(|l| {
            in_scope(l)
                && !removed.iter().any(|r: &LayerRow| r.key == l.key)
                && l.last_used <= cutoff
                && !used.iter().any(|u| u.starts_with(&l.path))
                && !layers.iter().any(|c| {
                    c.parent.as_deref() == Some(&l.key) && !removed.iter().any(|r| r.key == c.key)
                })
        });
        let Some(v) = victim.cloned() else { break };
        if !dry_run {
            let _ = std::fs::remove_dir_all(&v.path);
            store.delete_layer(&v.key).map_err(db)?;
        }
        removed.push(v);
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(store: &Store, dir: &Path, key: &str, kind: &str, parent: Option<&str>) {
        let path = dir.join(format!("{kind}-{key}"));
        std::fs::create_dir_all(&path).unwrap();
        store
            .put_layer(&LayerRow {
                key: key.into(),
                kind: kind.into(),
                parent: parent.map(str::to_string),
                path: path.display().to_string(),
                created: 0,
                size: 0,
                last_used: 0,
            })
            .unwrap();
    }

    #[test]
    fn gc_of_one_layer_takes_it_and_what_is_built_on_it_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        layer(&store, dir.path(), "b", "base", None);
        layer(&store, dir.path(), "p1", "pkg", Some("b"));
        layer(&store, dir.path(), "p2", "pkg", Some("b"));
        layer(&store, dir.path(), "i1", "img", Some("p1"));
        layer(&store, dir.path(), "i2", "img", Some("p2"));
        let dry = gc(&store, 0, true, Some("p1")).unwrap();
        let keys: Vec<&str> = dry.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["i1", "p1"], "children first");
        assert_eq!(
            store.layers().unwrap().len(),
            5,
            "a dry run removes nothing"
        );
        gc(&store, 0, false, Some("p1")).unwrap();
        let left: Vec<String> = store.layers().unwrap().into_iter().map(|l| l.key).collect();
        assert_eq!(left.len(), 3);
        assert!(["b", "p2", "i2"]
            .iter()
            .all(|k| left.iter().any(|l| l == k)));
        assert!(!dir.path().join("pkg-p1").exists() && dir.path().join("pkg-p2").exists());
        // Without `only`, everything unused goes.
        assert_eq!(gc(&store, 0, false, None).unwrap().len(), 3);
    }
}
