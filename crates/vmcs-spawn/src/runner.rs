//! The one door to external programs: logs each command line, honours dry-run, returns stderr.
//!
//! **Architecture Invariant:** nothing in vmcs runs a program except [`Runner::run`]. Commands
//! are argv vectors handed to xshell, never shell strings; the only shell ever started is the
//! explicit `/bin/sh -c INSTALL` of ISO/dir software inside the guest's chroot.

use crate::error::SpawnError;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

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

impl Runner {
    /// A runner logging to `log_path` (created on first use; parent directories too).
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

    /// Run `argv` with extra environment; fail on a non-zero status, or on any stderr line
    /// not starting with one of `stderr_ok` prefixes when `stderr_is_error` (tools like
    /// debugfs exit 0 on errors). Returns stdout.
    pub fn run(
        &self,
        step: &str,
        argv: &[String],
        env: &[(String, String)],
        stderr_is_error: bool,
        stderr_ok: &[&str],
    ) -> Result<String, SpawnError> {
        let line = command_line(argv);
        if self.dry_run {
            return Ok(String::new());
        }
        self.note(&format!("$ {line}"));
        let sh = xshell::Shell::new().map_err(|e| SpawnError::Exec {
            step: step.into(),
            command: line.clone(),
            message: e.to_string(),
        })?;
        let (prog, args) = argv.split_first().ok_or_else(|| {
            SpawnError::Unsupported(format!("step `{step}` has an empty command"))
        })?;
        let mut cmd = sh.cmd(prog).args(args).ignore_status().quiet();
        for (k, v) in env {
            cmd = cmd.env(k, v);
        }
        let start = Instant::now();
        let out = cmd.output().map_err(|e| {
            self.note(&format!("  cannot run: {e}"));
            SpawnError::Exec {
                step: step.into(),
                command: line.clone(),
                message: e.to_string(),
            }
        })?;
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let bad_stderr: Vec<&str> = if stderr_is_error {
            stderr
                .lines()
                .filter(|l| !l.trim().is_empty() && !stderr_ok.iter().any(|p| l.starts_with(p)))
                .collect()
        } else {
            Vec::new()
        };
        let status = match out.status.code() {
            Some(c) => format!("status {c}"),
            None => "a signal".to_string(),
        };
        self.note(&format!(
            "  {status} after {:.2}s",
            start.elapsed().as_secs_f64()
        ));
        for l in stderr
            .lines()
            .rev()
            .take(20)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            self.note(&format!("  stderr: {l}"));
        }
        if !out.status.success() || !bad_stderr.is_empty() {
            let tail: Vec<&str> = stderr
                .lines()
                .rev()
                .take(30)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let status = if out.status.success() {
                "status 0 but printed errors".to_string()
            } else {
                status
            };
            return Err(SpawnError::Command {
                step: step.into(),
                command: line,
                status,
                stderr: tail.join("\n"),
                log: self.log_path.display().to_string(),
            });
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_for_display() {
        let argv: Vec<String> = [
            "chroot",
            "/r",
            "/bin/sh",
            "-c",
            "cd /x && make install",
            "it's",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            command_line(&argv),
            r#"chroot /r /bin/sh -c 'cd /x && make install' 'it'\''s'"#
        );
    }

    #[test]
    fn failure_carries_stderr_and_step() {
        let dir = tempfile::tempdir().unwrap();
        let r = Runner::new(&dir.path().join("log"), false);
        let argv: Vec<String> = ["ls", "/definitely/not/here"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let e = r.run("list things", &argv, &[], false, &[]).unwrap_err();
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
    fn dry_run_runs_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let r = Runner::new(&dir.path().join("log"), true);
        let argv: Vec<String> = ["false"].iter().map(|s| s.to_string()).collect();
        assert!(r.run("nothing", &argv, &[], false, &[]).is_ok());
        assert!(!dir.path().join("log").exists());
    }
}
