//! `vmcs ssh NAME [COMMAND...]`: log in to a VM over SSH, as the profile's user, with vmcs's
//! own key, checking the host key vmcs gave the VM.

use crate::vms::StateArgs;
use miette::miette;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The VM.
    name: String,
    /// A command to run instead of a login shell.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    command: Vec<String>,
    /// Log in as this user instead of the profile's.
    #[arg(long, short)]
    user: Option<String>,
    /// Seconds to wait for the connection.
    #[arg(long, default_value_t = 10)]
    connect_timeout: u64,
    #[command(flatten)]
    state: StateArgs,
}

/// The `ssh` command line that reaches a VM (used by tests and the portal too).
pub fn ssh_argv(
    state: &std::path::Path,
    m: &vmcs_image::Machine,
    user: Option<&str>,
    timeout: u64,
) -> miette::Result<Vec<String>> {
    let addr = m
        .addresses()
        .into_iter()
        .next()
        .ok_or_else(|| miette!("VM `{}` has no static address vmcs knows", m.name))?;
    let key = vmcs_image::stages::system::management_key(state);
    let host_key =
        std::fs::read_to_string(m.dir.join("ssh_host_ed25519_key.pub")).map_err(|_| {
            miette!(
                "VM `{}` has no SSH host key (its profile has no openssh-server)",
                m.name
            )
        })?;
    let known = m.dir.join("known_hosts");
    let entry = format!(
        "{addr} {}\n",
        host_key
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    );
    if std::fs::read_to_string(&known).ok().as_deref() != Some(entry.as_str()) {
        std::fs::write(&known, &entry).map_err(|e| miette!("{}: {e}", known.display()))?;
    }
    Ok(vec![
        "ssh".into(),
        "-i".into(),
        key.display().to_string(),
        "-o".into(),
        "IdentitiesOnly=yes".into(),
        "-o".into(),
        "BatchMode=yes".into(),
        "-o".into(),
        "StrictHostKeyChecking=yes".into(),
        "-o".into(),
        format!("UserKnownHostsFile={}", known.display()),
        "-o".into(),
        format!("ConnectTimeout={timeout}"),
        "-o".into(),
        "LogLevel=ERROR".into(),
        format!("{}@{addr}", user.unwrap_or(&m.ssh_user)),
    ])
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let store = a.state.store()?;
    let (_, m) = vmcs_virt::ops::Ops::new(&store, &a.state.dir()).load(&a.name)?;
    let mut argv = ssh_argv(&a.state.dir(), &m, a.user.as_deref(), a.connect_timeout)?;
    if !a.command.is_empty() {
        argv.push("--".into());
        argv.extend(a.command.iter().cloned());
    }
    let runner = vmcs_image::runner::Runner::new(&a.state.dir().join("logs/lifecycle.log"), false);
    let code = runner.run_interactive(&argv)?;
    Ok(ExitCode::from(code.clamp(0, 255) as u8))
}
