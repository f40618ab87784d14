//! Finding, parsing and lowering templates: the include path and LOADPATH search, `.pan`
//! before `.tpl`, the name check, statement lowering with compile-time constant evaluation,
//! and a cache shared by every object of a run.

pub use crate::state::Env;
pub use crate::template::{valid_template_name, CStmt, CompiledTemplate, ValueSrc};

use crate::ctx::{Ctx, SelfSlot, Unwind};
use crate::diag::{Error, Loc, SourceFile};
use crate::error::ErrorClass;
use crate::ir::{self, Code, Op};
use crate::output::dep::DepKind;
use crate::path::{parse_path, Path, PathKind};
use crate::state::State;
use crate::types;
use crate::value::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use vmcs_syntax::{Span, StmtKind, TemplateKind};

/// Search the include path for `name` (with `.pan` then `.tpl`), trying the empty prefix
/// and then each LOADPATH entry in every include directory.
pub fn search(
    include_dirs: &[PathBuf],
    loadpath: &[String],
    name: &str,
    exts: &[&str],
) -> Option<(PathBuf, PathBuf, usize)> {
    for dir in include_dirs {
        let mut prefixes: Vec<PathBuf> = vec![dir.clone()];
        for lp in loadpath {
            let lp = lp.trim_start_matches('/');
            prefixes.push(dir.join(lp));
        }
        for base in prefixes {
            for (i, ext) in exts.iter().enumerate() {
                let f = base.join(format!("{name}{ext}"));
                if f.is_file() {
                    return Some((f, base, i));
                }
            }
        }
    }
    None
}

/// Whether `file`, found on the include path for `name`, stays inside one of `include_dirs`:
/// `name` is relative without `..`, and the file's real path (symbolic links resolved) lies
/// under an include directory's real path. Used for untrusted templates.
pub fn confined(include_dirs: &[PathBuf], name: &str, file: &std::path::Path) -> bool {
    use std::path::Component;
    let rel = std::path::Path::new(name);
    if name.contains('\0')
        || !rel
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return false;
    }
    let Ok(real) = file.canonicalize() else {
        return false;
    };
    include_dirs
        .iter()
        .filter_map(|d| d.canonicalize().ok())
        .any(|d| real.starts_with(d))
}

/// The LOADPATH global of an object, as strings.
pub fn loadpath_of(st: &State) -> Vec<String> {
    match st.globals.get("LOADPATH").map(|g| &g.value) {
        Some(Value::List(l)) => l
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

type Loaded = Result<Arc<CompiledTemplate>, Error>;

/// Parsed templates by file, shared between objects.
#[derive(Default)]
pub struct TemplateCache {
    map: Mutex<HashMap<PathBuf, Arc<Loaded>>>,
}

impl TemplateCache {
    /// Load `file` (expected to hold template `name`), parsing and lowering it once.
    pub fn get(&self, file: &std::path::Path, name: &str) -> Result<Arc<CompiledTemplate>, Error> {
        let t = self.get_any(file)?;
        if &*t.name != name {
            return Err(misnamed(&t, name));
        }
        Ok(t)
    }

    /// Load `file` whatever name it declares.
    pub fn get_any(&self, file: &std::path::Path) -> Result<Arc<CompiledTemplate>, Error> {
        if let Some(r) = self.map.lock().unwrap().get(file) {
            return (**r).clone();
        }
        let r = Arc::new(compile_file(file, None));
        self.map
            .lock()
            .unwrap()
            .insert(file.to_path_buf(), r.clone());
        (*r).clone()
    }
}

/// The error for a template whose header names another template.
pub fn misnamed(t: &CompiledTemplate, expected: &str) -> Error {
    Error::new(
        ErrorClass::Syntax,
        format!(
            "misplaced or misnamed template; relative directory and name must match '{}'",
            t.name
        ),
    )
    .at(Loc {
        file: t.src.clone(),
        span: t.header_span,
    })
    .with_hint(format!(
        "the file is looked up as `{expected}`: rename the template or move the file"
    ))
}

/// Read, parse and lower one file.
pub fn compile_file(
    file: &std::path::Path,
    expected_name: Option<&str>,
) -> Result<Arc<CompiledTemplate>, Error> {
    let bytes = std::fs::read(file).map_err(|e| {
        Error::new(
            ErrorClass::System,
            format!("cannot read {}: {e}", file.display()),
        )
        .in_file(file.to_path_buf())
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Err(invalid_utf8(file, e)),
    };
    let src = Arc::new(SourceFile::new(file.to_path_buf(), Arc::from(text)));
    compile_source(src, expected_name)
}

/// A file that is not UTF-8: the error points at the first invalid byte (line and column
/// of the text read so far).
fn invalid_utf8(file: &std::path::Path, e: std::string::FromUtf8Error) -> Error {
    let at = e.utf8_error().valid_up_to();
    let bad = e.as_bytes().get(at).copied().unwrap_or(0);
    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
    let src = Arc::new(SourceFile::new(file.to_path_buf(), Arc::from(text)));
    let (line, column) = src.line_col(at as u32);
    Error::new(
        ErrorClass::Parse,
        format!("file is not valid UTF-8: byte 0x{bad:02x} at line {line}, column {column}"),
    )
    .at(Loc {
        file: src,
        span: Span::new(at, at + 1),
    })
    .with_hint("Pan templates must be UTF-8 encoded")
}

/// Parse and lower a loaded source file.
pub fn compile_source(
    src: Arc<SourceFile>,
    expected_name: Option<&str>,
) -> Result<Arc<CompiledTemplate>, Error> {
    let parsed = vmcs_syntax::parse(&src.text);
    if let Some(pe) = parsed.errors.first() {
        let mut e = Error::new(pe.class.into(), pe.message.clone()).at(Loc {
            file: src.clone(),
            span: pe.span,
        });
        e.hint = pe.hint.clone();
        return Err(e);
    }
    let Some(t) = parsed.template else {
        return Err(
            Error::new(ErrorClass::Parse, "cannot parse template").in_file(src.path.clone())
        );
    };
    let header = CompiledTemplate {
        name: Arc::from(t.name.as_str()),
        kind: t.kind,
        header_span: t.header_span,
        src: src.clone(),
        stmts: Vec::new(),
    };
    if let Some(expected) = expected_name {
        if t.name != expected {
            return Err(misnamed(&header, expected));
        }
    }
    let mut stmts = Vec::with_capacity(t.statements.len());
    let mut functions: HashMap<&str, Span> = HashMap::new();
    let mut types: HashMap<&str, Span> = HashMap::new();
    // (current prefix, last absolute prefix), as panc resolves them while it builds.
    let mut prefixes: (Option<Path>, Option<Path>) = (None, None);
    for s in &t.statements {
        let dup = match &s.kind {
            StmtKind::Function { name, .. } => functions
                .insert(&name.name, s.span)
                .map(|p| ("function", &name.name, p)),
            StmtKind::Type { name, .. } => types
                .insert(&name.name, s.span)
                .map(|p| ("type", &name.name, p)),
            _ => None,
        };
        if let Some((what, name, prev)) = dup {
            let (l1, c1) = src.line_col(prev.start);
            let (l2, c2) = src.line_col(prev.end.saturating_sub(1));
            return Err(Error::new(
                ErrorClass::Syntax,
                format!("duplicate {what} definition for {name}; previous definition at {l1}.{c1}-{l2}.{c2}"),
            )
            .at(Loc { file: src.clone(), span: s.span }));
        }
        match &s.kind {
            StmtKind::Prefix(p) => {
                prefixes = prefix_stmt(&src, &p.text, s.span, prefixes.1.take())?;
                continue;
            }
            StmtKind::Assign { path, .. }
                if t.kind != TemplateKind::Structure && prefixes.0.is_none() =>
            {
                if matches!(parse_path(&path.text), Ok(p) if p.kind == crate::path::PathKind::Relative)
                {
                    return Err(Error::new(
                        ErrorClass::Syntax,
                        format!("relative path '{}' used without a prefix", path.text),
                    )
                    .at(Loc {
                        file: src.clone(),
                        span: s.span,
                    })
                    .with_hint(
                        "add a `prefix '/some/path';` statement first, or use an absolute path",
                    ));
                }
            }
            StmtKind::Variable { .. }
            | StmtKind::Function { .. }
            | StmtKind::Type { .. }
            | StmtKind::Bind { .. }
            | StmtKind::Valid { .. }
                if t.kind == TemplateKind::Structure =>
            {
                return Err(Error::new(
                    ErrorClass::Syntax,
                    "structure templates may only contain assignments and includes".to_string(),
                )
                .at(Loc {
                    file: src.clone(),
                    span: s.span,
                }));
            }
            _ => {}
        }
        if let Some(c) = lower_stmt(&src, t.kind, s, prefixes.0.as_ref())? {
            stmts.push(c);
        }
    }
    Ok(Arc::new(CompiledTemplate { stmts, ..header }))
}

/// A `prefix` statement: the new (current prefix, last absolute prefix).
fn prefix_stmt(
    src: &Arc<SourceFile>,
    text: &str,
    span: Span,
    abs: Option<Path>,
) -> Result<(Option<Path>, Option<Path>), Error> {
    let syntax = |m: String| {
        Error::new(ErrorClass::Syntax, m).at(Loc {
            file: src.clone(),
            span,
        })
    };
    if text.is_empty() {
        return Ok((None, abs));
    }
    let p = parse_path(text).map_err(syntax)?;
    match p.kind {
        PathKind::Absolute => {
            crate::path::check_first_term(&p.terms).map_err(syntax)?;
            Ok((Some(p.clone()), Some(p)))
        }
        PathKind::Relative => match abs {
            Some(a) => {
                if a.terms.is_empty() {
                    crate::path::check_first_term(&p.terms).map_err(syntax)?;
                }
                Ok((Some(p.resolve(Some(&a))), Some(a)))
            }
            None => Err(syntax(format!(
                "relative prefix '{p}' used without an absolute prefix"
            ))),
        },
        PathKind::External(_) => Err(syntax(format!(
            "given prefix ({text}) is not an absolute path"
        ))),
    }
}

fn lower_code(src: &Arc<SourceFile>, e: &vmcs_syntax::Expr) -> Result<Code, Error> {
    ir::lower(e).map_err(|le| {
        Error::new(le.class, le.message).at(Loc {
            file: src.clone(),
            span: le.span,
        })
    })
}

/// Try to evaluate a statement's DML at compile time (panc's CompileTimeContext).
/// Evaluation errors defer the work to run time; other errors are reported now.
fn fold(src: &Arc<SourceFile>, code: Code) -> Result<ValueSrc, Error> {
    if let Some(v) = code.as_const() {
        return Ok(ValueSrc::Const(v.clone()));
    }
    let mut st = State::compile_time();
    let mut ctx = Ctx::new(&mut st, src.clone(), SelfSlot::None);
    match ctx.eval(&code) {
        Ok(v) => Ok(ValueSrc::Const(v)),
        Err(Unwind::Error(e)) if e.class == ErrorClass::Evaluation => Ok(ValueSrc::Code(code)),
        Err(Unwind::Error(e)) => Err(e),
        Err(Unwind::Return(_)) => Ok(ValueSrc::Code(code)),
    }
}

fn lower_stmt(
    src: &Arc<SourceFile>,
    kind: TemplateKind,
    s: &vmcs_syntax::Stmt,
    prefix: Option<&Path>,
) -> Result<Option<CStmt>, Error> {
    let at = |span: Span| Loc {
        file: src.clone(),
        span,
    };
    let syntax = |msg: String, span: Span| Error::new(ErrorClass::Syntax, msg).at(at(span));
    Ok(Some(match &s.kind {
        StmtKind::Noop => return Ok(None),
        StmtKind::Include(e) => {
            let code = lower_code(src, e)?;
            let uses_self = |k: &Code| matches!(&k.op, Op::Var { name, .. } | Op::Assign { name, .. } if &**name == "SELF");
            if let Some(k) = code.find(uses_self) {
                return Err(syntax(
                    "SELF cannot be used within include statement".into(),
                    k.span,
                ));
            }
            match code.as_const() {
                Some(Value::Str(n)) if !valid_template_name(n) => {
                    return Err(syntax(format!("invalid identifier ({n})"), s.span));
                }
                Some(Value::Str(_) | Value::Undef | Value::Null) | None => {}
                Some(other) => {
                    return Err(syntax(
                        format!(
                            "include requires a string, undef or null; {} found",
                            other.type_name()
                        ),
                        s.span,
                    ))
                }
            }
            CStmt::Include { code, span: s.span }
        }
        StmtKind::Prefix(_) => return Ok(None),
        StmtKind::Assign {
            path,
            op,
            is_final,
            value,
        } => {
            if kind == TemplateKind::Declaration {
                return Err(syntax(
                    "assignment statement not allowed in declaration template".into(),
                    s.span,
                ));
            }
            let mut p = parse_path(&path.text).map_err(|m| syntax(m, s.span))?;
            match (&p.kind, prefix) {
                (PathKind::External(_), _) => {
                    return Err(syntax(
                        format!("assignment cannot be made to an external path ({p})"),
                        s.span,
                    ))
                }
                // An index may start a relative path only below a non-root prefix.
                (PathKind::Relative, Some(pre)) if !pre.terms.is_empty() => {}
                _ => crate::path::check_first_term(&p.terms).map_err(|m| syntax(m, s.span))?,
            }
            if p.kind == PathKind::Relative && prefix.is_some() {
                p = p.resolve(prefix);
            }
            if kind == TemplateKind::Structure && p.is_absolute() {
                return Err(syntax(
                    format!(
                        "absolute path '{}' not allowed in structure template",
                        path.text
                    ),
                    s.span,
                ));
            }
            let code = lower_code(src, value)?;
            CStmt::Assign {
                path: p,
                op: *op,
                is_final: *is_final,
                value: fold(src, code)?,
                span: s.span,
            }
        }
        StmtKind::Variable {
            name,
            op,
            is_final,
            value,
        } => {
            if matches!(
                name.name.as_str(),
                "SELF" | "ARGC" | "ARGV" | "OBJECT" | "FUNCTION" | "TEMPLATE"
            ) {
                return Err(syntax(
                    format!("cannot assign to the reserved variable '{}'", name.name),
                    s.span,
                ));
            }
            let code = lower_code(src, value)?;
            CStmt::Variable {
                name: Arc::from(name.name.as_str()),
                op: *op,
                is_final: *is_final,
                value: fold(src, code)?,
                span: s.span,
            }
        }
        StmtKind::Function { name, body } => CStmt::Function {
            name: Arc::from(name.name.as_str()),
            body: lower_code(src, body)?,
            span: s.span,
        },
        StmtKind::Type { name, spec } => CStmt::Type {
            name: Arc::from(name.name.as_str()),
            def: Arc::new(types::lower_full(src, spec, Some(&name.name))?),
            span: s.span,
        },
        StmtKind::Bind { path, spec } => CStmt::Bind {
            path: path.text.clone(),
            spec: Arc::new(types::lower_full(src, spec, None)?),
            span: s.span,
        },
        StmtKind::Valid { path, body } => CStmt::Bind {
            path: path.text.clone(),
            spec: Arc::new(types::valid_type(lower_code(src, body)?)),
            span: s.span,
        },
    }))
}

/// Kind of dependency record for a found template file.
pub fn dep_kind_for(ext_index: usize) -> DepKind {
    if ext_index == 0 {
        DepKind::Pan
    } else {
        DepKind::Tpl
    }
}
