//! The resolver options of `vmcs compile` and `vmcs spawn` (the work is in
//! `vmcs_image::define`).

use std::path::PathBuf;

/// Where package knowledge comes from.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ResolveOpts {
    /// Resolve `/software/packages` of VM profiles and write the result to `/software/resolved`.
    #[arg(long)]
    pub resolve_packages: bool,
    /// Packages index files or URLs (default: the lists apt keeps in /var/lib/apt/lists; for
    /// `vmcs spawn`, the guest's own archives).
    #[arg(long = "index", value_name = "FILE|URL")]
    pub index: Vec<String>,
    /// Architecture to resolve for (default: the profile's).
    #[arg(long)]
    pub arch: Option<String>,
    /// A dpkg status file of what the base system already has.
    #[arg(long, value_name = "FILE")]
    pub base: Option<PathBuf>,
}

impl ResolveOpts {
    pub fn define(&self) -> vmcs_image::define::ResolveOpts {
        vmcs_image::define::ResolveOpts {
            index: self.index.clone(),
            arch: self.arch.clone(),
            base: self.base.clone(),
        }
    }
}
