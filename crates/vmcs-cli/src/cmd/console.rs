//! `vmcs console NAME`: the VM's serial console on this terminal (Ctrl-] leaves). Without a
//! terminal, the console is copied between stdin and stdout (scripts and tests).

use crate::vms::StateArgs;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The VM.
    name: String,
    #[command(flatten)]
    state: StateArgs,
}

pub fn run(a: Args) -> miette::Result<ExitCode> {
    let store = a.state.store()?;
    let ops = vmcs_virt::ops::Ops::new(&store, &a.state.dir());
    let (row, m) = ops.load(&a.name)?;
    let d = ops.driver(&row.backend, &row.host)?;
    let mut con = d.console(&m)?;
    let mut out = con
        .try_clone_box()
        .map_err(|e| miette::miette!("console: {e}"))?;
    let tty = std::io::stdin().is_terminal();
    let saved = if tty {
        eprintln!("connected to {} (Ctrl-] to leave)", a.name);
        raw_mode()
    } else {
        None
    };
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        let mut stdout = std::io::stdout();
        while let Ok(n) = out.read(&mut buf) {
            if n == 0
                || stdout
                    .write_all(&buf[..n])
                    .and_then(|_| stdout.flush())
                    .is_err()
            {
                break;
            }
        }
    });
    let mut buf = [0u8; 1024];
    let mut stdin = std::io::stdin();
    loop {
        let n = match stdin.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if tty && buf[..n].contains(&0x1d) {
            break;
        }
        if con.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    if let Some(t) = saved {
        let _ =
            nix::sys::termios::tcsetattr(std::io::stdin(), nix::sys::termios::SetArg::TCSANOW, &t);
        eprintln!();
    }
    if !tty {
        // Let the guest's answer arrive before leaving.
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    drop(con);
    let _ = reader.is_finished();
    Ok(ExitCode::SUCCESS)
}

fn raw_mode() -> Option<nix::sys::termios::Termios> {
    use nix::sys::termios::{cfmakeraw, tcgetattr, tcsetattr, SetArg};
    let saved = tcgetattr(std::io::stdin()).ok()?;
    let mut raw = saved.clone();
    cfmakeraw(&mut raw);
    tcsetattr(std::io::stdin(), SetArg::TCSANOW, &raw).ok()?;
    Some(saved)
}
