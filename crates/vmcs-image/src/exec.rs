//! Executing a plan: the management key, then the layers in order (each under a lock, built
//! in its own directory and renamed into place), then each VM on its own thread. On any
//! failure, on Ctrl-C, SIGTERM or SIGHUP, running programs are stopped and everything this
//! spawn created is removed: build directories, VM directories, instance rows.

use crate::cache::{self, remove_tree};
use crate::error::{io_err, SpawnError};
use crate::plan::{Action, LayerPlan, Record, SeedFile, SeedSource, SpawnPlan, Step, Undo, VmPlan};
use crate::runner::{Cmd, Runner};
use crate::SpawnOptions;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};
use vmcs_store::{LayerRow, NewInstance, Store};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static HANDLER: Once = Once::new();

/// Install the handler for SIGINT, SIGTERM and SIGHUP once: it raises a flag and stops the
/// running programs; the step fails and the normal cleanup runs.
fn install_signals() {
    HANDLER.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            INTERRUPTED.store(true, Ordering::SeqCst);
            crate::runner::stop_children();
        });
    });
}

/// Whether a termination signal arrived during this process.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

fn write_file(path: &Path, mode: u32, contents: &[u8], title: &str) -> Result<(), SpawnError> {
    if let Some(d) = path.parent() {
        std::fs::create_dir_all(d).map_err(io_err(title, d))?;
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        std::fs::remove_file(path).map_err(io_err(title, path))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .custom_flags(nix::fcntl::OFlag::O_NOFOLLOW.bits())
        .mode(mode)
        .open(path)
        .map_err(io_err(title, path))?;
    f.write_all(contents).map_err(io_err(title, path))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(io_err(title, path))
}

fn seed_bytes(f: &SeedFile, title: &str) -> Result<Vec<u8>, SpawnError> {
    match &f.source {
        SeedSource::Text(t) => Ok(t.clone().into_bytes()),
        SeedSource::File(p) => std::fs::read(p).map_err(io_err(title, p)),
    }
}

fn exec_step(step: &Step, runner: &Runner, store: &Mutex<Store>) -> Result<(), SpawnError> {
    let title = step.title.as_str();
    match &step.action {
        Action::Run {
            argv,
            env,
            stderr_is_error,
        } => runner
            .run_with(
                title,
                argv,
                &Cmd {
                    env,
                    stderr_is_error: *stderr_is_error,
                    stderr_ok: &["debugfs 1."],
                    stdin: None,
                },
            )
            .map(|_| ()),
        Action::Write {
            path,
            mode,
            contents,
        } => {
            runner.note(&format!(
                "write {} ({} bytes)",
                path.display(),
                contents.len()
            ));
            write_file(path, *mode, contents.as_bytes(), title)
        }
        Action::WriteGuest {
            root,
            path,
            mode,
            contents,
        } => {
            let host = vmcs_model::resolve_in_tree(root, path).map_err(|m| SpawnError::Io {
                step: title.into(),
                path: root.clone(),
                message: m,
            })?;
            if !host.starts_with(root) {
                return Err(SpawnError::Io {
                    step: title.into(),
                    path: host,
                    message: "resolves outside the guest tree".into(),
                });
            }
            runner.note(&format!(
                "write {path} -> {} ({} bytes)",
                host.display(),
                contents.len()
            ));
            write_file(&host, *mode, contents.as_bytes(), title)
        }
        Action::Mkdir { path } => {
            runner.note(&format!("mkdir {}", path.display()));
            std::fs::create_dir_all(path).map_err(io_err(title, path))
        }
        Action::Link { from, to } => {
            runner.note(&format!("link {} -> {}", from.display(), to.display()));
            let _ = std::fs::remove_file(to);
            std::fs::hard_link(from, to)
                .or_else(|_| std::fs::copy(from, to).map(|_| ()))
                .map_err(io_err(title, to))
        }
        Action::Check { paths, message } => {
            if paths.iter().any(|p| std::fs::symlink_metadata(p).is_ok()) {
                Ok(())
            } else {
                Err(SpawnError::Unsupported(message.clone()))
            }
        }
        Action::Systemd {
            root,
            disable,
            mask,
        } => {
            let unit_exists = |u: &str| {
                [
                    "lib/systemd/system",
                    "usr/lib/systemd/system",
                    "etc/systemd/system",
                ]
                .iter()
                .any(|d| std::fs::symlink_metadata(root.join(d).join(u)).is_ok())
            };
            let root_arg = format!("--root={}", root.display());
            let present: Vec<String> = disable.iter().filter(|u| unit_exists(u)).cloned().collect();
            if !present.is_empty() {
                let mut argv = vec!["systemctl".to_string(), root_arg.clone(), "disable".into()];
                argv.extend(present);
                runner.run(title, &argv)?;
            }
            if !mask.is_empty() {
                let mut argv = vec!["systemctl".to_string(), root_arg, "mask".into()];
                argv.extend(mask.iter().cloned());
                runner.run(title, &argv)?;
            }
            Ok(())
        }
        Action::Initramfs { tree, out } => {
            runner.note(&format!(
                "initramfs {} -> {}",
                tree.display(),
                out.display()
            ));
            crate::initramfs::build(tree, out)
        }
        Action::Kernel { tree, out } => {
            let guest = vmcs_model::GuestPath::new("/vmlinuz").expect("a literal guest path");
            let vmlinuz =
                vmcs_model::resolve_in_tree(tree, &guest).map_err(|m| SpawnError::Io {
                    step: title.into(),
                    path: tree.clone(),
                    message: m,
                })?;
            runner.note(&format!(
                "kernel {} -> {}",
                vmlinuz.display(),
                out.display()
            ));
            crate::initramfs::boot_kernel(&vmlinuz, out)
        }
        Action::Seed {
            initramfs,
            out,
            files,
        } => {
            runner.note(&format!("seed {} files -> {}", files.len(), out.display()));
            crate::initramfs::seed(initramfs, out, files)
        }
        Action::SeedDisk { out, files } => {
            let stage = out.with_extension("d");
            for f in files.iter().filter(|f| f.path.as_str() != "/vmcs/net.conf") {
                let host = f.path.under(&stage.join("seed"));
                write_file(&host, f.mode, &seed_bytes(f, title)?, title)?;
            }
            let argv: Vec<String> = ["mkfs.ext4", "-q", "-F", "-L", "VMCS-SEED", "-d"]
                .iter()
                .map(|s| s.to_string())
                .chain([
                    stage.display().to_string(),
                    out.display().to_string(),
                    "16M".into(),
                ])
                .collect();
            let r = runner.run(title, &argv).map(|_| ());
            let _ = std::fs::remove_dir_all(&stage);
            r
        }
        Action::Rename { from, to } => {
            runner.note(&format!("rename {} -> {}", from.display(), to.display()));
            std::fs::rename(from, to).map_err(io_err(title, to))
        }
        Action::Record { record } => {
            runner.note(&format!(
                "store {}",
                serde_json::to_string(record).unwrap_or_default()
            ));
            let s = store.lock().unwrap_or_else(|p| p.into_inner());
            match record {
                Record::Layer {
                    key,
                    kind,
                    parent,
                    path,
                } => {
                    let t = vmcs_store::now();
                    s.put_layer(&LayerRow {
                        key: key.clone(),
                        kind: kind.clone(),
                        parent: parent.clone(),
                        path: path.display().to_string(),
                        created: t,
                        size: cache::disk_usage(path) as i64,
                        last_used: t,
                    })?;
                }
                Record::Instance { name, machine } => {
                    s.set_instance_machine(name, machine)?;
                    s.set_instance_state(name, "defined")?;
                }
            }
            Ok(())
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
    store: &Mutex<Store>,
    stop: &AtomicBool,
    pb: &ProgressBar,
    hook: Option<&crate::StepHook>,
    undo: &mut Vec<Undo>,
) -> Result<(), SpawnError> {
    for step in steps {
        if interrupted() {
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
        if let Some(h) = hook {
            (h.0)(&step.title, pb.position(), pb.length().unwrap_or(0));
        }
        let fresh: Vec<Undo> = step
            .undo
            .iter()
            .filter(|u| !matches!(u, Undo::Remove { path } if path.exists()))
            .cloned()
            .collect();
        match exec_step(step, runner, store) {
            Ok(()) => undo.extend(fresh),
            Err(e) => {
                undo.extend(fresh);
                if interrupted() {
                    runner.note(&format!("interrupted: {e}"));
                    return Err(SpawnError::Interrupted {
                        step: step.title.clone(),
                    });
                }
                return Err(e);
            }
        }
        pb.inc(1);
    }
    Ok(())
}

fn undo_all(undo: &[Undo], runner: &Runner) {
    for u in undo.iter().rev() {
        match u {
            Undo::Remove { path } => remove_tree(path, runner),
            Undo::Run { argv } => {
                let _ = runner.run("cleanup", argv);
            }
        }
    }
}

/// Make vmcs's own SSH key pair (it logs in to the VMs with it) if there is none yet.
fn management_key(state: &Path, runner: &Runner) -> Result<(), SpawnError> {
    let key = crate::stages::system::management_key(state);
    if key.exists() && key.with_extension("pub").exists() {
        return Ok(());
    }
    let _lock = cache::lock(state, "ssh-key")?;
    if key.exists() {
        return Ok(());
    }
    let dir = key.parent().unwrap_or(state);
    std::fs::create_dir_all(dir).map_err(io_err("make vmcs's SSH key", dir))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        .map_err(io_err("make vmcs's SSH key", dir))?;
    let argv: Vec<String> = [
        "ssh-keygen",
        "-q",
        "-t",
        "ed25519",
        "-N",
        "",
        "-C",
        "vmcs",
        "-f",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([key.display().to_string()])
    .collect();
    runner.run("make vmcs's SSH key", &argv).map(|_| ())
}

fn build_layer(
    l: &LayerPlan,
    runner: &Runner,
    store: &Mutex<Store>,
    o: &SpawnOptions,
    pb: &ProgressBar,
) -> Result<(), SpawnError> {
    let touch = |s: &Mutex<Store>| {
        s.lock()
            .unwrap_or_else(|p| p.into_inner())
            .touch_layer(&l.key)
    };
    if l.cached {
        runner.note(&format!("layer {} {} cached", l.kind, l.key));
        return Ok(touch(store)?);
    }
    let _lock = cache::lock(&o.state_dir, &format!("layer-{}-{}", l.kind, l.key))?;
    let done = l.path.is_dir()
        && store
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .layer(&l.key)?
            .is_some();
    if done {
        runner.note(&format!(
            "layer {} {} was built by another spawn meanwhile",
            l.kind, l.key
        ));
        pb.inc(l.steps.len() as u64);
        return Ok(touch(store)?);
    }
    if l.path.exists() {
        // A directory without its row: a spawn died between rename and record.
        remove_tree(&l.path, runner);
    }
    let mut undo = Vec::new();
    let never = AtomicBool::new(false);
    let r = run_steps(
        &l.steps,
        runner,
        store,
        &never,
        pb,
        o.on_step.as_ref(),
        &mut undo,
    );
    if r.is_err() {
        undo_all(&undo, runner);
        remove_tree(&l.build, runner);
    }
    r
}

/// Execute a plan. On failure, everything it created is removed and the first error returned.
pub fn execute(plan: &SpawnPlan, runner: &Runner, o: &SpawnOptions) -> Result<(), SpawnError> {
    install_signals();
    INTERRUPTED.store(false, Ordering::SeqCst);
    std::fs::create_dir_all(&o.state_dir)
        .map_err(io_err("create the state directory", &o.state_dir))?;
    for d in cache::sweep(&o.state_dir, runner) {
        runner.note(&format!(
            "removed what a killed spawn left: {}",
            d.display()
        ));
    }
    let store = Mutex::new(Store::open(&o.state_dir)?);
    let total = plan.steps().count();
    let pb = progress(total, o.progress);
    runner.note(&format!("spawn: {total} steps, {} VM(s)", plan.vms.len()));
    management_key(&o.state_dir, runner)?;
    for l in &plan.layers {
        if let Err(e) = build_layer(l, runner, &store, o, &pb) {
            pb.finish_and_clear();
            runner.note(&format!("failed: {e}; cleaned up"));
            return Err(e);
        }
    }
    // Reserve the names first: another spawn may want them too.
    let mut reserved = Vec::new();
    for vm in &plan.vms {
        let r = store
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .reserve_instance(&new_instance(vm, o));
        match r {
            Ok(()) => reserved.push(vm.name.clone()),
            Err(e) => {
                let s = store.lock().unwrap_or_else(|p| p.into_inner());
                for n in &reserved {
                    let _ = s.delete_instance(n);
                }
                pb.finish_and_clear();
                return Err(match e {
                    vmcs_store::StoreError::Exists { name, .. } => SpawnError::Exists(name),
                    e => e.into(),
                });
            }
        }
    }
    let stop = AtomicBool::new(false);
    let outcomes: Vec<(Vec<Undo>, Result<(), SpawnError>)> = std::thread::scope(|sc| {
        let handles: Vec<_> = plan
            .vms
            .iter()
            .map(|vm| {
                let (store, stop, pb) = (&store, &stop, &pb);
                sc.spawn(move || {
                    let mut undo = Vec::new();
                    let r = run_steps(
                        &vm.steps,
                        runner,
                        store,
                        stop,
                        pb,
                        o.on_step.as_ref(),
                        &mut undo,
                    );
                    if r.is_err() {
                        stop.store(true, Ordering::SeqCst);
                    }
                    (undo, r)
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
    pb.finish_and_clear();
    let secondary = |r: &Result<(), SpawnError>| matches!(r, Err(SpawnError::Interrupted { step }) if step.ends_with("(another VM failed)"));
    if outcomes.iter().any(|(_, r)| r.is_err()) {
        runner.note("a VM failed; cleaning up");
        for (u, _) in &outcomes {
            undo_all(u, runner);
        }
        {
            let s = store.lock().unwrap_or_else(|p| p.into_inner());
            for vm in &plan.vms {
                remove_tree(&vm.machine.dir, runner);
                let _ = s.delete_instance(&vm.name);
            }
        }
        runner.note("cleanup done");
        // The first real failure, not the "another VM failed" stops it caused.
        let mut errs: Vec<Result<(), SpawnError>> = outcomes.into_iter().map(|(_, r)| r).collect();
        let i = errs
            .iter()
            .position(|r| r.is_err() && !secondary(r))
            .or_else(|| errs.iter().position(|r| r.is_err()))
            .unwrap_or(0);
        return errs.swap_remove(i);
    }
    runner.note("spawn done");
    Ok(())
}

fn new_instance(vm: &VmPlan, o: &SpawnOptions) -> NewInstance {
    NewInstance {
        name: vm.name.clone(),
        owner: vm.machine.owner.clone(),
        host: o.host.clone(),
        uuid: vm.machine.uuid.clone(),
        profile_id: o.profile.map(|p| p.0),
        profile_version: o.profile.map(|p| p.1),
        network: None,
        backend: String::new(),
        machine: vm.machine.to_json(),
    }
}
