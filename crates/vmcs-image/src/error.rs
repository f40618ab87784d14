//! The spawn error type: which step failed, the command line, and the stderr it printed.

use std::path::PathBuf;

/// Why a spawn (or its plan) failed. Every variant names what was being done.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum SpawnError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Model(#[from] vmcs_model::ModelError),

    #[error("step `{step}` failed: `{command}` exited with {status}\n{stderr}")]
    #[diagnostic(code(vmcs::spawn::command), help("everything this spawn created was removed; fix the cause and run it again (full log: {log})"))]
    Command {
        step: String,
        command: String,
        status: String,
        stderr: String,
        log: String,
    },

    #[error("step `{step}` failed: cannot run `{command}`: {message}")]
    #[diagnostic(
        code(vmcs::spawn::exec),
        help("run `scripts/install-deps.sh` to install the tools spawn needs")
    )]
    Exec {
        step: String,
        command: String,
        message: String,
    },

    #[error("step `{step}` failed: {path}: {message}")]
    #[diagnostic(code(vmcs::spawn::io))]
    Io {
        step: String,
        path: PathBuf,
        message: String,
    },

    #[error(transparent)]
    #[diagnostic(transparent)]
    StoreErr(#[from] vmcs_store::StoreError),

    #[error("state database: {0}")]
    #[diagnostic(code(vmcs::spawn::db))]
    Store(String),

    #[error("the profile asks the build host for more than an untrusted profile may:\n{0}")]
    #[diagnostic(
        code(vmcs::spawn::untrusted),
        help("these run or read things on the host; spawn it from the command line as its author (trusted), or remove them")
    )]
    Untrusted(String),

    #[error("interrupted during step `{step}`")]
    #[diagnostic(
        code(vmcs::spawn::interrupted),
        help("everything this spawn created was removed")
    )]
    Interrupted { step: String },

    #[error("the profile cannot be spawned: {0}")]
    #[diagnostic(code(vmcs::spawn::unsupported))]
    Unsupported(String),

    #[error("a VM named `{0}` already exists")]
    #[diagnostic(
        code(vmcs::spawn::exists),
        help("pick another `/vm/name`, or remove the VM first (`vmcs rm {0}`)")
    )]
    Exists(String),
}

impl SpawnError {
    /// The name of the step this error happened in, when there is one.
    pub fn step(&self) -> Option<&str> {
        match self {
            SpawnError::Command { step, .. }
            | SpawnError::Exec { step, .. }
            | SpawnError::Io { step, .. }
            | SpawnError::Interrupted { step } => Some(step),
            _ => None,
        }
    }
}

pub(crate) fn io_err(
    step: &str,
    path: impl Into<PathBuf>,
) -> impl FnOnce(std::io::Error) -> SpawnError + '_ {
    let path = path.into();
    move |e| SpawnError::Io {
        step: step.to_string(),
        path,
        message: e.to_string(),
    }
}
