//! `vmcs token`: API tokens for the portal's `/api/v1` (`Authorization: Bearer ...`), stored
//! hashed; the secret is printed once, at creation.

use crate::vms::StateArgs;
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
    /// Create a token for USER named NAME and print it.
    Create {
        #[arg(long)]
        user: String,
        name: String,
    },
    /// List a user's tokens.
    List {
        #[arg(long)]
        user: String,
    },
    /// Revoke a token.
    Revoke {
        #[arg(long)]
        user: String,
        name: String,
    },
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let store = a.state.store()?;
    match a.cmd {
        Cmd::Create { user, name } => {
            if store.user(&user)?.is_none() {
                return Err(miette::miette!("no user `{user}`"));
            }
            println!("{}", vmcs_portal::auth::create_token(&store, &user, &name)?);
        }
        Cmd::List { user } => {
            for t in store.tokens(&user)? {
                println!(
                    "{}\tcreated {}\tlast used {:?}",
                    t.name, t.created, t.last_used
                );
            }
        }
        Cmd::Revoke { user, name } => store.revoke_token(&user, &name)?,
    }
    Ok(ExitCode::SUCCESS)
}
