//! `vmcs fix`: apply the knowledge center's fixes to a user template. Compiles the template,
//! takes the fix of the failed rule, rewrites the user's assignment of that path (or appends
//! one), and repeats until the template compiles clean or no fix makes progress.

use miette::{miette, IntoDiagnostic};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vmcs_pan::knowledge::Fix;
use vmcs_pan::{CompileOptions, Compiler};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The object template to correct.
    pub template: PathBuf,
    /// Directories searched for templates, separated by `:` (default: the template's
    /// directory and the vmcs stdlib).
    #[arg(long, value_name = "PATH")]
    pub include_path: Option<String>,
    /// Show the diff only; leave the template as it is.
    #[arg(long)]
    pub dry_run: bool,
    /// Give up after this many compile-and-fix rounds.
    #[arg(long, default_value_t = 25)]
    pub max_rounds: usize,
}

/// One fix applied to the template, for the report.
#[derive(Debug, Clone)]
pub struct Applied {
    pub rule: String,
    pub text: String,
    pub fix: Fix,
}

/// How a fixing run ended.
#[derive(Debug)]
pub enum Outcome {
    /// The template compiles clean.
    Clean,
    /// It still fails with this error, which offers no (new) fix.
    Stuck(Box<vmcs_pan::Error>),
}

/// The result of [`fix_text`]: the corrected source, the fixes and how it ended.
#[derive(Debug)]
pub struct Fixed {
    pub text: String,
    pub applied: Vec<Applied>,
    pub outcome: Outcome,
}

pub fn run(args: Args) -> miette::Result<ExitCode> {
    let file = &args.template;
    let original = std::fs::read_to_string(file).into_diagnostic()?;
    let dirs = include_dirs_for(args.include_path.as_deref(), file);
    let fixed = fix_text(file, &original, &dirs, args.max_rounds)?;
    for a in &fixed.applied {
        eprintln!(
            "fixed rule {}: {}\n  {} = {}",
            a.rule, a.text, a.fix.path, a.fix.value
        );
    }
    if fixed.text != original {
        print!("{}", unified_diff(file, &original, &fixed.text));
        if !args.dry_run {
            let backup = PathBuf::from(format!("{}.orig", file.display()));
            std::fs::write(&backup, &original).into_diagnostic()?;
            std::fs::write(file, &fixed.text).into_diagnostic()?;
            eprintln!("wrote {} (backup in {})", file.display(), backup.display());
        }
    }
    match fixed.outcome {
        Outcome::Clean => {
            if fixed.applied.is_empty() {
                eprintln!("{}: nothing to fix", file.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Outcome::Stuck(e) => {
            eprintln!("{:?}", e.to_report());
            eprintln!("the error above has no fix that `vmcs fix` can apply");
            Ok(ExitCode::from(1))
        }
    }
}

/// The include path: the given one, or the template's root and the stdlib.
pub fn include_dirs_for(spec: Option<&str>, template: &Path) -> Vec<PathBuf> {
    crate::incpath::for_template(spec, template)
}

/// Compile `text` as the object template at `file` and fix it until it is clean or stuck.
pub fn fix_text(
    file: &Path,
    text: &str,
    dirs: &[PathBuf],
    max_rounds: usize,
) -> miette::Result<Fixed> {
    let mut text = text.to_string();
    let mut applied: Vec<Applied> = Vec::new();
    for _ in 0..max_rounds {
        let err = match compile_candidate(file, &text, dirs)? {
            None => {
                return Ok(Fixed {
                    text,
                    applied,
                    outcome: Outcome::Clean,
                })
            }
            Some(e) => e,
        };
        let Some(fix) = err.rule.as_ref().and_then(|r| r.fix.clone()) else {
            return Ok(Fixed {
                text,
                applied,
                outcome: Outcome::Stuck(Box::new(err)),
            });
        };
        if applied.iter().any(|a| a.fix == fix) {
            return Ok(Fixed {
                text,
                applied,
                outcome: Outcome::Stuck(Box::new(err)),
            });
        }
        let rule = err
            .rule
            .as_ref()
            .map(|r| (r.id.clone(), r.text.clone()))
            .unwrap_or_default();
        text = apply_fix(&text, &fix)?;
        applied.push(Applied {
            rule: rule.0,
            text: rule.1,
            fix,
        });
    }
    Err(miette!("gave up after {max_rounds} rounds of fixes"))
}

/// Compile the candidate text in place of `file` (from a scratch directory placed first on
/// the include path, so the object keeps its name); `None` when it compiles clean.
fn compile_candidate(
    file: &Path,
    text: &str,
    dirs: &[PathBuf],
) -> miette::Result<Option<vmcs_pan::Error>> {
    let probe = Compiler::new(CompileOptions {
        include_dirs: dirs.to_vec(),
        ..CompileOptions::default()
    })
    .map_err(|e| miette!("{}", e.message))?;
    let name = probe.object_name_for(file);
    let scratch = scratch_dir()?;
    let candidate = scratch.join(format!("{name}.pan"));
    if let Some(parent) = candidate.parent() {
        std::fs::create_dir_all(parent).into_diagnostic()?;
    }
    std::fs::write(&candidate, text).into_diagnostic()?;
    let results = super::compile_scratch(&scratch, dirs, &candidate)?;
    let mine = results.into_iter().find(|(n, _)| &**n == name.as_str());
    Ok(match mine {
        Some((_, Ok(_))) => None,
        Some((_, Err(e))) => Some(relocate(e, &candidate, file, text)),
        None => Some(vmcs_pan::Error::new(
            vmcs_pan::ErrorClass::System,
            format!("object '{name}' was not built"),
        )),
    })
}

/// Point an error found in the scratch copy at the user's file instead.
fn relocate(mut e: vmcs_pan::Error, candidate: &Path, file: &Path, text: &str) -> vmcs_pan::Error {
    if let Some(loc) = &mut e.loc {
        if loc.file.path == candidate {
            loc.file = std::sync::Arc::new(vmcs_pan::diag::SourceFile::new(
                file.to_path_buf(),
                text.into(),
            ));
        }
    }
    if e.file.as_deref() == Some(candidate) {
        e.file = Some(file.to_path_buf());
    }
    e
}

fn scratch_dir() -> miette::Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("vmcs-fix-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).into_diagnostic()?;
    Ok(dir)
}

/// Rewrite the template so that `fix.path` gets `fix.value` (`vmcs_pan::knowledge::apply_fix`,
/// shared with the portal).
pub fn apply_fix(text: &str, fix: &Fix) -> miette::Result<String> {
    vmcs_pan::knowledge::apply_fix(text, fix).map_err(|e| miette!("{e}"))
}

/// A unified diff of the template before and after.
pub fn unified_diff(file: &Path, before: &str, after: &str) -> String {
    let name = file.display().to_string();
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("{name}.orig"), &name)
        .to_string()
}
