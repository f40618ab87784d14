//! `vmcs compile`: panc's command line. Compiles object templates to profiles in the
//! requested formats; no file is written for an object that failed.

use crate::report::{ErrorFormat, Reporter};
use miette::miette;
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use vmcs_pan::output::Format;
use vmcs_pan::{CompileOptions, Compiler};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Object templates to compile (files).
    #[arg(required = true)]
    pub templates: Vec<PathBuf>,
    /// Directories searched for templates, separated by `:` (default: the current directory).
    #[arg(long, value_name = "PATH")]
    pub include_path: Option<String>,
    /// Where profiles are written (default: the current directory).
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Comma-separated output formats: pan (xml), json, dep, text (txt), dot, each optionally `.gz`.
    #[arg(long, default_value = "pan,dep")]
    pub formats: String,
    /// Maximum loop iterations.
    #[arg(long, default_value_t = 10_000)]
    pub max_iteration: u64,
    /// Maximum depth of function calls and includes (at most 120000).
    #[arg(long, default_value_t = 50)]
    pub max_recursion: usize,
    /// Largest string or resource an expression may make, in bytes (suffix K, M or G).
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size)]
    pub max_value_size: usize,
    /// Largest profile, in bytes (about the size of its XML or JSON file; suffix K, M or G).
    #[arg(long, value_name = "BYTES", default_value = "1G", value_parser = parse_size)]
    pub max_profile_size: usize,
    /// A DML expression giving the starting dict of every object.
    #[arg(long, value_name = "DML")]
    pub initial_data: Option<String>,
    /// Worker threads; 0 = one per core.
    #[arg(long, default_value_t = 0)]
    pub nthread: usize,
    /// Warnings: on, off or fatal.
    #[arg(long, default_value = "on", value_parser = ["on", "off", "fatal"])]
    pub warnings: String,
    /// Enable the `debug` and `traceback` functions.
    #[arg(long)]
    pub debug: bool,
    /// Accepted for panc compatibility.
    #[arg(long, hide = true)]
    pub no_debug: bool,
    /// Accepted for panc compatibility (no JVM here).
    #[arg(long, hide = true, value_name = "OPTS")]
    pub java_opts: Option<String>,
    /// Print statistics at the end.
    #[arg(short, long)]
    pub verbose: bool,
    /// How errors are printed.
    #[arg(long, value_enum, default_value = "human")]
    pub error_format: ErrorFormat,
    /// Skip the validation phase (for measuring the build alone).
    #[arg(long, hide = true)]
    pub skip_validation: bool,
    #[command(flatten)]
    pub resolve: crate::resolve::ResolveOpts,
}

pub fn run(args: Args) -> miette::Result<ExitCode> {
    let started = std::time::Instant::now();
    let formats = Format::parse_list(&args.formats)
        .map_err(|e| miette!("unknown output format `{}`", e.0))?;
    let opts = CompileOptions {
        include_dirs: include_dirs(args.include_path.as_deref()),
        max_iteration: args.max_iteration,
        max_recursion: args.max_recursion,
        max_value_size: args.max_value_size,
        max_profile_size: args.max_profile_size,
        nthread: args.nthread,
        initial_data: args.initial_data.clone(),
        skip_validation: args.skip_validation,
        debug: args.debug,
        warnings: match args.warnings.as_str() {
            "off" => vmcs_pan::object::Warnings::Off,
            "fatal" => vmcs_pan::object::Warnings::Fatal,
            _ => vmcs_pan::object::Warnings::On,
        },
        confined: false,
    };
    let out_dir = args
        .output_dir
        .clone()
        .unwrap_or_else(|| PathBuf::from("."));
    let mut reporter = Reporter::new(args.error_format);
    // Each object's files are written by the thread that finished it.
    let write_errors: Arc<Mutex<Vec<String>>> = Arc::default();
    let on_done = {
        let (out_dir, formats, errs) = (out_dir.clone(), formats.clone(), write_errors.clone());
        let resolve = args.resolve.clone();
        let made_dirs: Mutex<HashSet<PathBuf>> = Mutex::default();
        Box::new(
            move |name: &str, r: &Result<Arc<vmcs_pan::Built>, vmcs_pan::Error>| {
                if let Ok(built) = r {
                    let resolved;
                    let built = if resolve.resolve_packages {
                        let mut root = built.root.clone();
                        if let Err(e) =
                            vmcs_image::define::resolve_into(&mut root, &resolve.define())
                        {
                            errs.lock()
                                .unwrap()
                                .push(format!("{name}: cannot resolve software: {e}"));
                            return;
                        }
                        resolved = vmcs_pan::Built {
                            root,
                            name: built.name.clone(),
                            deps: built.deps.clone(),
                            reads: built.reads.clone(),
                        };
                        &resolved
                    } else {
                        &**built
                    };
                    if let Err(e) = write_outputs(&out_dir, name, built, &formats, &made_dirs) {
                        errs.lock().unwrap().push(e);
                    }
                }
            },
        )
    };
    let compiler = match Compiler::with_callback(opts, on_done) {
        Ok(c) => c,
        Err(e) => {
            reporter.error(&e);
            reporter.finish();
            return Ok(ExitCode::from(1));
        }
    };
    for t in &args.templates {
        if !t.is_file() {
            reporter.error(
                &vmcs_pan::Error::new(
                    vmcs_pan::ErrorClass::System,
                    format!("cannot read object template {}", t.display()),
                )
                .with_hint("give the path of an existing `.pan` file"),
            );
        }
    }
    if reporter.count > 0 {
        reporter.finish();
        return Ok(ExitCode::from(1));
    }
    let results = compiler.compile_files(&args.templates);
    let mut written = 0usize;
    for (_, r) in &results {
        match r {
            Ok(_) => written += 1,
            Err(e) => reporter.error(e),
        }
    }
    written -= write_errors.lock().unwrap().len().min(written);
    for e in write_errors.lock().unwrap().iter() {
        reporter.error(&vmcs_pan::Error::new(
            vmcs_pan::ErrorClass::System,
            e.clone(),
        ));
    }
    reporter.finish();
    if args.verbose {
        eprintln!(
            "{} object(s) compiled, {} failed, {:.3} s",
            written,
            results.len() - written,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if reporter.count > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A size in bytes: a number with an optional `K`, `M` or `G` suffix (powers of 1024).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (digits, shift) = match t.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&t[..t.len() - 1], 10),
        Some('M') => (&t[..t.len() - 1], 20),
        Some('G') => (&t[..t.len() - 1], 30),
        _ => (t, 0),
    };
    let n: usize = digits.trim().parse().map_err(|_| {
        format!("`{s}` is not a size (a number of bytes, optionally with K, M or G)")
    })?;
    n.checked_mul(1usize << shift)
        .ok_or_else(|| format!("`{s}` is too large"))
}

/// Split panc's `--include-path` (default: the current directory).
pub fn include_dirs(spec: Option<&str>) -> Vec<PathBuf> {
    match spec {
        // panc's default (the current directory), then the stdlib shipped with vmcs, which
        // only matters where panc would not find a template at all.
        None => {
            let mut v = vec![std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))];
            crate::incpath::with_stdlib(&mut v);
            v
        }
        Some(s) => s
            .split(':')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect(),
    }
}

/// Write an object's files so that they are all new or all old: each is written to a
/// temporary file next to it, and the temporary files replace the old ones once all of
/// them are written. A file whose content has not changed is not rewritten (its time is
/// set to now), which keeps rebuilding a site into its own output directory fast.
fn write_outputs(
    out_dir: &std::path::Path,
    name: &str,
    built: &vmcs_pan::Built,
    formats: &[Format],
    made_dirs: &Mutex<HashSet<PathBuf>>,
) -> Result<(), String> {
    let mut buf = Vec::with_capacity(16 * 1024);
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let result = (|| {
        for f in formats {
            buf.clear();
            f.write(&built.root, &built.deps, &mut buf);
            let file = out_dir.join(format!("{name}.{}", f.extension()));
            if let Some(dir) = file.parent() {
                if !made_dirs.lock().unwrap().contains(dir) {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
                    made_dirs.lock().unwrap().insert(dir.to_path_buf());
                }
            }
            if unchanged(&file, &buf) {
                let _ = std::fs::File::options()
                    .write(true)
                    .open(&file)
                    .and_then(|f| f.set_modified(std::time::SystemTime::now()));
                continue;
            }
            let tmp = temp_name(&file);
            std::fs::write(&tmp, &buf).map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                format!("cannot write {}: {e}", file.display())
            })?;
            staged.push((tmp, file));
        }
        Ok(())
    })();
    if let Err(e) = result {
        for (tmp, _) in &staged {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(e);
    }
    for (i, (tmp, file)) in staged.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, file) {
            for (tmp, _) in &staged[i..] {
                let _ = std::fs::remove_file(tmp);
            }
            return Err(format!("cannot write {}: {e}", file.display()));
        }
    }
    Ok(())
}

/// Whether `file` already holds exactly `bytes`.
fn unchanged(file: &std::path::Path, bytes: &[u8]) -> bool {
    match std::fs::metadata(file) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            std::fs::read(file).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

/// A temporary name next to `file` (hidden, unique to this process and call).
fn temp_name(file: &std::path::Path) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let base = file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.with_file_name(format!(".{base}.{}-{n}.tmp", std::process::id()))
}
