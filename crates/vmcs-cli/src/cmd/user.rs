//! `vmcs user`: the portal's accounts: add (password read without echo, or from stdin),
//! list, disable, enable, passwd.

use crate::vms::StateArgs;
use miette::{miette, IntoDiagnostic};
use std::io::BufRead;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub cmd: Cmd,
    #[command(flatten)]
    pub state: StateArgs,
}

#[derive(clap::Subcommand)]
pub enum Cmd {
    /// Add a user.
    Add {
        name: String,
        /// An administrator (manages hosts, users, every VM).
        #[arg(long)]
        admin: bool,
        /// Read the password from standard input (its first line).
        #[arg(long)]
        password_stdin: bool,
    },
    /// List users.
    List,
    /// Disable a user (ends their sessions).
    Disable { name: String },
    /// Enable a disabled user.
    Enable { name: String },
    /// Set a new password.
    Passwd {
        name: String,
        #[arg(long)]
        password_stdin: bool,
    },
}

fn read_password(stdin: bool) -> miette::Result<String> {
    let pw = if stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .into_diagnostic()?;
        line.trim_end_matches(['\n', '\r']).to_string()
    } else {
        let a = prompt("password: ")?;
        let b = prompt("again: ")?;
        if a != b {
            return Err(miette!("the passwords differ"));
        }
        a
    };
    if pw.len() < 8 {
        return Err(miette!("a password has at least 8 characters"));
    }
    Ok(pw)
}

/// Read a line from the terminal with echo off.
fn prompt(what: &str) -> miette::Result<String> {
    use nix::sys::termios::{tcgetattr, tcsetattr, LocalFlags, SetArg};
    eprint!("{what}");
    let stdin = std::io::stdin();
    let old = tcgetattr(&stdin)
        .map_err(|e| miette!("no terminal for the password ({e}); use --password-stdin"))?;
    let mut quiet = old.clone();
    quiet.local_flags.remove(LocalFlags::ECHO);
    tcsetattr(&stdin, SetArg::TCSANOW, &quiet).into_diagnostic()?;
    let mut line = String::new();
    let r = stdin.lock().read_line(&mut line);
    let _ = tcsetattr(&stdin, SetArg::TCSANOW, &old);
    eprintln!();
    r.into_diagnostic()?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let store = a.state.store()?;
    match a.cmd {
        Cmd::Add {
            name,
            admin,
            password_stdin,
        } => {
            if !vmcs_portal::auth::valid_user_name(&name) {
                return Err(miette!(
                    "invalid user name `{name}`: lowercase letters, digits, `-` and `_`, starting with a letter"
                ));
            }
            let pw = read_password(password_stdin)?;
            let hash = vmcs_portal::auth::hash_password(&pw).map_err(|e| miette!("{e}"))?;
            store.add_user(&name, &hash, admin)?;
            println!(
                "added {}{name}",
                if admin { "administrator " } else { "user " }
            );
        }
        Cmd::List => {
            for u in store.users()? {
                println!(
                    "{}{}{}",
                    u.name,
                    if u.admin { " (admin)" } else { "" },
                    if u.disabled { " (disabled)" } else { "" }
                );
            }
        }
        Cmd::Disable { name } => store.set_user_disabled(&name, true)?,
        Cmd::Enable { name } => store.set_user_disabled(&name, false)?,
        Cmd::Passwd {
            name,
            password_stdin,
        } => {
            let pw = read_password(password_stdin)?;
            let hash = vmcs_portal::auth::hash_password(&pw).map_err(|e| miette!("{e}"))?;
            store.set_user_hash(&name, &hash)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
