//! Executing a plan: layers in order, then each VM on its own thread; on any failure or
//! Ctrl-C, every undo recorded so far runs in reverse so nothing this spawn created remains.

use crate::backend;
use crate::cache::Cache;
use crate::error::{io_err, SpawnError};
use crate::plan::{Action, SpawnPlan, Step, Undo};
use crate::runner::Runner;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static HANDLER: Once = Once::new();

/// Install the SIGINT handler once: it only raises a flag; the running step's child gets the
/// signal from the terminal too, fails, and the normal cleanup runs.
fn install_sigint() {
    HANDLER.call_once(|| {
        let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    });
}

/// What executing one step left to take back.
struct Done {
    undo: Vec<Undo>,
}

fn exec_step(
    step: &Step,
    runner: &Runner,
    cache: &Mutex<Cache>,
    source: &str,
) -> Result<Done, SpawnError> {
    // Only take back what did not exist before the step.
    let undo: Vec<Undo> = step
        .undo
        .iter()
        .filter(|u| match u {
            Undo::Remove { path } => !path.exists(),
            _ => true,
        })
        .cloned()
        .collect();
    let title = step.title.as_str();
    let res = match &step.action {
        Action::Run {
            argv,
            env,
            stderr_is_error,
        } => runner
            .run(title, argv, env, *stderr_is_error, &["debugfs 1."])
            .map(|_| ()),
        Action::Write {
            path,
            mode,
            contents,
        } => {
            use std::os::unix::fs::PermissionsExt;
            runner.note(&format!(
                "write {} ({} bytes)",
                path.display(),
                contents.len()
            ));
            std::fs::write(path, contents)
                .map_err(io_err(title, path))
                .and_then(|_| {
                    std::fs::set_permissions(path, std::fs::Permissions::from_mode(*mode))
                        .map_err(io_err(title, path))
                })
        }
        Action::Mkdir { path } => {
            runner.note(&format!("mkdir {}", path.display()));
            std::fs::create_dir_all(path).map_err(io_err(title, path))
        }
        Action::Record { record } => {
            runner.note(&format!(
                "store {}",
                serde_json::to_string(record).unwrap_or_default()
            ));
            cache
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .store(record, source)
        }
    };
    match res {
        Ok(()) => Ok(Done { undo }),
        Err(e) => {
            // A failed step may have left partial output (a half-debootstrapped tree).
            undo_all(&[Done { undo }], runner, cache);
            Err(e)
        }
    }
}

/// Mount points at or below `dir`, deepest first (from `/proc/self/mounts`).
fn mounts_under(dir: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string("/proc/self/mounts").unwrap_or_default();
    let mut v: Vec<String> = text
        .lines()
        .filter_map(|l| l.split(' ').nth(1))
        .filter(|m| std::path::Path::new(m).starts_with(dir))
        .map(str::to_string)
        .collect();
    v.sort_by_key(|m| std::cmp::Reverse(m.len()));
    v
}

fn undo_all(done: &[Done], runner: &Runner, cache: &Mutex<Cache>) {
    for d in done.iter().rev() {
        for u in d.undo.iter().rev() {
            match u {
                Undo::Remove { path } => {
                    // A failed debootstrap can leave /proc or /sys mounted inside its tree.
                    for m in mounts_under(path) {
                        let _ = runner.run(
                            "cleanup",
                            &["umount".to_string(), "-l".to_string(), m],
                            &[],
                            false,
                            &[],
                        );
                    }
                    runner.note(&format!("cleanup: remove {}", path.display()));
                    let _ = if path.is_dir() {
                        std::fs::remove_dir_all(path)
                    } else {
                        std::fs::remove_file(path)
                    };
                }
                Undo::Run { argv } => {
                    let _ = runner.run("cleanup", argv, &[], false, &[]);
                }
                Undo::QmpQuit { socket } => {
                    runner.note(&format!("cleanup: quit qemu via {}", socket.display()));
                    let _ = backend::qmp_quit(socket);
                }
                Undo::Unrecord { record } => {
                    runner.note("cleanup: delete database row");
                    let _ = cache
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .unstore(record);
                }
            }
        }
    }
}

fn progress(total: usize, show: bool) -> ProgressBar {
    let pb = ProgressBar::with_draw_target(
        Some(total as u64),
        if show && std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    if let Ok(style) =
        ProgressStyle::with_template("{elapsed:>4} [{bar:30}] {pos}/{len} {wide_msg}")
    {
        pb.set_style(style.progress_chars("=> "));
    }
    pb
}

fn run_steps(
    steps: &[Step],
    runner: &Runner,
    cache: &Mutex<Cache>,
    source: &str,
    stop: &AtomicBool,
    pb: &ProgressBar,
    done: &mut Vec<Done>,
) -> Result<(), SpawnError> {
    for step in steps {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(SpawnError::Interrupted {
                step: step.title.clone(),
            });
        }
        if stop.load(Ordering::SeqCst) {
            return Err(SpawnError::Interrupted {
                step: format!("{} (another VM failed)", step.title),
            });
        }
        pb.set_message(step.title.clone());
        match exec_step(step, runner, cache, source) {
            Ok(d) => done.push(d),
            Err(e) if INTERRUPTED.load(Ordering::SeqCst) => {
                runner.note(&format!("interrupted: {e}"));
                return Err(SpawnError::Interrupted {
                    step: step.title.clone(),
                });
            }
            Err(e) => return Err(e),
        }
        pb.inc(1);
    }
    Ok(())
}

/// Execute a plan. On failure, everything it created is removed and the first error returned.
pub fn execute(
    plan: &SpawnPlan,
    runner: &Runner,
    source: &str,
    show_progress: bool,
) -> Result<(), SpawnError> {
    install_sigint();
    INTERRUPTED.store(false, Ordering::SeqCst);
    let cache = Mutex::new(Cache::open(&plan.state_dir)?);
    let total = plan.steps().count();
    let pb = progress(total, show_progress);
    let stop = AtomicBool::new(false);
    let mut shared_done = Vec::new();
    runner.note(&format!("spawn: {} steps, {} VM(s)", total, plan.vms.len()));
    let mut result = Ok(());
    for l in &plan.layers {
        if l.cached {
            cache
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .touch_layer(&l.key)?;
            runner.note(&format!("layer {} {} cached", l.kind, l.key));
        }
        result = run_steps(
            &l.steps,
            runner,
            &cache,
            source,
            &stop,
            &pb,
            &mut shared_done,
        );
        if result.is_err() {
            break;
        }
    }
    let mut vm_done: Vec<Vec<Done>> = Vec::new();
    if result.is_ok() {
        let outcomes: Vec<(Vec<Done>, Result<(), SpawnError>)> = std::thread::scope(|sc| {
            let handles: Vec<_> = plan
                .vms
                .iter()
                .map(|vm| {
                    let (cache, stop, pb) = (&cache, &stop, &pb);
                    sc.spawn(move || {
                        let mut done = Vec::new();
                        let r = run_steps(&vm.steps, runner, cache, source, stop, pb, &mut done);
                        if r.is_err() {
                            stop.store(true, Ordering::SeqCst);
                        }
                        (done, r)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        (
                            Vec::new(),
                            Err(SpawnError::Unsupported("a spawn thread panicked".into())),
                        )
                    })
                })
                .collect()
        });
        for (done, r) in outcomes {
            vm_done.push(done);
            // Report the real failure rather than the "another VM failed" stops.
            let secondary = matches!(&r, Err(SpawnError::Interrupted { step }) if step.ends_with("(another VM failed)"));
            if r.is_err()
                && (result.is_ok()
                    || !secondary && matches!(result, Err(SpawnError::Interrupted { .. })))
            {
                result = r;
            }
        }
    }
    pb.finish_and_clear();
    if let Err(e) = &result {
        runner.note(&format!("failed: {e}; cleaning up"));
        for d in vm_done.iter().rev() {
            undo_all(d, runner, &cache);
        }
        undo_all(&shared_done, runner, &cache);
        runner.note("cleanup done");
    } else {
        runner.note("spawn done");
    }
    result
}
