//! vmcs-deps: software dependencies as a graph, resolved before anything is spawned.
//!
//! Load Debian `Packages` indexes (and optionally a dpkg `status` base) into a
//! [`Universe`], add Pan-authored [`LocalPackage`]s, then [`Universe::resolve`] a list of
//! [`Request`]s into a [`Resolution`]: the closure apt would install with
//! `apt-get install --no-install-recommends`, in an order that works, or a diagnostic that
//! explains the conflict as a chain.
//!
//! ```no_run
//! use vmcs_deps::{Request, Universe};
//! let mut u = Universe::new("amd64");
//! for path in vmcs_deps::apt_list_indexes("/var/lib/apt/lists".as_ref(), "amd64") {
//!     u.load_index(&path)?;
//! }
//! let r = u.resolve(&[Request::parse("openssh-server")?])?;
//! for p in r.to_install() {
//!     println!("{} {}", p.name, p.version);
//! }
//! # Ok::<(), vmcs_deps::DepsError>(())
//! ```
//!
//! Architecture Invariant: this crate never runs an external program (only its tests use
//! dpkg and apt, as oracles).

pub mod aptlists;
pub mod cli;
mod error;
mod explain;
pub mod fetch;
mod garbage;
pub mod index;
mod load;
mod local;
mod mark;
mod output;
pub mod panxml;
mod pick;
mod plan;
mod problem;
pub mod relation;
mod resolve;
mod universe;
pub mod version;

pub use error::{DepsError, MalformedIndex, MalformedRelation};
pub use load::index_label;
pub use local::{
    local_packages_from_json, requests_from_json, unescape, LocalPackage, LocalRelation, Request,
    Source,
};
pub use output::{Edge, Resolution, ResolvedPackage};
pub use universe::{IndexData, IndexKind, PkgId, Universe, VerId, VersionMeta};
pub use version::{compare as compare_versions, Relation};

use std::path::Path;

/// The Debian architecture of this machine, as `dpkg --print-architecture` would say.
pub fn default_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "i386",
        "arm" => "armhf",
        "powerpc64" => "ppc64el",
        "s390x" => "s390x",
        "riscv64" => "riscv64",
        "mips64" => "mips64el",
        other => other,
    }
}

/// The `Packages` indexes apt keeps in `dir` for `arch` (and `all`), in the order apt reads
/// them (its sources in `/etc/apt`; files no source names go last).
pub fn apt_list_indexes(dir: &Path, arch: &str) -> Vec<String> {
    apt_list_indexes_with(dir, Path::new("/etc/apt"), arch)
}

/// [`apt_list_indexes`] with apt's configuration directory given.
pub fn apt_list_indexes_with(dir: &Path, etc: &Path, arch: &str) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let want_arch = format!("binary-{arch}_");
    let mut found: Vec<(String, String)> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let is_index = name.contains("_Packages")
                && !name.contains("diff_Index")
                && (name.contains(&want_arch) || name.contains("binary-all_"));
            is_index.then(|| (name, e.path().to_string_lossy().into_owned()))
        })
        .collect();
    let sources = aptlists::read_sources(etc);
    aptlists::order_like_apt(&mut found, &sources, arch);
    found.into_iter().map(|(_, p)| p).collect()
}
