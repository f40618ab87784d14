//! One object's state while it is built: the profile tree, globals, functions, types,
//! bindings, final paths, the call stack of includes and calls, and the compiler limits.

use crate::diag::Error;
use crate::diag::Loc;
use crate::output::dep::{DepKind, Dependency};
use crate::path::Term;
use crate::template::{CompiledTemplate, UserFn};
use crate::typedef::{BindRec, TypeDef};
use crate::value::Value;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use vmcs_syntax::TemplateKind;

/// What evaluation needs from the outside world: templates, data files, other objects.
pub trait Env: Send + Sync {
    /// Load a template by name for `st` (honouring its LOADPATH), recording the dependency.
    fn load_template(&self, st: &mut State, name: &str) -> Result<Arc<CompiledTemplate>, Error>;
    /// Whether a template exists (no dependency error when absent).
    fn template_exists(&self, st: &mut State, name: &str) -> bool;
    /// Find a data file on the include path (for `file_contents`, `file_exists`).
    fn find_file(&self, st: &mut State, name: &str) -> Option<PathBuf>;
    /// The finished profile of another object (building it if needed).
    fn object_profile(&self, st: &mut State, name: &str) -> Result<Value, Error>;
}

/// Compiler limits and switches that evaluation needs.
#[derive(Debug, Clone)]
pub struct Options {
    pub max_iteration: u64,
    pub max_recursion: usize,
    /// The largest string (in bytes) or resource (elements x 16 bytes) a DML expression may
    /// make, and a whole value `to_string()` & co. may render.
    pub max_value_size: usize,
    /// The largest profile (in bytes, about what its XML or JSON file takes).
    pub max_profile_size: usize,
    /// `--debug`: `debug()` prints its message on stderr.
    pub debug: bool,
    /// `--warnings`.
    pub warnings: Warnings,
}

/// Default `--max-value-size`: 64 MiB.
pub const DEFAULT_MAX_VALUE_SIZE: usize = 64 << 20;
/// Default `--max-profile-size`: 1 GiB.
pub const DEFAULT_MAX_PROFILE_SIZE: usize = 1 << 30;

/// What happens to warnings such as `deprecated()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Warnings {
    #[default]
    On,
    Off,
    /// Every warning is an error.
    Fatal,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_iteration: 10_000,
            max_recursion: 50,
            max_value_size: DEFAULT_MAX_VALUE_SIZE,
            max_profile_size: DEFAULT_MAX_PROFILE_SIZE,
            debug: false,
            warnings: Warnings::On,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Global {
    pub value: Value,
    pub is_final: bool,
}

/// Everything one object's build reads and writes.
pub struct State {
    /// True inside panc's CompileTimeContext: only pure, local computation works.
    pub compile_time: bool,
    pub object: Arc<str>,
    pub root: Value,
    pub globals: HashMap<Arc<str>, Global>,
    pub functions: HashMap<Arc<str>, Arc<UserFn>>,
    pub types: HashMap<Arc<str>, Arc<TypeDef>>,
    pub binds: Vec<BindRec>,
    pub finals: Vec<Vec<Term>>,
    /// Where each path was last assigned (for validation diagnostics).
    /// Append-only (no hashing on the hot path); the last entry for a path wins.
    pub assigned_at: Vec<(Vec<Term>, Loc)>,
    pub opts: Arc<Options>,
    pub env: Option<Arc<dyn Env>>,
    /// Names of the templates being executed, innermost last (`TEMPLATE`).
    pub template_stack: Vec<Arc<str>>,
    /// Kinds of the templates being executed, innermost last.
    pub kind_stack: Vec<TemplateKind>,
    /// Where the includes, function calls and `create()`s being executed were made,
    /// outermost first (panc's call stack: its depth is limited by `--max-recursion`).
    pub stack: Vec<Loc>,
    /// `TEMPLATE`: the template whose DML block is running (the outermost one while a
    /// structure template runs inside it).
    pub dml_template: Option<Arc<str>>,
    /// unique/declaration templates already run for this object.
    pub once: HashSet<Arc<str>>,
    pub deps: Vec<Dependency>,
    /// Other objects whose profiles this one read.
    pub read_objects: Vec<Arc<str>>,
}

impl State {
    pub fn new(object: Arc<str>, opts: Arc<Options>, env: Option<Arc<dyn Env>>) -> State {
        let mut globals = HashMap::new();
        // LOADPATH is an automatic variable: an empty list until a template sets it.
        globals.insert(
            Arc::from("LOADPATH"),
            Global {
                value: Value::empty_list(),
                is_final: false,
            },
        );
        State {
            compile_time: false,
            object,
            root: Value::empty_dict(),
            globals,
            functions: HashMap::new(),
            types: HashMap::new(),
            binds: Vec::new(),
            finals: Vec::new(),
            assigned_at: Vec::new(),
            opts,
            env,
            template_stack: Vec::new(),
            kind_stack: Vec::new(),
            stack: Vec::new(),
            dml_template: None,
            once: HashSet::new(),
            deps: Vec::new(),
            read_objects: Vec::new(),
        }
    }

    /// A state for panc's compile-time evaluation of constant statements.
    pub fn compile_time() -> State {
        let mut s = State::new(Arc::from(""), Arc::new(Options::default()), None);
        s.compile_time = true;
        s.globals.clear();
        s
    }

    /// panc's call stack trace entries, innermost first.
    pub fn trace(&self) -> Vec<String> {
        self.stack
            .iter()
            .rev()
            .map(|l| format!("[{}]", l.panc_form()))
            .collect()
    }

    pub fn add_dep(&mut self, d: Dependency) {
        if !self
            .deps
            .iter()
            .any(|x| x.name == d.name && x.kind == d.kind)
        {
            self.deps.push(d);
        }
    }

    /// Record a dependency on a looked-up file.
    pub fn dep(&mut self, name: &str, kind: DepKind, dir: Option<std::path::PathBuf>) {
        self.add_dep(Dependency {
            name: name.to_string(),
            kind,
            dir,
        });
    }
}
