//! What the VM commands share: the state directory, the store, the operations of
//! `vmcs_virt::ops`, and running one verb over several VMs with an exit code a script can use.

use miette::IntoDiagnostic;
use std::path::PathBuf;
use std::process::ExitCode;
use vmcs_store::Store;
use vmcs_virt::ops::Ops;

/// `--state-dir` (or `VMCS_STATE_DIR`): where the store, layers and VMs live.
#[derive(clap::Args, Debug, Clone)]
pub struct StateArgs {
    /// State directory (store, image cache, VM disks, logs).
    #[arg(
        long,
        env = "VMCS_STATE_DIR",
        default_value = "/var/lib/vmcs",
        global = true
    )]
    pub state_dir: PathBuf,
}

impl StateArgs {
    /// The state directory, absolute.
    pub fn dir(&self) -> PathBuf {
        vmcs_image::absolute(&self.state_dir)
    }

    pub fn store(&self) -> miette::Result<Store> {
        Ok(Store::open(&self.dir())?)
    }
}

/// Apply `verb` to each named VM: print what happened, report errors, exit 1 if any failed.
pub fn each(
    state: &StateArgs,
    names: &[String],
    verb: impl Fn(&Ops<'_>, &str) -> Result<String, vmcs_virt::VirtError>,
) -> miette::Result<ExitCode> {
    let store = state.store()?;
    let ops = Ops::new(&store, &state.dir());
    let mut code = ExitCode::SUCCESS;
    for name in names {
        match verb(&ops, name) {
            Ok(msg) => println!("{name} {msg}"),
            Err(e) => {
                eprintln!("{:?}", miette::Report::new(e));
                code = ExitCode::from(1);
            }
        }
    }
    Ok(code)
}

/// Print `value` as JSON.
pub fn print_json(value: &impl serde::Serialize) -> miette::Result<()> {
    println!("{}", serde_json::to_string_pretty(value).into_diagnostic()?);
    Ok(())
}

/// `NAME...` and the state directory: the arguments of the simple lifecycle verbs.
#[derive(clap::Args)]
pub struct NamesArgs {
    /// The VMs.
    #[arg(required = true)]
    pub names: Vec<String>,
    #[command(flatten)]
    pub state: StateArgs,
}
