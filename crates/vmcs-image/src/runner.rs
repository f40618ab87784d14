//! The one door to external programs: logs each command line, honours dry-run, returns
//! stdout or a typed error carrying stderr, and can stop every running child at once.
//!
//! **Architecture Invariant:** nothing in vmcs runs a program except [`Runner`]. Commands are
//! argv vectors, never shell strings; the only shell ever started is the explicit
//! `/bin/sh -c INSTALL` of trusted ISO/dir software inside the guest's chroot. Each child runs
//! in its own process group, so a signal to vmcs can stop it and everything it started.

use crate::error::SpawnError;
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Process groups of the children running now (to stop them on SIGTERM/SIGINT/SIGHUP).
static RUNNING: Mutex<Option<HashSet<i32>>> = Mutex::new(None);

/// Send SIGTERM to every running child's process group.
pub fn stop_children() {
    let groups: Vec<i32> = RUNNING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_ref()
        .map(|s| s.iter().copied().collect())
        .unwrap_or_default();
    for g in groups {
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(g),
            nix::sys::signal::Signal::SIGTERM,
        );
    }
}

/// Runs commands and keeps a log of every command line with its outcome.
pub struct Runner {
    dry_run: bool,
    log_path: PathBuf,
    log: Mutex<Option<File>>,
}

/// Quote one argument for display (the log and `--dry-run` text), never for execution.
pub fn quote(arg: &str) -> String {
    if !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%^".contains(c))
    {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

/// The display form of an argv.
pub fn command_line(argv: &[String]) -> String {
    argv.iter().map(|a| quote(a)).collect::<Vec<_>>().join(" ")
}

/// The last `n` lines of a text.
fn tail(text: &str, n: usize) -> Vec<&str> {
    let v: Vec<&str> = text.lines().collect();
    v[v.len().saturating_sub(n)..].to_vec()
}

/// Options of one command.
#[derive(Debug, Clone, Default)]
pub struct Cmd<'a> {
    pub env: &'a [(String, String)],
    /// The tool exits 0 on errors (debugfs, `xl -N`): any stderr line fails it, except lines
    /// starting with one of `stderr_ok`.
    pub stderr_is_error: bool,
    pub stderr_ok: &'a [&'a str],
    /// Bytes to write to its standard input.
    pub stdin: Option<&'a [u8]>,
}

impl Runner {
    /// A runner logging to `log_path` (created on first use, parents too).
    pub fn new(log_path: &Path, dry_run: bool) -> Runner {
        Runner {
            dry_run,
            log_path: log_path.to_path_buf(),
            log: Mutex::new(None),
        }
    }

    pub fn log_path(&self) -> &Path {
        &self.log_path
    }

    pub fn dry_run(&self) -> bool {
        self.dry_run
    }

    /// Append a line to the log.
    pub fn note(&self, line: &str) {
        if self.dry_run {
            return;
        }
        let mut guard = self.log.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_none() {
            if let Some(dir) = self.log_path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            *guard = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.log_path)
                .ok();
        }
        if let Some(f) = guard.as_mut() {
            let t = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs_f64())
                .unwrap_or(0.0);
            let _ = writeln!(f, "[{t:.3}] {line}");
        }
    }

    /// Replace this process with `argv`, on the same terminal (`vmcs ssh`). Returns only on
    /// failure to start it.
    pub fn exec_interactive(&self, argv: &[String]) -> SpawnError {
        let line = command_line(argv);
        self.note(&format!("exec {line}"));
        let Some((prog, args)) = argv.split_first() else {
            return SpawnError::Unsupported("empty command".into());
        };
        let e = Command::new(prog).args(args).exec();
        SpawnError::Exec {
            step: "run".into(),
            command: line,
            message: e.to_string(),
        }
    }

    /// Start `argv` in the background in a session of its own (it outlives vmcs), with its
    /// output appended to `output`; returns its process id.
    pub fn detach(&self, argv: &[String], output: &Path) -> Result<u32, SpawnError> {
        let line = command_line(argv);
        self.note(&format!("& {line}"));
        let Some((prog, args)) = argv.split_first() else {
            return Err(SpawnError::Unsupported("empty command".into()));
        };
        let io = |e: std::io::Error| SpawnError::Exec {
            step: "start in the background".into(),
            command: line.clone(),
            message: e.to_string(),
        };
        if let Some(d) = output.parent() {
            std::fs::create_dir_all(d).map_err(io)?;
        }
        let out = OpenOptions::new()
            .create(true)
            .append(true)
            .open(output)
            .map_err(io)?;
        let err = out.try_clone().map_err(io)?;
        let child = Command::new(prog)
            .args(args)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0)
            .spawn()
            .map_err(io)?;
        Ok(child.id())
    }

    /// Run `argv` on this terminal (stdin, stdout and stderr inherited) and return its
    /// exit code.
    pub fn run_interactive(&self, argv: &[String]) -> Result<i32, SpawnError> {
        let line = command_line(argv);
        self.note(&format!("$ {line}"));
        let Some((prog, args)) = argv.split_first() else {
            return Err(SpawnError::Unsupported("empty command".into()));
        };
        let status = Command::new(prog)
            .args(args)
            .status()
            .map_err(|e| SpawnError::Exec {
                step: "run".into(),
                command: line,
                message: e.to_string(),
            })?;
        Ok(status.code().unwrap_or(255))
    }

    /// Run `argv`; fail on a non-zero status (or on stderr, see [`Cmd`]). Returns stdout.
    pub fn run(&self, step: &str, argv: &[String]) -> Result<String, SpawnError> {
        self.run_with(step, argv, &Cmd::default())
    }

    /// [`Runner::run`] with options.
    pub fn run_with(&self, step: &str, argv: &[String], o: &Cmd<'_>) -> Result<String, SpawnError> {
        let line = command_line(argv);
        if self.dry_run {
            return Ok(String::new());
        }
        self.note(&format!("$ {line}"));
        let exec_err = |m: String| SpawnError::Exec {
            step: step.into(),
            command: line.clone(),
            message: m,
        };
        let (prog, args) = argv.split_first().ok_or_else(|| {
            SpawnError::Unsupported(format!("step `{step}` has an empty command"))
        })?;
        let mut cmd = Command::new(prog);
        cmd.args(args)
            .stdin(if o.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        for (k, v) in o.env {
            cmd.env(k, v);
        }
        let start = Instant::now();
        let mut child = cmd.spawn().map_err(|e| {
            self.note(&format!("  cannot run: {e}"));
            exec_err(e.to_string())
        })?;
        let pid = child.id() as i32;
        RUNNING
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert_with(HashSet::new)
            .insert(pid);
        if let (Some(data), Some(mut w)) = (o.stdin, child.stdin.take()) {
            let data = data.to_vec();
            std::thread::spawn(move || {
                let _ = w.write_all(&data);
            });
        }
        // Read both pipes without deadlocking on a full one.
        let mut err_pipe = child.stderr.take();
        let err_thread = std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(p) = err_pipe.as_mut() {
                let _ = p.take(16 << 20).read_to_end(&mut buf);
            }
            buf
        });
        let mut stdout = Vec::new();
        if let Some(p) = child.stdout.as_mut() {
            let _ = p.take(64 << 20).read_to_end(&mut stdout);
        }
        let status = child.wait();
        RUNNING
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert_with(HashSet::new)
            .remove(&pid);
        let stderr_bytes = err_thread.join().unwrap_or_default();
        let status = status.map_err(|e| exec_err(e.to_string()))?;
        let stderr = String::from_utf8_lossy(&stderr_bytes).into_owned();
        let bad_stderr = o.stderr_is_error
            && stderr
                .lines()
                .any(|l| !l.trim().is_empty() && !o.stderr_ok.iter().any(|p| l.starts_with(p)));
        let code = match status.code() {
            Some(c) => format!("status {c}"),
            None => "a signal".to_string(),
        };
        self.note(&format!(
            "  {code} after {:.2}s",
            start.elapsed().as_secs_f64()
        ));
        for l in tail(&stderr, 20) {
            self.note(&format!("  stderr: {l}"));
        }
        if !status.success() || bad_stderr {
            let status = if status.success() {
                "status 0 but printed errors".to_string()
            } else {
                code
            };
            return Err(SpawnError::Command {
                step: step.into(),
                command: line,
                status,
                stderr: tail(&stderr, 30).join("\n"),
                log: self.log_path.display().to_string(),
            });
        }
        Ok(String::from_utf8_lossy(&stdout).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn quoting_for_display() {
        let argv = v(&[
            "chroot",
            "/r",
            "/bin/sh",
            "-c",
            "cd /x && make install",
            "it's",
        ]);
        assert_eq!(
            command_line(&argv),
            r#"chroot /r /bin/sh -c 'cd /x && make install' 'it'\''s'"#
        );
    }

    #[test]
    fn failure_carries_stderr_and_step() {
        let dir = tempfile::tempdir().unwrap();
        let r = Runner::new(&dir.path().join("log"), false);
        let e = r
            .run("list things", &v(&["ls", "/definitely/not/here"]))
            .unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("step `list things` failed: `ls /definitely/not/here`"),
            "{msg}"
        );
        assert!(msg.contains("No such file"), "{msg}");
        let log = std::fs::read_to_string(dir.path().join("log")).unwrap();
        assert!(log.contains("$ ls /definitely/not/here"), "{log}");
    }

    #[test]
    fn stdin_and_stdout() {
        let dir = tempfile::tempdir().unwrap();
        let r = Runner::new(&dir.path().join("log"), false);
        let o = Cmd {
            stdin: Some(b"hello"),
            ..Cmd::default()
        };
        assert_eq!(r.run_with("cat", &v(&["cat"]), &o).unwrap(), "hello");
    }

    #[test]
    fn stopping_children_ends_them() {
        let dir = tempfile::tempdir().unwrap();
        let r = std::sync::Arc::new(Runner::new(&dir.path().join("log"), false));
        let r2 = r.clone();
        let t = std::thread::spawn(move || r2.run("sleep", &v(&["sleep", "30"])));
        std::thread::sleep(std::time::Duration::from_millis(300));
        let start = Instant::now();
        stop_children();
        assert!(t.join().unwrap().is_err());
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn dry_run_runs_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let r = Runner::new(&dir.path().join("log"), true);
        assert!(r.run("nothing", &v(&["false"])).is_ok());
        assert!(!dir.path().join("log").exists());
    }
}
