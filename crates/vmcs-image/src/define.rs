//! The definition component: compile a user-level VM template into its system-level
//! profile (the XML skeleton) and eliminate its software dependencies, resolving
//! `/software/packages` against the archives the guest will use into `/software/resolved`.
//! Shared by `vmcs spawn`, `vmcs compile --resolve-packages` and the portal.

use std::path::PathBuf;
use vmcs_pan::{Dict, Key, Value};

/// Where package knowledge comes from.
#[derive(Debug, Clone, Default)]
pub struct ResolveOpts {
    /// Packages index files or URLs (default: the lists apt keeps in /var/lib/apt/lists, or
    /// the guest's own archives for [`compile_for_guest`]).
    pub index: Vec<String>,
    /// Architecture to resolve for (default: the profile's, else this machine's).
    pub arch: Option<String>,
    /// A dpkg status file of what the base system already has.
    pub base: Option<PathBuf>,
}

/// Resolve the profile's software (when it has any) and store it under `/software/resolved`.
pub fn resolve_into(root: &mut Value, opts: &ResolveOpts) -> Result<(), String> {
    resolve_into_cached(root, opts, None)
}

/// [`resolve_into`], reusing a resolution stored in `cache` (a directory) when the same
/// requests were resolved against the same index files (same paths, sizes and modification
/// times) before: loading the indexes is most of the cost of a spawn from the cache.
pub fn resolve_into_cached(
    root: &mut Value,
    opts: &ResolveOpts,
    cache: Option<&std::path::Path>,
) -> Result<(), String> {
    let json: serde_json::Value =
        serde_json::from_str(&vmcs_pan::output::json::to_json_string(root))
            .map_err(|e| format!("profile is not JSON: {e}"))?;
    if json.pointer("/software/packages").is_none() {
        return Ok(());
    }
    let requests = vmcs_deps::requests_from_json(&json).map_err(|e| e.to_string())?;
    if requests.is_empty() {
        return Ok(());
    }
    let arch = opts.arch.clone().or_else(|| {
        json.pointer("/system/os/arch")
            .and_then(|a| a.as_str())
            .map(str::to_string)
    });
    let arch = arch.unwrap_or_else(|| vmcs_deps::default_arch().to_string());
    let file = cache.and_then(|dir| {
        resolution_key(&json, opts, &arch).map(|k| dir.join(format!("resolved-{k}.json")))
    });
    let cached: Option<Vec<Resolved>> = file
        .as_ref()
        .and_then(|f| std::fs::read(f).ok())
        .and_then(|b| serde_json::from_slice(&b).ok());
    let list = match cached {
        Some(list) => list,
        None => {
            let list = resolve_list(&json, &requests, opts, &arch)?;
            if let (Some(f), Ok(bytes)) = (&file, serde_json::to_vec(&list)) {
                // A cache: a failed write only costs the next spawn a resolution.
                let tmp = f.with_extension(format!("tmp{}", std::process::id()));
                if std::fs::write(&tmp, bytes).is_ok() {
                    let _ = std::fs::rename(&tmp, f);
                }
            }
            list
        }
    };
    let software = root
        .dict_mut()
        .and_then(|d| d.get_mut(&Key::new("software")))
        .and_then(|s| s.dict_mut())
        .ok_or("profile has no /software dict")?;
    software.insert(
        Key::new("resolved"),
        Value::list(list.iter().map(Resolved::to_pan).collect()),
    );
    Ok(())
}

/// One package of a resolution, as `/software/resolved` holds it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Resolved {
    name: String,
    version: String,
    arch: String,
    source: String,
    requested: bool,
    pulled_in_by: Vec<String>,
    order: i64,
}

impl Resolved {
    fn to_pan(&self) -> Value {
        let mut d = Dict::new();
        d.insert(Key::new("name"), Value::str(&self.name));
        d.insert(Key::new("version"), Value::str(&self.version));
        d.insert(Key::new("arch"), Value::str(&self.arch));
        d.insert(Key::new("source"), Value::str(&self.source));
        d.insert(Key::new("requested"), Value::Bool(self.requested));
        d.insert(
            Key::new("pulled_in_by"),
            Value::list(self.pulled_in_by.iter().map(|s| Value::str(s)).collect()),
        );
        d.insert(Key::new("order"), Value::Long(self.order));
        Value::dict(d)
    }
}

/// The key of a resolution: what is asked (packages, package knowledge, architecture, base)
/// and the identity of every index file it is resolved against. `None` when an input cannot
/// be identified (a URL, a missing file): such resolutions are not cached.
fn resolution_key(json: &serde_json::Value, opts: &ResolveOpts, arch: &str) -> Option<String> {
    let mut parts = vec![
        "resolution-1".to_string(),
        arch.to_string(),
        json.pointer("/software/packages")?.to_string(),
        json.pointer("/software/knowledge")
            .map(|k| k.to_string())
            .unwrap_or_default(),
    ];
    let mut files: Vec<PathBuf> = opts.index.iter().map(PathBuf::from).collect();
    if opts.index.is_empty() {
        return None;
    }
    files.extend(opts.base.iter().cloned());
    for f in files {
        if f.to_string_lossy().contains("://") {
            return None;
        }
        let m = std::fs::metadata(&f).ok()?;
        let mtime = m
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        parts.push(format!("{}:{}:{mtime}", f.display(), m.len()));
    }
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    Some(crate::cache::key_of(&refs))
}

/// Load the indexes and resolve.
fn resolve_list(
    json: &serde_json::Value,
    requests: &[vmcs_deps::Request],
    opts: &ResolveOpts,
    arch: &str,
) -> Result<Vec<Resolved>, String> {
    let mut u = vmcs_deps::Universe::new(arch);
    if opts.index.is_empty() {
        u.load_apt_lists(std::path::Path::new("/var/lib/apt/lists"))
            .map_err(|e| e.to_string())?;
    }
    for i in &opts.index {
        u.load_index(i).map_err(|e| e.to_string())?;
    }
    if let Some(b) = &opts.base {
        u.load_status(&b.to_string_lossy())
            .map_err(|e| e.to_string())?;
    }
    for l in vmcs_deps::local_packages_from_json(json).map_err(|e| e.to_string())? {
        u.add_local(l).map_err(|e| e.to_string())?;
    }
    let resolution = u.resolve(requests).map_err(|e| e.to_string())?;
    Ok(resolution
        .to_install()
        .map(|p| Resolved {
            name: p.name.to_string(),
            version: p.version.to_string(),
            arch: p.arch.to_string(),
            source: serde_json::to_value(p.source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| "apt".into()),
            requested: p.requested,
            pulled_in_by: p.pulled_in_by.iter().map(|s| s.to_string()).collect(),
            order: p.order as i64,
        })
        .collect())
}

/// Compile one object template with the include directories `dirs`; its profile's root.
pub fn compile_object(file: &std::path::Path, dirs: &[PathBuf]) -> miette::Result<Value> {
    let compiler = vmcs_pan::Compiler::new(vmcs_pan::CompileOptions {
        include_dirs: dirs.to_vec(),
        nthread: 1,
        ..vmcs_pan::CompileOptions::default()
    })
    .map_err(|e| e.to_report())?;
    let results = compiler.compile_files(&[file.to_path_buf()]);
    let name = compiler.object_name_for(file);
    let built = results
        .into_iter()
        .find(|(n, r)| **n == *name || r.is_err())
        .map(|(_, r)| r)
        .ok_or_else(|| miette::miette!("{} was not compiled", file.display()))?
        .map_err(|e| e.to_report())?;
    Ok(built.root.clone())
}

/// The file of template `name` on the include path (`.pan` before `.tpl`, as the loader).
pub fn find_template(dirs: &[PathBuf], name: &str) -> Option<PathBuf> {
    vmcs_model::checked::check_template_name(name).ok()?;
    dirs.iter()
        .flat_map(|d| [d.join(format!("{name}.pan")), d.join(format!("{name}.tpl"))])
        .find(|p| p.is_file())
}

/// Compile a VM template with `dirs`, resolve its software against the archives the guest
/// will use (`/software/repositories` or its suite's defaults; `--index` overrides), and
/// return the XML skeleton with `/software/resolved` filled.
pub fn compile_for_guest(
    file: &std::path::Path,
    dirs: &[PathBuf],
    opts: &ResolveOpts,
    state: &std::path::Path,
    refresh: bool,
) -> miette::Result<String> {
    let mut root = compile_object(file, dirs)?;
    let mut resolve = opts.clone();
    if resolve.index.is_empty() {
        let json = vmcs_pan::output::json::to_json_string(&root);
        let profile = vmcs_model::VmProfile::from_json_str(&json)?;
        let repos = vmcs_model::net::repositories(&profile);
        let arch = resolve
            .arch
            .clone()
            .unwrap_or_else(|| profile.system.os.arch.debian().to_string());
        let found = crate::repos::guest_indexes(&repos, &arch, state, refresh)
            .map_err(|e| miette::miette!(help = "the guest's archives must be reachable to resolve its packages (or pass --index)", "{e}"))?;
        resolve.index = found.iter().map(|i| i.path.display().to_string()).collect();
    }
    resolve_into_cached(&mut root, &resolve, Some(&state.join("indexes")))
        .map_err(|e| miette::miette!("cannot resolve the software: {e}"))?;
    let mut xml = Vec::new();
    vmcs_pan::output::xml::write_pan_xml(&root, &mut xml);
    String::from_utf8(xml).map_err(|e| miette::miette!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Value {
        let mut pkgs = Dict::new();
        pkgs.insert(Key::new("hello"), Value::dict(Dict::new()));
        let mut sw = Dict::new();
        sw.insert(Key::new("packages"), Value::dict(pkgs));
        let mut root = Dict::new();
        root.insert(Key::new("software"), Value::dict(sw));
        Value::dict(root)
    }

    fn resolved_versions(root: &Value) -> String {
        let j: serde_json::Value =
            serde_json::from_str(&vmcs_pan::output::json::to_json_string(root)).unwrap();
        j.pointer("/software/resolved")
            .and_then(|r| r.as_array())
            .map(|a| {
                a.iter()
                    .map(|p| {
                        format!(
                            "{}={}",
                            p["name"].as_str().unwrap(),
                            p["version"].as_str().unwrap()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_resolution_is_reused_until_an_index_changes() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("Packages");
        std::fs::write(
            &index,
            "Package: hello\nVersion: 1.0\nArchitecture: amd64\n\n",
        )
        .unwrap();
        let opts = ResolveOpts {
            index: vec![index.display().to_string()],
            arch: Some("amd64".into()),
            base: None,
        };
        let cache = dir.path().join("cache");
        std::fs::create_dir(&cache).unwrap();
        let mut root = profile();
        resolve_into_cached(&mut root, &opts, Some(&cache)).unwrap();
        assert_eq!(resolved_versions(&root), "hello=1.0");
        let files: Vec<_> = std::fs::read_dir(&cache).unwrap().flatten().collect();
        assert_eq!(files.len(), 1, "one stored resolution");
        // The stored resolution is what the next spawn uses (no index is read).
        let stored = files[0].path();
        let text = std::fs::read_to_string(&stored)
            .unwrap()
            .replace("1.0", "1.0-from-cache");
        std::fs::write(&stored, text).unwrap();
        let mut again = profile();
        resolve_into_cached(&mut again, &opts, Some(&cache)).unwrap();
        assert_eq!(resolved_versions(&again), "hello=1.0-from-cache");
        // A new index (another size or time) is resolved again.
        std::fs::write(
            &index,
            "Package: hello\nVersion: 2.0.1\nArchitecture: amd64\n\n",
        )
        .unwrap();
        let mut fresh = profile();
        resolve_into_cached(&mut fresh, &opts, Some(&cache)).unwrap();
        assert_eq!(resolved_versions(&fresh), "hello=2.0.1");
        // Without a cache directory nothing is stored or read.
        let mut plain = profile();
        resolve_into(&mut plain, &opts).unwrap();
        assert_eq!(resolved_versions(&plain), "hello=2.0.1");
    }

    #[test]
    fn resolutions_from_urls_are_not_cached() {
        let j = serde_json::json!({"software": {"packages": {"hello": {}}}});
        let url = ResolveOpts {
            index: vec!["http://deb.debian.org/debian/Packages".into()],
            ..ResolveOpts::default()
        };
        assert_eq!(resolution_key(&j, &url, "amd64"), None);
        assert_eq!(resolution_key(&j, &ResolveOpts::default(), "amd64"), None);
    }
}
