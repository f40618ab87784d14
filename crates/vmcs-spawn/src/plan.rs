//! The plan: ordered steps, each an exact argv or a file with its contents, plus how to undo it.
//!
//! `--dry-run` prints a [`SpawnPlan`] (text via `Display`, JSON via serde: one struct, two
//! forms); executing it runs the same steps in order.

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;

/// Which stage a step belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Storage,
    System,
    Software,
    Network,
    Backend,
    Cache,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        f.write_str(&s)
    }
}

/// What a step does.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// Run a program (argv, never a shell string).
    Run {
        argv: Vec<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        env: Vec<(String, String)>,
        /// The tool exits 0 on errors (debugfs, `xl -N`): any stderr line fails the step.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        stderr_is_error: bool,
    },
    /// Write a file (parent directories must exist).
    Write {
        path: PathBuf,
        mode: u32,
        contents: String,
    },
    /// Create a directory and its parents.
    Mkdir { path: PathBuf },
    /// Store a row in the cache database.
    Record { record: Record },
}

/// A row the spawn stores in the state database.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "table", rename_all = "snake_case")]
pub enum Record {
    Layer {
        key: String,
        kind: String,
        parent: Option<String>,
        path: PathBuf,
    },
    Vm {
        name: String,
        profile_hash: String,
        layer: String,
        overlay: PathBuf,
        backend: String,
        state: String,
    },
    Profile {
        user: String,
        name: String,
    },
}

/// How to take back what a step did when a later step fails.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Undo {
    /// Remove a file or a directory tree (only if the step created it).
    Remove { path: PathBuf },
    /// Run a program (`ip link del BR`, `xl destroy NAME`).
    Run { argv: Vec<String> },
    /// Ask a QEMU process to quit over its QMP socket.
    QmpQuit { socket: PathBuf },
    /// Delete the database row the step stored.
    Unrecord { record: Record },
}

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub stage: Stage,
    pub title: String,
    pub action: Action,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub undo: Vec<Undo>,
}

impl Step {
    pub fn run(stage: Stage, title: impl Into<String>, argv: Vec<String>) -> Step {
        Step {
            stage,
            title: title.into(),
            action: Action::Run {
                argv,
                env: Vec::new(),
                stderr_is_error: false,
            },
            undo: Vec::new(),
        }
    }
    pub fn write(
        stage: Stage,
        title: impl Into<String>,
        path: PathBuf,
        mode: u32,
        contents: String,
    ) -> Step {
        let undo = vec![Undo::Remove { path: path.clone() }];
        Step {
            stage,
            title: title.into(),
            action: Action::Write {
                path,
                mode,
                contents,
            },
            undo,
        }
    }
    pub fn mkdir(stage: Stage, title: impl Into<String>, path: PathBuf) -> Step {
        let undo = vec![Undo::Remove { path: path.clone() }];
        Step {
            stage,
            title: title.into(),
            action: Action::Mkdir { path },
            undo,
        }
    }
    pub fn record(title: impl Into<String>, record: Record) -> Step {
        let undo = vec![Undo::Unrecord {
            record: record.clone(),
        }];
        Step {
            stage: Stage::Cache,
            title: title.into(),
            action: Action::Record { record },
            undo,
        }
    }
    pub fn env(mut self, k: &str, v: &str) -> Step {
        if let Action::Run { env, .. } = &mut self.action {
            env.push((k.to_string(), v.to_string()));
        }
        self
    }
    pub fn stderr_is_error(mut self) -> Step {
        if let Action::Run {
            stderr_is_error, ..
        } = &mut self.action
        {
            *stderr_is_error = true;
        }
        self
    }
    pub fn undo(mut self, u: Undo) -> Step {
        self.undo.push(u);
        self
    }
}

/// A cache layer the plan builds, or reuses when `cached`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerPlan {
    pub kind: String,
    pub key: String,
    pub path: PathBuf,
    pub cached: bool,
    pub steps: Vec<Step>,
}

/// The steps of one VM.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VmPlan {
    pub name: String,
    pub backend: String,
    pub steps: Vec<Step>,
}

/// Everything one `vmcs spawn` does: shared layers first, then each VM (in parallel).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpawnPlan {
    pub state_dir: PathBuf,
    pub log: PathBuf,
    pub layers: Vec<LayerPlan>,
    pub vms: Vec<VmPlan>,
}

impl SpawnPlan {
    /// Every step, in order (layers, then VMs one after the other).
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.layers
            .iter()
            .flat_map(|l| &l.steps)
            .chain(self.vms.iter().flat_map(|v| &v.steps))
    }

    /// The plan as pretty JSON (the `--format json` form of `--dry-run`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn describe(action: &Action) -> String {
    match action {
        Action::Run {
            argv,
            env,
            stderr_is_error,
        } => {
            let env: String = env
                .iter()
                .map(|(k, v)| format!("{k}={} ", crate::runner::quote(v)))
                .collect();
            let strict = if *stderr_is_error {
                "  (any stderr fails)"
            } else {
                ""
            };
            format!("run   {env}{}{strict}", crate::runner::command_line(argv))
        }
        Action::Write {
            path,
            mode,
            contents,
        } => {
            let mut s = format!(
                "write {} (mode {mode:o}, {} bytes)",
                path.display(),
                contents.len()
            );
            for l in contents.lines() {
                s.push_str("\n        | ");
                s.push_str(l);
            }
            s
        }
        Action::Mkdir { path } => format!("mkdir {}", path.display()),
        Action::Record { record } => format!(
            "store {}",
            serde_json::to_string(record).unwrap_or_default()
        ),
    }
}

impl fmt::Display for SpawnPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "state directory: {}", self.state_dir.display())?;
        writeln!(f, "command log: {}", self.log.display())?;
        let mut n = 0;
        for l in &self.layers {
            let state = if l.cached {
                "cached, reused"
            } else {
                "to build"
            };
            writeln!(
                f,
                "\nlayer {} {} ({state}) at {}",
                l.kind,
                l.key,
                l.path.display()
            )?;
            for s in &l.steps {
                n += 1;
                writeln!(
                    f,
                    "  {n:>3}. [{}] {}\n       {}",
                    s.stage,
                    s.title,
                    describe(&s.action)
                )?;
            }
        }
        for v in &self.vms {
            writeln!(f, "\nvm {} (backend {})", v.name, v.backend)?;
            for s in &v.steps {
                n += 1;
                writeln!(
                    f,
                    "  {n:>3}. [{}] {}\n       {}",
                    s.stage,
                    s.title,
                    describe(&s.action)
                )?;
            }
        }
        Ok(())
    }
}
