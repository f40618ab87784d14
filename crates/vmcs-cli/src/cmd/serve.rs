//! `vmcs serve`: the web portal and JSON API (`vmcs_portal`) over the state directory's store.

use crate::vms::StateArgs;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: std::net::SocketAddr,
    /// The state database (default: STATE/vmcs.db); its directory becomes the state directory.
    #[arg(long)]
    pub db: Option<std::path::PathBuf>,
    /// Mark the session cookie `Secure` (set this when a TLS proxy fronts the portal).
    #[arg(long)]
    pub secure_cookies: bool,
    /// Do not run the metrics collector.
    #[arg(long)]
    pub no_monitor: bool,
    #[command(flatten)]
    pub state: StateArgs,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let state_dir = match &a.db {
        Some(db) => vmcs_image::absolute(db.parent().unwrap_or(std::path::Path::new("."))),
        None => a.state.dir(),
    };
    vmcs_portal::run(vmcs_portal::Options {
        listen: a.listen,
        state_dir,
        secure_cookies: a.secure_cookies,
        monitor: !a.no_monitor,
    })?;
    Ok(ExitCode::SUCCESS)
}
