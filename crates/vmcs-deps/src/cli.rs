//! `vmcs deps`: resolve software requests (or a compiled profile) and print the plan.
//!
//! `vmcs deps openssh-server 'python3 (>= 3.11)' gcc=4:12.2.0-3` prints the packages to
//! install in order; `vmcs deps why libssl3 openssh-server` (or `--why libssl3`) prints the
//! chains of requests that pull a package in. Targets ending in `.json` or `.xml` are
//! compiled profiles: their `/software/packages` are the requests and their
//! `/software/knowledge` the Pan-authored packages.

use crate::error::DepsError;
use crate::local::{local_packages_from_json, requests_from_json, Request};
use crate::output::Resolution;
use crate::universe::Universe;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Dot,
}

/// Arguments of `vmcs deps`.
#[derive(Debug, Clone, clap::Args)]
pub struct DepsArgs {
    /// Package specs (`openssh-server`, `python3 (>= 3.11)`, `gcc=4:12.2.0-3`) or compiled
    /// profiles (`.json`, `.xml`). `why PACKAGE TARGETS...` explains one package.
    #[arg(value_name = "TARGET")]
    pub targets: Vec<String>,
    /// A Packages index (file or http:// URL; lz4, xz, gz or plain). Repeatable.
    /// Default: every index apt keeps in /var/lib/apt/lists for the architecture.
    #[arg(long = "index", value_name = "FILE|URL")]
    pub index: Vec<String>,
    /// Debian architecture (default: this machine's).
    #[arg(long)]
    pub arch: Option<String>,
    /// A dpkg status file: its installed packages are the base, never reinstalled.
    #[arg(long, value_name = "FILE")]
    pub base: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Explain why PACKAGE is part of the installation.
    #[arg(long, value_name = "PACKAGE")]
    pub why: Option<String>,
    /// Where apt keeps its lists (for the default indexes).
    #[arg(long, value_name = "DIR", default_value = "/var/lib/apt/lists")]
    pub lists: PathBuf,
}

/// What the command line asks for, once parsed.
#[derive(Debug, Default)]
pub struct Plan {
    pub why: Option<String>,
    pub requests: Vec<Request>,
    pub locals: Vec<crate::local::LocalPackage>,
}

/// Reads a compiled profile (`.json` or pan `.xml`) into its JSON form.
pub fn read_profile(path: &str) -> Result<serde_json::Value, DepsError> {
    let text = std::fs::read_to_string(path).map_err(|e| DepsError::io(path, &e))?;
    profile_from_str(&text, path)
}

/// Parses profile text (pan XML when `path` ends in `.xml`, else JSON) into its JSON form.
pub fn profile_from_str(text: &str, path: &str) -> Result<serde_json::Value, DepsError> {
    if path.ends_with(".xml") {
        crate::panxml::pan_xml_to_json(text, path)
    } else {
        serde_json::from_str(text).map_err(|e| DepsError::BadProfile {
            path: path.to_string(),
            message: format!("not JSON: {e}"),
        })
    }
}

/// Splits targets into requests, profile knowledge and an optional `why` package.
pub fn plan(targets: &[String], why: Option<String>) -> Result<Plan, DepsError> {
    let mut p = Plan {
        why,
        ..Plan::default()
    };
    let mut rest = targets;
    if rest.first().map(String::as_str) == Some("why") {
        let pkg = rest.get(1).ok_or_else(|| DepsError::BadTarget {
            target: "why".into(),
            message: "expected `why PACKAGE TARGETS...`".into(),
        })?;
        p.why = Some(pkg.clone());
        rest = &rest[2..];
    }
    for t in rest {
        if t.ends_with(".json") || t.ends_with(".xml") {
            let profile = read_profile(t)?;
            p.locals.extend(local_packages_from_json(&profile)?);
            p.requests.extend(requests_from_json(&profile)?);
        } else {
            p.requests.push(Request::parse(t)?);
        }
    }
    if p.requests.is_empty() {
        return Err(DepsError::BadTarget {
            target: targets.join(" "),
            message: "nothing to resolve: name packages or a profile with /software/packages"
                .into(),
        });
    }
    Ok(p)
}

/// Loads the indexes, the base and the knowledge into a universe.
pub fn load(args: &DepsArgs, plan: &Plan) -> Result<Universe, DepsError> {
    let arch = args.arch.as_deref().unwrap_or(crate::default_arch());
    let mut u = Universe::new(arch);
    if args.index.is_empty() {
        u.load_apt_lists(&args.lists)?;
    }
    for i in &args.index {
        u.load_index(i)?;
    }
    if let Some(b) = &args.base {
        u.load_status(b)?;
    }
    for l in &plan.locals {
        u.add_local(l.clone())?;
    }
    Ok(u)
}

/// Renders a resolution (or a `why` answer) in the chosen format.
pub fn render(r: &Resolution, why: Option<&str>, format: Format) -> String {
    match (why, format) {
        (None, Format::Text) => r.to_text(),
        (None, Format::Json) => r.to_json() + "\n",
        (None, Format::Dot) => r.to_dot(),
        (Some(w), Format::Text) => r.why_text(w),
        (Some(w), Format::Json) => {
            let v = serde_json::json!({ "package": w, "chains": r.why(w) });
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        (Some(w), Format::Dot) => {
            let keep: Vec<String> = r.why(w).into_iter().flatten().collect();
            r.restrict(&keep).to_dot()
        }
    }
}

/// Runs `vmcs deps`.
pub fn run(args: DepsArgs) -> miette::Result<ExitCode> {
    let plan = plan(&args.targets, args.why.clone())?;
    let u = load(&args, &plan)?;
    let r = u.resolve(&plan.requests)?;
    if let Some(w) = &plan.why {
        if r.get(w).is_none() {
            return Err(crate::pick::unknown_in_plan(w, &r).into());
        }
    }
    print!("{}", render(&r, plan.why.as_deref(), args.format));
    Ok(ExitCode::SUCCESS)
}

impl Resolution {
    /// The part of the resolution made of the named packages (and edges between them).
    pub fn restrict(&self, names: &[String]) -> Resolution {
        let keep = |n: &str| names.iter().any(|k| k == n);
        Resolution {
            arch: self.arch.clone(),
            requests: self.requests.clone(),
            packages: self
                .packages
                .iter()
                .filter(|p| keep(&p.name))
                .cloned()
                .collect(),
            order: self.order.iter().filter(|n| keep(n)).cloned().collect(),
            edges: self
                .edges
                .iter()
                .filter(|e| keep(&e.from) && keep(&e.to))
                .cloned()
                .collect(),
            cycles: Vec::new(),
            removed: self.removed.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_understands_why_and_specs() {
        let t: Vec<String> = ["why", "libssl3", "openssh-server", "gcc=4:12.2.0-3"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let p = plan(&t, None).unwrap();
        assert_eq!(p.why.as_deref(), Some("libssl3"));
        assert_eq!(p.requests.len(), 2);
        assert_eq!(p.requests[1].to_string(), "gcc (= 4:12.2.0-3)");
        let e = plan(&["why".to_string()], None).unwrap_err();
        assert_eq!(e.code_str(), "vmcs::deps::bad_target");
        let e = plan(&[], None).unwrap_err();
        assert!(e.to_string().contains("nothing to resolve"), "{e}");
    }

    #[test]
    fn load_without_indexes_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let args = DepsArgs {
            targets: vec!["a".into()],
            index: vec![],
            arch: Some("amd64".into()),
            base: None,
            format: Format::Text,
            why: None,
            lists: dir.path().to_path_buf(),
        };
        let e = load(&args, &Plan::default()).unwrap_err();
        assert_eq!(e.code_str(), "vmcs::deps::no_index");
    }
}
