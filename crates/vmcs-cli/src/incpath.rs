//! Include paths for VM templates: the template's own root (found from its declared name, so
//! `vmcs spawn path/to/net/app.pan` finds `net/lab-switch`), the user's directories, and the
//! stdlib shipped in the binary (`vmcs_stdlib::dir`). `vmcs compile` keeps panc's behaviour:
//! the stdlib is only added when no `--include-path` is given.

use std::path::{Path, PathBuf};

/// The stdlib directory, if it can be written out.
pub fn stdlib() -> Option<PathBuf> {
    vmcs_stdlib::dir().ok()
}

/// The root directory of a template file, from the name it declares (`net/app` in
/// `path/to/net/app.pan` gives `path/to`), or its directory when it declares none.
pub fn template_root(file: &Path) -> PathBuf {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let Ok(text) = std::fs::read_to_string(file) else {
        return dir;
    };
    let parsed = vmcs_syntax::parse(&text);
    let Some(name) = parsed.template.as_ref().map(|t| t.name.clone()) else {
        return dir;
    };
    let depth = name.matches('/').count();
    let stem_ok = file
        .with_extension("")
        .to_string_lossy()
        .replace('\\', "/")
        .ends_with(&name);
    if !stem_ok {
        return dir;
    }
    let mut root = dir;
    for _ in 0..depth {
        root = root
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
    }
    root
}

/// Include directories for compiling `template`: the given `--include-path`, or the
/// template's root and the current directory; then the stdlib unless one of them has it.
pub fn for_template(spec: Option<&str>, template: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = match spec {
        Some(s) => s
            .split(':')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect(),
        None => {
            let mut v = vec![template_root(template)];
            if let Ok(cwd) = std::env::current_dir() {
                if !v
                    .iter()
                    .any(|d| d.canonicalize().ok() == cwd.canonicalize().ok())
                {
                    v.push(cwd);
                }
            }
            v
        }
    };
    with_stdlib(&mut dirs);
    dirs
}

/// Append the stdlib to `dirs` unless one of them already holds `vmcs/vm.pan`.
pub fn with_stdlib(dirs: &mut Vec<PathBuf>) {
    if dirs.iter().any(|d| d.join("vmcs/vm.pan").is_file()) {
        return;
    }
    if let Some(s) = stdlib() {
        dirs.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_from_the_declared_name() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("sites/net/app.pan");
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(&f, "object template net/app;\n'/a' = 1;\n").unwrap();
        assert_eq!(template_root(&f), d.path().join("sites"));
        let g = d.path().join("other.pan");
        std::fs::write(&g, "object template wrong/name;\n").unwrap();
        assert_eq!(template_root(&g), d.path());
    }
}
