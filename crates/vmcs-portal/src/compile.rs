//! Compiling a user's Pan, which is untrusted: the include path is the user's own templates
//! (written to a scratch directory) and the stdlib, nothing else; `file_contents()` and
//! `file_exists()` are confined to them (`CompileOptions::confined`); iterations, recursion,
//! value and profile sizes are limited; the compile runs on a worker thread with a
//! wall-clock limit; and the result must be a VM profile that asks nothing of the host
//! (`VmProfile::host_access`, the gate of `vmcs spawn --untrusted`).

use crate::error::ApiError;
use std::path::Path;
use std::time::Duration;

/// Limits of an untrusted compile.
pub const MAX_ITERATION: u64 = 100_000;
pub const MAX_RECURSION: usize = 50;
pub const MAX_VALUE_SIZE: usize = 1 << 20;
pub const MAX_PROFILE_SIZE: usize = 4 << 20;
pub const WALL_CLOCK: Duration = Duration::from_secs(20);

/// A compiled profile.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The object template's declared name.
    pub object: String,
    /// The pan XML skeleton.
    pub xml: String,
}

fn refuse(message: impl Into<String>, detail: serde_json::Value) -> ApiError {
    ApiError::Compile {
        message: message.into(),
        detail,
    }
}

/// The object template name `pan` declares (it must be an object template).
pub fn object_name(pan: &str) -> Result<String, ApiError> {
    let parsed = vmcs_syntax::parse(pan);
    let Some(t) = parsed.template else {
        return Err(refuse("the template does not parse", serde_json::json!({})));
    };
    if t.kind != vmcs_syntax::TemplateKind::Object {
        return Err(refuse(
            "a profile is an `object template`",
            serde_json::json!({}),
        ));
    }
    if !safe_name(&t.name) {
        return Err(refuse(
            format!("invalid template name `{}`", t.name),
            serde_json::json!({}),
        ));
    }
    Ok(t.name.clone())
}

/// A template name that may become a file under the scratch directory.
pub fn safe_name(name: &str) -> bool {
    vmcs_pan::template::valid_template_name(name)
        && name.len() <= 128
        && name
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != ".." && !p.starts_with('.'))
        && !name.starts_with("vmcs/")
}

/// Compile `pan` (an object template) for a user whose own templates are `own` (name, text).
pub fn compile_untrusted(
    stdlib: &Path,
    tmp_parent: &Path,
    own: &[(String, String)],
    pan: &str,
) -> Result<Compiled, ApiError> {
    let (object, root) = build_confined(stdlib, tmp_parent, own, pan)?;
    let mut out = Vec::new();
    vmcs_pan::output::xml::write_pan_xml(&root, &mut out);
    let xml = String::from_utf8_lossy(&out).into_owned();
    let profile = vmcs_model::VmProfile::from_pan_xml_str(&xml).map_err(|e| {
        refuse(
            format!("not a usable VM profile: {e}"),
            serde_json::json!({}),
        )
    })?;
    let access = profile.host_access();
    if !access.is_empty() {
        let list: Vec<_> = access
            .iter()
            .map(|(p, w)| serde_json::json!({ "path": p, "what": w }))
            .collect();
        return Err(refuse(
            format!(
                "the profile asks for access to the host ({}: {}), which portal users may not",
                access[0].0, access[0].1
            ),
            serde_json::json!({ "host_access": list }),
        ));
    }
    Ok(Compiled { object, xml })
}

/// Build `pan` (an object template) under the same confinement and limits, whatever it
/// describes (a VM or a network): its object name and profile tree.
pub fn build_confined(
    stdlib: &Path,
    tmp_parent: &Path,
    own: &[(String, String)],
    pan: &str,
) -> Result<(String, vmcs_pan::Value), ApiError> {
    let object = object_name(pan)?;
    std::fs::create_dir_all(tmp_parent).map_err(|e| ApiError::Internal(e.to_string()))?;
    let scratch = tempfile::Builder::new()
        .prefix("compile-")
        .tempdir_in(tmp_parent)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let write = |name: &str, text: &str| -> Result<std::path::PathBuf, ApiError> {
        let f = scratch.path().join(format!("{name}.pan"));
        if let Some(p) = f.parent() {
            std::fs::create_dir_all(p).map_err(|e| ApiError::Internal(e.to_string()))?;
        }
        std::fs::write(&f, text).map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok(f)
    };
    for (name, text) in own {
        if safe_name(name) && name != &object {
            write(name, text)?;
        }
    }
    let file = write(&object, pan)?;
    let opts = vmcs_pan::CompileOptions {
        include_dirs: vec![scratch.path().to_path_buf(), stdlib.to_path_buf()],
        max_iteration: MAX_ITERATION,
        max_recursion: MAX_RECURSION,
        max_value_size: MAX_VALUE_SIZE,
        max_profile_size: MAX_PROFILE_SIZE,
        nthread: 1,
        confined: true,
        ..vmcs_pan::CompileOptions::default()
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let obj = object.clone();
    std::thread::Builder::new()
        .name("vmcs-compile".into())
        .spawn(move || {
            let r = vmcs_pan::Compiler::new(opts).map(|c| c.compile_files(&[file]));
            let _ = tx.send(r.map(|v| v.into_iter().find(|(n, _)| **n == *obj)));
        })
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let result = match rx.recv_timeout(WALL_CLOCK) {
        Ok(r) => r,
        Err(_) => {
            return Err(refuse(
                format!(
                    "the compile took longer than {} s and was abandoned",
                    WALL_CLOCK.as_secs()
                ),
                serde_json::json!({}),
            ))
        }
    };
    let built = match result {
        Err(e) => return Err(refuse(e.message.clone(), serde_json::json!({}))),
        Ok(None) => return Err(refuse("the object was not built", serde_json::json!({}))),
        Ok(Some((_, Err(e)))) => return Err(diagnostic(&e)),
        Ok(Some((_, Ok(b)))) => b,
    };
    Ok((object, built.root.clone()))
}

/// A compile error as the API shows it: the message, the line, and the knowledge-center
/// rule with its suggestion and fix when it is one.
fn diagnostic(e: &vmcs_pan::Error) -> ApiError {
    let line = e.position().map(|(l, _)| l);
    let message = match &e.rule {
        Some(r) => format!("rule {}: {}", r.id, r.text),
        None => e.message.clone(),
    };
    refuse(
        message,
        serde_json::json!({ "line": line, "rule": e.rule, "hint": e.hint }),
    )
}
