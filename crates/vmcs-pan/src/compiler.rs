//! The compile driver: builds many objects in parallel over one shared template cache,
//! lets objects read each other's profiles (waiting for each other), runs the phases
//! (build, defaults, validation, cross-object validation) and hands results to the writers.

use crate::diag::Error;
use crate::error::ErrorClass;
use crate::loader::{self, CompiledTemplate, Env, TemplateCache};
use crate::object::{Options, State};
use crate::output::dep::{DepKind, Dependency};
use crate::validate;
use crate::value::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::ThreadId;

/// Everything a compile run needs to know.
#[derive(Debug, Clone)]
pub struct CompileOptions {
    pub include_dirs: Vec<PathBuf>,
    pub max_iteration: u64,
    pub max_recursion: usize,
    /// The largest string or resource a DML expression may make (bytes).
    pub max_value_size: usize,
    /// The largest profile (bytes, about the size of its XML or JSON file).
    pub max_profile_size: usize,
    /// Threads; 0 means one per core.
    pub nthread: usize,
    /// DML that gives the starting root dict (`--initial-data`).
    pub initial_data: Option<String>,
    /// Skip validation (the build and defaults still run).
    pub skip_validation: bool,
    /// `--debug`: `debug()` prints.
    pub debug: bool,
    /// `--warnings on|off|fatal`.
    pub warnings: crate::object::Warnings,
    /// Untrusted input: `file_contents()`, `file_exists()` and template look-ups only find
    /// files inside the include directories (no absolute names, no `..`, no symbolic link
    /// leading out).
    pub confined: bool,
}

impl Default for CompileOptions {
    fn default() -> CompileOptions {
        CompileOptions {
            include_dirs: vec![PathBuf::from(".")],
            max_iteration: 10_000,
            max_recursion: 50,
            max_value_size: crate::object::DEFAULT_MAX_VALUE_SIZE,
            max_profile_size: crate::object::DEFAULT_MAX_PROFILE_SIZE,
            nthread: 0,
            initial_data: None,
            skip_validation: false,
            debug: false,
            warnings: crate::object::Warnings::On,
            confined: false,
        }
    }
}

/// A finished object.
#[derive(Debug)]
pub struct Built {
    pub name: Arc<str>,
    pub root: Value,
    pub deps: Vec<Dependency>,
    /// Objects this one read through external paths.
    pub reads: Vec<Arc<str>>,
}

/// Where one object is in its life.
enum Slot {
    /// The build phase runs on this thread.
    Building(ThreadId),
    /// Built (others may read its profile); `state` waits for (or is taken by) validation.
    Built {
        root: Value,
        state: Option<Box<State>>,
        file: PathBuf,
    },
    /// Its own validation is done (cross-object validity is settled at the end of the run).
    Validated {
        built: Arc<Built>,
        own: Result<(), Error>,
    },
    /// The build phase failed.
    Failed(Error),
}

/// One object's outcome.
pub type ObjectResult = Result<Arc<Built>, Error>;

/// Called in a worker thread as soon as an object is finished (e.g. to write its files).
pub type OnDone = Box<dyn Fn(&str, &Result<Arc<Built>, Error>) + Send + Sync>;

type Found = Option<(PathBuf, PathBuf, usize)>;

/// One compile run.
pub struct Compiler {
    on_done: Option<OnDone>,
    /// Template look-ups by (LOADPATH, name): the include path is searched once per name.
    found: Mutex<HashMap<(Vec<String>, String), Found>>,
    pub opts: CompileOptions,
    eval_opts: Arc<Options>,
    cache: TemplateCache,
    objects: Mutex<HashMap<Arc<str>, Slot>>,
    /// Which object each waiting thread waits for (to detect cross-thread build cycles).
    waits: Mutex<HashMap<ThreadId, Arc<str>>>,
    done: Condvar,
    /// Objects in the order they finished (including ones built because others read them).
    finished: Mutex<Vec<Arc<str>>>,
    initial_root: Option<Value>,
    /// Worker stack size for this run's recursion limit.
    stack: usize,
    /// The file each object named on the command line comes from: two files of one name
    /// would write the same output files.
    claimed: Mutex<HashMap<Arc<str>, PathBuf>>,
}

impl Compiler {
    pub fn new(opts: CompileOptions) -> Result<Arc<Compiler>, Error> {
        let eval_opts = Arc::new(Options {
            max_iteration: opts.max_iteration,
            // Each Pan call level costs a few KiB of the worker's stack: cap the depth so no
            // input can overflow it.
            max_recursion: opts.max_recursion.min(MAX_DEPTH),
            max_value_size: opts.max_value_size,
            max_profile_size: opts.max_profile_size,
            debug: opts.debug,
            warnings: opts.warnings,
        });
        let eval_opts_depth = eval_opts.max_recursion;
        let initial_root = match &opts.initial_data {
            None => None,
            Some(text) => Some(initial_data(text)?),
        };
        Ok(Arc::new(Compiler {
            on_done: None,
            found: Mutex::new(HashMap::new()),
            opts,
            eval_opts,
            cache: TemplateCache::default(),
            objects: Mutex::new(HashMap::new()),
            waits: Mutex::new(HashMap::new()),
            done: Condvar::new(),
            finished: Mutex::new(Vec::new()),
            initial_root,
            stack: stack_for(eval_opts_depth),
            claimed: Mutex::new(HashMap::new()),
        }))
    }

    /// Like [`Compiler::new`], calling `on_done` for every finished object.
    pub fn with_callback(opts: CompileOptions, on_done: OnDone) -> Result<Arc<Compiler>, Error> {
        let c = Compiler::new(opts)?;
        let mut c = Arc::try_unwrap(c).unwrap_or_else(|_| unreachable!("fresh compiler"));
        c.on_done = Some(on_done);
        Ok(Arc::new(c))
    }

    /// The object name of a template file: its path below an include directory, no extension.
    pub fn object_name_for(&self, file: &Path) -> String {
        let abs = std::fs::canonicalize(file).unwrap_or_else(|_| absolute(file));
        for d in &self.opts.include_dirs {
            let d = std::fs::canonicalize(d).unwrap_or_else(|_| absolute(d));
            if let Ok(rel) = abs.strip_prefix(&d) {
                let s = rel.with_extension("").to_string_lossy().replace('\\', "/");
                if !s.is_empty() {
                    return s;
                }
            }
        }
        file.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Compile the given object template files (in parallel) and return every object built,
    /// in completion order: those named and those read through external paths.
    pub fn compile_files(self: &Arc<Self>, files: &[PathBuf]) -> Vec<(Arc<str>, ObjectResult)> {
        let threads = match self.opts.nthread {
            _ if files.len() <= 1 => 1,
            0 => std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            n => n,
        }
        .min(files.len().max(1));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let early: Mutex<Vec<(Arc<str>, Error)>> = Mutex::new(Vec::new());
        let work = || loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(file) = files.get(i) else { break };
            if let Err((name, e)) = self.compile_file_object(file) {
                early.lock().unwrap().push((name, e));
            }
        };
        run_workers(threads, self.stack, &work);
        // Objects built only because others read them still need their own validation.
        loop {
            let pending: Vec<Arc<str>> = {
                let map = self.objects.lock().unwrap();
                map.iter()
                    .filter(|(_, s)| matches!(s, Slot::Built { .. }))
                    .map(|(n, _)| n.clone())
                    .collect()
            };
            if pending.is_empty() {
                break;
            }
            run_workers(1, self.stack, &|| {
                for n in &pending {
                    self.validate_object(n);
                }
            });
        }
        let mut out = self.settle();
        out.extend(
            early
                .into_inner()
                .unwrap()
                .into_iter()
                .map(|(n, e)| (n, Err(e))),
        );
        if let Some(cb) = &self.on_done {
            let next = std::sync::atomic::AtomicUsize::new(0);
            let work = || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((n, r)) = out.get(i) else { break };
                cb(n, r);
            };
            run_workers(threads, self.stack, &work);
        }
        out
    }

    /// Cross-object validation: an object is valid only when its own validation passed and
    /// every object it read is valid (over the read graph, cycles included).
    fn settle(&self) -> Vec<(Arc<str>, ObjectResult)> {
        let order = self.finished.lock().unwrap().clone();
        let map = self.objects.lock().unwrap();
        let mut bad: HashMap<Arc<str>, String> = HashMap::new();
        for (n, s) in map.iter() {
            match s {
                Slot::Failed(e) | Slot::Validated { own: Err(e), .. } => {
                    bad.insert(n.clone(), e.message.clone());
                }
                _ => {}
            }
        }
        let mut invalid_by: HashMap<Arc<str>, (Arc<str>, String)> = HashMap::new();
        loop {
            let mut changed = false;
            for (n, s) in map.iter() {
                let Slot::Validated { built, own: Ok(()) } = s else {
                    continue;
                };
                if bad.contains_key(n) {
                    continue;
                }
                if let Some(r) = built.reads.iter().find(|r| bad.contains_key(*r)) {
                    let why = bad[r].clone();
                    invalid_by.insert(n.clone(), (r.clone(), why.clone()));
                    bad.insert(n.clone(), why);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        order
            .into_iter()
            .filter_map(|n| {
                let r = match map.get(&n)? {
                    Slot::Failed(e) => Err(e.clone()),
                    Slot::Validated { own: Err(e), .. } => Err(e.clone()),
                    Slot::Validated { built, own: Ok(()) } => match invalid_by.get(&n) {
                        Some((other, why)) => Err(Error::new(
                            ErrorClass::Validation,
                            format!("object '{other}' read by '{n}' is not valid: {why}"),
                        )),
                        None => Ok(built.clone()),
                    },
                    _ => return None,
                };
                Some((n, r))
            })
            .collect()
    }

    /// Compile one object template given as a file: its header names the object, the file
    /// must sit where that name says, and the name must be found on the include path.
    fn compile_file_object(self: &Arc<Self>, file: &Path) -> Result<(), (Arc<str>, Error)> {
        let fallback: Arc<str> = Arc::from(self.object_name_for(file).as_str());
        let tpl = self
            .cache
            .get_any(file)
            .map_err(|e| (fallback.clone(), e))?;
        let name = tpl.name.clone();
        let stem_ok = {
            let f = absolute(file).with_extension("");
            f.to_string_lossy().ends_with(&format!("/{name}")) || f.to_string_lossy() == *name
        };
        if !stem_ok {
            return Err((name.clone(), loader::misnamed(&tpl, &fallback)));
        }
        let found = loader::search(&self.opts.include_dirs, &[], &name, &[".pan", ".tpl"]);
        let Some((found_file, _, _)) = found else {
            return Err((
                name.clone(),
                Error::new(
                    ErrorClass::Evaluation,
                    format!("cannot locate object template named '{name}'"),
                )
                .with_hint("the include path must contain the template under its declared name"),
            ));
        };
        let canonical = std::fs::canonicalize(file).unwrap_or_else(|_| absolute(file));
        {
            let mut claimed = self.claimed.lock().unwrap();
            match claimed.get(&name) {
                Some(first) if *first != canonical => {
                    return Err((
                        name.clone(),
                        Error::new(
                            ErrorClass::Evaluation,
                            format!(
                                "object template '{name}' of {} would write the same output files as {}",
                                file.display(),
                                first.display()
                            ),
                        )
                        .in_file(file.to_path_buf())
                        .with_hint("each object must have its own name"),
                    ));
                }
                Some(_) => return Ok(()),
                None => {
                    claimed.insert(name.clone(), canonical.clone());
                }
            }
        }
        // Report paths as the user wrote them when the include path finds the same file.
        let same = std::fs::canonicalize(&found_file).ok() == Some(canonical);
        let chosen = if same { file.to_path_buf() } else { found_file };
        if self.built_root(&name, Some(&chosen)).is_ok() {
            self.validate_object(&name);
        }
        Ok(())
    }

    /// Whether waiting for an object built by `owner` would make a cycle back to `me`.
    fn would_cycle(
        &self,
        map: &HashMap<Arc<str>, Slot>,
        mut owner: ThreadId,
        me: ThreadId,
    ) -> bool {
        let waits = self.waits.lock().unwrap();
        for _ in 0..=waits.len() {
            if owner == me {
                return true;
            }
            let Some(obj) = waits.get(&owner) else {
                return false;
            };
            match map.get(obj) {
                Some(Slot::Building(t)) => owner = *t,
                _ => return false,
            }
        }
        true
    }

    /// The profile of an object after its build phase (building it here if nobody has).
    pub fn built_root(self: &Arc<Self>, name: &str, file: Option<&Path>) -> Result<Value, Error> {
        let me = std::thread::current().id();
        {
            let mut map = self.objects.lock().unwrap();
            loop {
                match map.get(name) {
                    Some(Slot::Built { root, .. }) => return Ok(root.clone()),
                    Some(Slot::Validated { built, .. }) => return Ok(built.root.clone()),
                    Some(Slot::Failed(e)) => return Err(e.clone()),
                    Some(Slot::Building(t)) => {
                        if self.would_cycle(&map, *t, me) {
                            return Err(Error::new(
                                ErrorClass::Evaluation,
                                format!("circular dependency between objects involving '{name}'"),
                            )
                            .with_hint("objects may read each other's profiles only when neither needs the other to build"));
                        }
                        self.waits.lock().unwrap().insert(me, Arc::from(name));
                        map = self.done.wait(map).unwrap();
                        self.waits.lock().unwrap().remove(&me);
                    }
                    None => {
                        map.insert(Arc::from(name), Slot::Building(me));
                        break;
                    }
                }
            }
        }
        let r = self.build(name, file);
        let mut map = self.objects.lock().unwrap();
        let out = match r {
            Ok((st, file)) => {
                let root = st.root.clone();
                map.insert(
                    Arc::from(name),
                    Slot::Built {
                        root: root.clone(),
                        state: Some(Box::new(st)),
                        file,
                    },
                );
                Ok(root)
            }
            Err(e) => {
                map.insert(Arc::from(name), Slot::Failed(e.clone()));
                Err(e)
            }
        };
        self.finished.lock().unwrap().push(Arc::from(name));
        self.done.notify_all();
        out
    }

    /// Run an object's own validation (once), after its build phase.
    fn validate_object(self: &Arc<Self>, name: &str) {
        let (mut st, file) = {
            let mut map = self.objects.lock().unwrap();
            match map.get_mut(name) {
                Some(Slot::Built { state, file, .. }) => match state.take() {
                    Some(st) => (st, file.clone()),
                    None => return,
                },
                _ => return,
            }
        };
        let own = if self.opts.skip_validation {
            Ok(())
        } else {
            validate::validate(&mut st).map_err(|e| e.in_file(file.clone()))
        };
        let built = Arc::new(Built {
            name: Arc::from(name),
            root: std::mem::take(&mut st.root),
            deps: std::mem::take(&mut st.deps),
            reads: std::mem::take(&mut st.read_objects),
        });
        let mut map = self.objects.lock().unwrap();
        map.insert(Arc::from(name), Slot::Validated { built, own });
        self.done.notify_all();
    }

    /// The build phase of one object: run its templates, then set defaults.
    fn build(self: &Arc<Self>, name: &str, file: Option<&Path>) -> Result<(State, PathBuf), Error> {
        let env: Arc<dyn Env> = Arc::new(EnvImpl(self.clone()));
        let mut st = State::new(Arc::from(name), self.eval_opts.clone(), Some(env));
        if let Some(r) = &self.initial_root {
            st.root = r.clone();
        }
        let (file, dir) = match file {
            Some(f) => {
                let dir = self
                    .opts
                    .include_dirs
                    .iter()
                    .find(|d| absolute(f).starts_with(absolute(d)))
                    .cloned()
                    .unwrap_or_else(|| f.parent().map(Path::to_path_buf).unwrap_or_default());
                (f.to_path_buf(), dir)
            }
            None => match loader::search(&self.opts.include_dirs, &[], name, &[".pan", ".tpl"]) {
                Some((f, base, _)) => (f, base),
                None => {
                    return Err(Error::new(
                        ErrorClass::Evaluation,
                        format!("cannot locate object template '{name}'"),
                    ));
                }
            },
        };
        let ext_tpl = file.extension().map(|e| e == "tpl").unwrap_or(false);
        st.dep(
            name,
            if ext_tpl { DepKind::Tpl } else { DepKind::Pan },
            Some(dir),
        );
        let tpl = self.cache.get(&file, name)?;
        if tpl.kind != vmcs_syntax::TemplateKind::Object {
            return Err(Error::new(
                ErrorClass::Evaluation,
                format!("{name} is not an object template"),
            )
            .in_file(file.clone()));
        }
        st.run_template(&tpl)?;
        check_profile_size(&st, &file)?;
        validate::apply_defaults(&mut st)?;
        check_profile_size(&st, &file)?;
        Ok((st, file))
    }

    fn find_template(&self, st: &State, name: &str) -> Found {
        let key = (loader::loadpath_of(st), name.to_string());
        if let Some(f) = self.found.lock().unwrap().get(&key) {
            return f.clone();
        }
        let f = loader::search(&self.opts.include_dirs, &key.0, name, &[".pan", ".tpl"]).filter(
            |(f, _, _)| !self.opts.confined || loader::confined(&self.opts.include_dirs, name, f),
        );
        self.found.lock().unwrap().insert(key, f.clone());
        f
    }
}

/// The compiler seen from inside an object's evaluation.
struct EnvImpl(Arc<Compiler>);

impl Env for EnvImpl {
    fn load_template(&self, st: &mut State, name: &str) -> Result<Arc<CompiledTemplate>, Error> {
        if !loader::valid_template_name(name) {
            return Err(Error::new(
                ErrorClass::Evaluation,
                format!("invalid template name: '{name}'"),
            ));
        }
        match self.0.find_template(st, name) {
            Some((file, base, ext)) => {
                st.dep(name, loader::dep_kind_for(ext), Some(base));
                self.0.cache.get(&file, name)
            }
            None => {
                st.dep(name, DepKind::AbsentSource, None);
                Err(Error::new(
                    ErrorClass::Evaluation,
                    format!("cannot locate template '{name}'"),
                )
                .with_hint(
                    "check the template name and the include path (--include-path, LOADPATH)",
                ))
            }
        }
    }

    fn template_exists(&self, st: &mut State, name: &str) -> bool {
        match self.0.find_template(st, name) {
            Some(_) => true,
            None => {
                st.dep(name, DepKind::AbsentSource, None);
                false
            }
        }
    }

    fn find_file(&self, st: &mut State, name: &str) -> Option<PathBuf> {
        match loader::search(
            &self.0.opts.include_dirs,
            &loader::loadpath_of(st),
            name,
            &[""],
        )
        .filter(|(f, _, _)| {
            !self.0.opts.confined || loader::confined(&self.0.opts.include_dirs, name, f)
        }) {
            Some((f, base, _)) => {
                st.dep(name, DepKind::Text, Some(base));
                Some(f)
            }
            None => {
                st.dep(name, DepKind::AbsentText, None);
                None
            }
        }
    }

    fn object_profile(&self, st: &mut State, name: &str) -> Result<Value, Error> {
        match self.0.find_template(st, name) {
            Some((_, base, ext)) => st.dep(name, loader::dep_kind_for(ext), Some(base)),
            None => {
                st.dep(name, DepKind::AbsentSource, None);
                return Err(Error::new(
                    ErrorClass::Evaluation,
                    format!("cannot locate object template '{name}'"),
                ));
            }
        }
        self.0.built_root(name, None)
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The profile must stay under `--max-profile-size`; the error points at the assignment
/// of the deepest path (what makes a profile's files grow fastest).
fn check_profile_size(st: &State, file: &Path) -> Result<(), Error> {
    let max = st.opts.max_profile_size;
    if crate::tree::approx_size(&st.root, max).is_some() {
        return Ok(());
    }
    let mut e = Error::new(
        ErrorClass::Evaluation,
        format!("profile too large: its files would take more than {max} bytes"),
    )
    .with_hint("raise --max-profile-size if this profile is really meant to be that large")
    .in_file(file.to_path_buf());
    if let Some((_, loc)) = st.assigned_at.iter().max_by_key(|(t, _)| t.len()) {
        e = e.at(loc.clone());
    }
    Err(e)
}

/// Evaluate `--initial-data` (a DML expression giving a dict) at compile time.
fn initial_data(text: &str) -> Result<Value, Error> {
    let wrapped = format!("object template initial_data;\n'/' = {text};\n");
    let src = Arc::new(crate::diag::SourceFile::new(
        PathBuf::from("<initial-data>"),
        Arc::from(wrapped),
    ));
    let tpl = loader::compile_source(src, Some("initial_data"))?;
    let mut st = State::compile_time();
    st.compile_time = false;
    st.run_template(&tpl)?;
    match st.root {
        v @ Value::Dict(_) => Ok(v),
        other => Err(Error::new(
            ErrorClass::Syntax,
            format!("initial data must be a dict; {} found", other.type_name()),
        )),
    }
}

/// The deepest call/include nesting any `--max-recursion` allows (its stack fits in 512 MiB).
pub const MAX_DEPTH: usize = 120_000;

/// Stack a worker needs for a call depth: a Pan call level costs under 4 KiB of Rust stack.
fn stack_for(depth: usize) -> usize {
    (depth * 4096 + (2 << 20)).clamp(8 << 20, 512 << 20)
}

/// Run `work` on `threads` scoped threads with `stack`-sized stacks, each knowing its stack
/// size (so that deep evaluation stops with an error before the stack ends).
fn run_workers(threads: usize, stack: usize, work: &(dyn Fn() + Sync)) {
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.max(1))
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(stack)
                    .spawn_scoped(s, || {
                        crate::stack::set_size(stack);
                        work()
                    })
                    .expect("cannot start a compiler thread")
            })
            .collect();
        // Joined one by one, not left to the scope: a scope returns once each closure has
        // returned, before the threads have run their thread-local destructors (the regex
        // cache), so a caller could see their memory still held (LeakSanitizer did).
        for h in handles {
            if let Err(p) = h.join() {
                std::panic::resume_unwind(p);
            }
        }
    });
}
