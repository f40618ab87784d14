//! `vmcs fix`: apply the knowledge center's fixes to a user template. Compiles the template,
//! takes the fix of the failed rule, rewrites the user's assignment of that path (or appends
//! one), and repeats until the template compiles clean or no fix makes progress.

use miette::{miette, IntoDiagnostic};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vmcs_pan::knowledge::Fix;
use vmcs_pan::{CompileOptions, Compiler};
use vmcs_syntax::{StmtKind, TemplateKind};

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

/// The include path: the given one, or the template's directory and the stdlib.
pub fn include_dirs_for(spec: Option<&str>, template: &Path) -> Vec<PathBuf> {
    match spec {
        Some(s) => s
            .split(':')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect(),
        None => {
            let dir = template
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut v = vec![dir.to_path_buf()];
            if let Some(s) = stdlib_dir() {
                v.push(s);
            }
            v
        }
    }
}

/// Where the vmcs stdlib lives: `$VMCS_STDLIB`, or the source tree this binary was built from.
pub fn stdlib_dir() -> Option<PathBuf> {
    if let Some(s) = std::env::var_os("VMCS_STDLIB") {
        return Some(PathBuf::from(s));
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../stdlib-templates");
    built.is_dir().then_some(built)
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

/// Rewrite the template so that `fix.path` gets `fix.value`: replace the value of the last
/// assignment of exactly that path (dropping the statement when the value is `null`), or
/// append an assignment after the last statement.
pub fn apply_fix(text: &str, fix: &Fix) -> miette::Result<String> {
    let parsed = vmcs_syntax::parse(text);
    let tpl = parsed
        .template
        .ok_or_else(|| miette!("the template does not parse; fix its syntax first"))?;
    if tpl.kind != TemplateKind::Object {
        return Err(miette!("`vmcs fix` corrects object templates"));
    }
    let mut target = None;
    let mut last_end = 0usize;
    for s in &tpl.statements {
        last_end = last_end.max(s.span.end as usize);
        if let StmtKind::Assign { path, value, .. } = &s.kind {
            if path.text == fix.path {
                target = Some((s.span, value.span));
            }
        }
    }
    let mut out = String::with_capacity(text.len() + 64);
    match target {
        Some((stmt, _)) if fix.value == "null" => {
            // Drop the whole line when the statement is alone on it.
            let (start, end) = (stmt.start as usize, stmt.end as usize);
            let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
            let line_end = text[end..]
                .find('\n')
                .map(|i| end + i + 1)
                .unwrap_or(text.len());
            let alone =
                text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty();
            if alone {
                out.push_str(&text[..line_start]);
                out.push_str(&text[line_end..]);
            } else {
                out.push_str(&text[..start]);
                out.push_str(&text[end..]);
            }
        }
        Some((_, value)) => {
            out.push_str(&text[..value.start as usize]);
            out.push_str(&fix.value);
            out.push_str(&text[value.end as usize..]);
        }
        None => {
            let insert_at = text[last_end..]
                .find('\n')
                .map(|i| last_end + i + 1)
                .unwrap_or(text.len());
            out.push_str(&text[..insert_at]);
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&format!(
                "{} = {};\n",
                pan_path_literal(&fix.path),
                fix.value
            ));
            out.push_str(&text[insert_at..]);
        }
    }
    Ok(out)
}

fn pan_path_literal(path: &str) -> String {
    if path.contains('\'') {
        format!("\"{}\"", path.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        format!("'{path}'")
    }
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
