//! `vmcs check`: lint a template repository in CI. Object templates are compiled (all
//! phases, validation included) without writing profiles; directories are searched for
//! object templates; `--syntax-only` parses every `.pan`/`.tpl` file and reports every error.

use crate::report::{ErrorFormat, Reporter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use vmcs_pan::diag::{Loc, SourceFile};
use vmcs_pan::{CompileOptions, Compiler, Error, ErrorClass};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Object templates or directories (default: the current directory).
    pub paths: Vec<PathBuf>,
    /// Directories searched for templates, separated by `:` (default: each directory given,
    /// or the current directory).
    #[arg(long, value_name = "PATH")]
    pub include_path: Option<String>,
    /// Only parse every `.pan`/`.tpl` file (for libraries without object templates).
    #[arg(long)]
    pub syntax_only: bool,
    /// Maximum loop iterations.
    #[arg(long, default_value_t = 10_000)]
    pub max_iteration: u64,
    /// Maximum depth of function calls and includes.
    #[arg(long, default_value_t = 50)]
    pub max_recursion: usize,
    /// Largest string or resource an expression may make, in bytes (suffix K, M or G).
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = crate::cmd::compile::parse_size)]
    pub max_value_size: usize,
    /// Largest profile, in bytes (about the size of its XML or JSON file; suffix K, M or G).
    #[arg(long, value_name = "BYTES", default_value = "1G", value_parser = crate::cmd::compile::parse_size)]
    pub max_profile_size: usize,
    /// Worker threads; 0 = one per core.
    #[arg(long, default_value_t = 0)]
    pub nthread: usize,
    /// How errors are printed.
    #[arg(long, value_enum, default_value = "human")]
    pub error_format: ErrorFormat,
    /// Print a summary line at the end.
    #[arg(short, long)]
    pub verbose: bool,
}

pub fn run(args: Args) -> miette::Result<ExitCode> {
    let started = std::time::Instant::now();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut reporter = Reporter::new(args.error_format);
    let mut files = Vec::new();
    for p in &paths {
        if p.is_dir() {
            collect(p, &mut files);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            reporter.error(&Error::new(
                ErrorClass::System,
                format!("no such file or directory: {}", p.display()),
            ));
        }
    }
    files.sort();
    let checked;
    if args.syntax_only {
        checked = files.len();
        for e in parse_all(&files, args.nthread) {
            reporter.error(&e);
        }
    } else {
        let objects: Vec<PathBuf> = files
            .iter()
            .filter(|f| is_object_template(f))
            .cloned()
            .collect();
        checked = objects.len();
        let mut include_dirs = match args.include_path.as_deref() {
            Some(s) => crate::cmd::compile::include_dirs(Some(s)),
            None => {
                let dirs: Vec<PathBuf> = paths.iter().filter(|p| p.is_dir()).cloned().collect();
                if dirs.is_empty() {
                    crate::cmd::compile::include_dirs(None)
                } else {
                    dirs
                }
            }
        };
        crate::incpath::with_stdlib(&mut include_dirs);
        let opts = CompileOptions {
            include_dirs,
            max_iteration: args.max_iteration,
            max_recursion: args.max_recursion,
            max_value_size: args.max_value_size,
            max_profile_size: args.max_profile_size,
            nthread: args.nthread,
            ..CompileOptions::default()
        };
        match Compiler::new(opts) {
            Ok(c) => {
                for (_, r) in c.compile_files(&objects) {
                    if let Err(e) = r {
                        reporter.error(&e);
                    }
                }
            }
            Err(e) => reporter.error(&e),
        }
    }
    reporter.finish();
    if args.verbose {
        eprintln!(
            "checked {checked} file(s): {} error(s) in {:.3} s",
            reporter.count,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if reporter.count > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Every `.pan` and `.tpl` file below `dir`, skipping hidden directories.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        match e.file_type() {
            Ok(t) if t.is_dir() => collect(&p, out),
            Ok(_) if matches!(p.extension().and_then(|x| x.to_str()), Some("pan" | "tpl")) => {
                out.push(p)
            }
            _ => {}
        }
    }
}

/// Whether a file's header declares an object template (comments and annotations skipped).
fn is_object_template(file: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(file) else {
        return false;
    };
    let mut rest = text.as_str();
    loop {
        rest = rest.trim_start();
        if rest.starts_with('#') {
            rest = rest.split_once('\n').map(|(_, r)| r).unwrap_or("");
        } else if rest.starts_with('@') {
            let close = rest
                .find(['}', ')', ']'])
                .map(|i| i + 1)
                .unwrap_or(rest.len());
            rest = &rest[close..];
        } else {
            break;
        }
    }
    rest.starts_with("object") && rest[6..].trim_start().starts_with("template")
}

/// Parse every file (in parallel) and return all errors of all files, in file order.
fn parse_all(files: &[PathBuf], nthread: usize) -> Vec<Error> {
    let threads = match nthread {
        0 => std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        n => n,
    }
    .clamp(1, files.len().max(1));
    let chunk = files.len().div_ceil(threads).max(1);
    let mut per_file: Vec<Vec<Error>> = Vec::new();
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|f| parse_one(f)).collect::<Vec<_>>()))
            .collect();
        for h in handles {
            per_file.extend(h.join().unwrap_or_default());
        }
    });
    per_file.into_iter().flatten().collect()
}

fn parse_one(file: &Path) -> Vec<Error> {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            return vec![Error::new(
                ErrorClass::System,
                format!("cannot read {}: {e}", file.display()),
            )]
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return vec![Error::new(
                ErrorClass::Parse,
                format!(
                    "file is not valid UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )
            .in_file(file.to_path_buf())]
        }
    };
    let parsed = vmcs_syntax::parse(&text);
    if parsed.errors.is_empty() {
        return Vec::new();
    }
    let src = Arc::new(SourceFile::new(file.to_path_buf(), Arc::from(text)));
    parsed
        .errors
        .into_iter()
        .map(|pe| {
            let mut e = Error::new(pe.class.into(), pe.message).at(Loc {
                file: src.clone(),
                span: pe.span,
            });
            e.hint = pe.hint;
            e
        })
        .collect()
}
