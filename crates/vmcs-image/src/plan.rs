//! The plan: ordered steps, each an exact argv or a file with its contents, plus how to undo it.
//!
//! `--dry-run` prints a [`SpawnPlan`] (text via `Display`, JSON via serde: one struct, two
//! forms); executing it runs the same steps in order.

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;
use vmcs_model::GuestPath;

/// Which stage a step belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Storage,
    System,
    Software,
    Network,
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
    /// Write a file on the host (parent directories must exist).
    Write {
        path: PathBuf,
        mode: u32,
        contents: String,
    },
    /// Write a file inside a guest tree: the path is resolved inside `root` (links never lead
    /// out of it), parents are created, a link at the path itself is replaced.
    WriteGuest {
        root: PathBuf,
        path: GuestPath,
        mode: u32,
        contents: String,
    },
    /// Create a directory and its parents.
    Mkdir { path: PathBuf },
    /// Hard-link `from` to `to` (copy when they are on different filesystems).
    Link { from: PathBuf, to: PathBuf },
    /// Fail with `message` unless one of `paths` exists.
    Check {
        paths: Vec<PathBuf>,
        message: String,
    },
    /// Disable and mask systemd units in a guest tree (units it does not have are skipped).
    Systemd {
        root: PathBuf,
        disable: Vec<String>,
        mask: Vec<String>,
    },
    /// Build vmcs's small initramfs from a guest tree (busybox and the boot modules).
    Initramfs { tree: PathBuf, out: PathBuf },
    /// Write the kernel a VM boots directly, the guest tree's `/vmlinuz` (resolved inside the
    /// tree): the `bzImage` unpacked to its ELF kernel when that has a PVH entry point (no
    /// decompression under emulation), else a copy of it.
    Kernel { tree: PathBuf, out: PathBuf },
    /// Write a VM's initrd: the image's initramfs followed by its seed (the VM's own files).
    Seed {
        initramfs: PathBuf,
        out: PathBuf,
        files: Vec<SeedFile>,
    },
    /// Write a VM's seed disk: a small ext4 image labelled `VMCS-SEED` holding its files,
    /// for guests that boot their own initramfs.
    SeedDisk { out: PathBuf, files: Vec<SeedFile> },
    /// Rename a finished build directory into place.
    Rename { from: PathBuf, to: PathBuf },
    /// Store a row in the state database.
    Record { record: Record },
}

/// A file of a VM's seed: its path in the guest and where its contents come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeedFile {
    pub path: GuestPath,
    pub mode: u32,
    pub source: SeedSource,
}

/// The contents of a seed file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeedSource {
    Text(String),
    /// A host file made by an earlier step (an SSH host key).
    File(PathBuf),
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
    /// The instance's machine spec; its row was reserved when the plan was made.
    Instance { name: String, machine: String },
}

/// How to take back what a step did when a later step fails.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Undo {
    /// Remove a file or a directory tree (only if the step created it).
    Remove { path: PathBuf },
    /// Run a program.
    Run { argv: Vec<String> },
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
        Step {
            stage: Stage::Cache,
            title: title.into(),
            action: Action::Record { record },
            undo: Vec::new(),
        }
    }
    /// A step of any other action.
    pub fn new(stage: Stage, title: impl Into<String>, action: Action) -> Step {
        Step {
            stage,
            title: title.into(),
            action,
            undo: Vec::new(),
        }
    }
    /// Write a file inside a guest tree.
    pub fn write_guest(
        stage: Stage,
        title: impl Into<String>,
        root: &std::path::Path,
        path: GuestPath,
        mode: u32,
        contents: String,
    ) -> Step {
        Step::new(
            stage,
            title,
            Action::WriteGuest {
                root: root.to_path_buf(),
                path,
                mode,
                contents,
            },
        )
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

/// A cache layer the plan builds (in `build`, renamed to `path` when done), or reuses when
/// `cached`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerPlan {
    pub kind: String,
    pub key: String,
    pub path: PathBuf,
    pub build: PathBuf,
    pub cached: bool,
    pub steps: Vec<Step>,
}

/// The steps of one VM.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VmPlan {
    pub name: String,
    pub steps: Vec<Step>,
    /// What the hypervisor driver is given once the steps ran.
    pub machine: crate::Machine,
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
        Action::WriteGuest {
            root,
            path,
            mode,
            contents,
        } => {
            let mut s = format!(
                "write {path} in {} (mode {mode:o}, {} bytes)",
                root.display(),
                contents.len()
            );
            for l in contents.lines() {
                s.push_str("\n        | ");
                s.push_str(l);
            }
            s
        }
        Action::Mkdir { path } => format!("mkdir {}", path.display()),
        Action::Link { from, to } => format!("link  {} -> {}", from.display(), to.display()),
        Action::Check { paths, .. } => {
            let ps: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            format!("check one of {} exists", ps.join(", "))
        }
        Action::Systemd {
            root,
            disable,
            mask,
        } => format!(
            "units in {}: disable {}; mask {}",
            root.display(),
            disable.join(" "),
            mask.join(" ")
        ),
        Action::SeedDisk { out, files } => {
            let ps: Vec<String> = files.iter().map(|f| f.path.to_string()).collect();
            format!("seed disk {} with {}", out.display(), ps.join(" "))
        }
        Action::Kernel { tree, out } => format!(
            "kernel {}/vmlinuz (unpacked when it has a PVH entry) -> {}",
            tree.display(),
            out.display()
        ),
        Action::Initramfs { tree, out } => format!(
            "initramfs from {} (busybox, boot modules) -> {}",
            tree.display(),
            out.display()
        ),
        Action::Seed {
            initramfs,
            out,
            files,
        } => {
            let mut s = format!(
                "seed  {} + {} files -> {}",
                initramfs.display(),
                files.len(),
                out.display()
            );
            for f in files {
                match &f.source {
                    SeedSource::Text(t) => {
                        s.push_str(&format!(
                            "\n        {} (mode {:o}, {} bytes)",
                            f.path,
                            f.mode,
                            t.len()
                        ));
                        for l in t.lines() {
                            s.push_str("\n        | ");
                            s.push_str(l);
                        }
                    }
                    SeedSource::File(p) => s.push_str(&format!(
                        "\n        {} (mode {:o}) from {}",
                        f.path,
                        f.mode,
                        p.display()
                    )),
                }
            }
            s
        }
        Action::Rename { from, to } => format!("rename {} -> {}", from.display(), to.display()),
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
            writeln!(f, "\nvm {}", v.name)?;
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
