//! Putting the resolved package set into a compiled VM profile: the definition component's
//! "eliminating software dependencies" step, between compiling and spawning.

use std::path::PathBuf;
use vmcs_pan::{Dict, Key, Value};

/// Where package knowledge comes from.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ResolveOpts {
    /// Resolve `/software/packages` of VM profiles and write the result to `/software/resolved`.
    #[arg(long)]
    pub resolve_packages: bool,
    /// Packages index files or URLs (default: the lists apt keeps in /var/lib/apt/lists).
    #[arg(long = "index", value_name = "FILE|URL")]
    pub index: Vec<String>,
    /// Architecture to resolve for (default: this machine's).
    #[arg(long)]
    pub arch: Option<String>,
    /// A dpkg status file of what the base system already has.
    #[arg(long, value_name = "FILE")]
    pub base: Option<PathBuf>,
}

/// Resolve the profile's software (when it has any) and store it under `/software/resolved`.
pub fn resolve_into(root: &mut Value, opts: &ResolveOpts) -> Result<(), String> {
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
    let mut u = vmcs_deps::Universe::new(arch.as_deref().unwrap_or(vmcs_deps::default_arch()));
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
    for l in vmcs_deps::local_packages_from_json(&json).map_err(|e| e.to_string())? {
        u.add_local(l).map_err(|e| e.to_string())?;
    }
    let resolution = u.resolve(&requests).map_err(|e| e.to_string())?;
    let list: Vec<Value> = resolution
        .to_install()
        .map(|p| {
            let mut d = Dict::new();
            d.insert(Key::new("name"), Value::str(&p.name));
            d.insert(Key::new("version"), Value::str(&p.version));
            d.insert(Key::new("arch"), Value::str(&p.arch));
            let source = serde_json::to_value(p.source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string));
            d.insert(
                Key::new("source"),
                Value::string(source.unwrap_or_else(|| "apt".into())),
            );
            d.insert(Key::new("requested"), Value::Bool(p.requested));
            d.insert(
                Key::new("pulled_in_by"),
                Value::list(p.pulled_in_by.iter().map(|s| Value::str(s)).collect()),
            );
            d.insert(Key::new("order"), Value::Long(p.order as i64));
            Value::dict(d)
        })
        .collect();
    let software = root
        .dict_mut()
        .and_then(|d| d.get_mut(&Key::new("software")))
        .and_then(|s| s.dict_mut())
        .ok_or("profile has no /software dict")?;
    software.insert(Key::new("resolved"), Value::list(list));
    Ok(())
}
