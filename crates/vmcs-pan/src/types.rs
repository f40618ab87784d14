//! Pan types from their syntax: lowering type specs (record fields, ranges, compile-time
//! default values), `bind` paths, and the checks a `type`/`bind` statement makes when it
//! runs. Defaults and validation of a profile are in `validate.rs`.

use crate::ctx::{Ctx, SelfSlot, Unwind};
use crate::diag::{Error, Loc, SourceFile};
use crate::error::ErrorClass;
use crate::ir::{self, Code};
use crate::path::{parse_path, Path, PathKind, Term};
use crate::state::State;
use crate::template::CompiledTemplate;
use crate::typedef::{Base, Builtin, Field, Range, TypeDef};
use crate::value::Value;
use std::sync::Arc;
use vmcs_syntax::{BaseType, FieldSpec, FullTypeSpec, Span};

fn range(r: &Option<vmcs_syntax::Range>) -> Option<Range> {
    r.map(|r| Range {
        min: r.min,
        max: r.max,
    })
}

/// Lower a full type spec.
pub fn lower_full(
    src: &Arc<SourceFile>,
    spec: &FullTypeSpec,
    _name: Option<&str>,
) -> Result<TypeDef, Error> {
    let at = |span: Span| Loc {
        file: src.clone(),
        span,
    };
    let base = match &spec.spec.base {
        BaseType::Named { name, range: r, .. } => match Builtin::from_name(&name.name) {
            Some(b) => Base::Builtin(b, range(r)),
            None => Base::Named(Arc::from(name.name.as_str()), range(r)),
        },
        BaseType::Choice { choices, .. } => Base::Choice(choices.clone()),
        BaseType::Record {
            extensible,
            fields,
            range: r,
            ..
        } => {
            let mut fs = Vec::new();
            let mut includes = Vec::new();
            for f in fields {
                match f {
                    FieldSpec::Field {
                        name,
                        required,
                        spec,
                        ..
                    } => fs.push(Field {
                        name: field_name(&name.text)
                            .map_err(|m| Error::new(ErrorClass::Syntax, m).at(at(name.span)))?,
                        required: *required,
                        ty: Arc::new(lower_full(src, spec, None)?),
                    }),
                    FieldSpec::Include { name, .. } => includes.push(Arc::from(name.name.as_str())),
                }
            }
            Base::Record {
                extensible: *extensible,
                fields: fs,
                includes,
                range: range(r),
            }
        }
    };
    let default = match &spec.default {
        None => None,
        Some(e) => {
            let code =
                ir::lower(e).map_err(|le| Error::new(le.class, le.message).at(at(le.span)))?;
            let mut st = State::compile_time();
            let mut ctx = Ctx::new(&mut st, src.clone(), SelfSlot::None);
            match ctx.eval(&code) {
                Ok(v) => Some(v),
                Err(Unwind::Error(e)) => {
                    return Err(Error::new(
                        ErrorClass::Syntax,
                        format!(
                            "default value must be a compile-time constant: {}",
                            e.message
                        ),
                    )
                    .at(at(e.span())))
                }
                Err(Unwind::Return(v)) => Some(v),
            }
        }
    };
    let with = match &spec.with {
        None => None,
        Some(e) => {
            Some(ir::lower(e).map_err(|le| Error::new(le.class, le.message).at(at(le.span)))?)
        }
    };
    Ok(TypeDef {
        base,
        clauses: spec
            .spec
            .clauses
            .iter()
            .map(|c| (c.kind, range(&c.range)))
            .collect(),
        default,
        with,
        src: src.clone(),
        span: spec.span,
    })
}

/// A record field name: one path term that is a key (`{text}` escaped).
fn field_name(text: &str) -> Result<Arc<str>, String> {
    let p = parse_path(text).map_err(|_| format!("field name ({text}) must be a valid path"))?;
    match p.terms.as_slice() {
        [Term::Key(k)] if p.kind == PathKind::Relative => Ok(k.clone()),
        [_] if p.kind == PathKind::Relative => Err(format!(
            "field name ({text}) must be a valid key, not an index"
        )),
        _ => Err(format!("field name ({text}) must be a valid term")),
    }
}

trait ErrSpan {
    fn span(&self) -> Span;
}
impl ErrSpan for Error {
    fn span(&self) -> Span {
        self.loc.as_ref().map(|l| l.span).unwrap_or_default()
    }
}

/// `valid 'path' = DML;` is `bind 'path' = element with DML;`.
pub fn valid_type(code: Code) -> TypeDef {
    let src = Arc::new(SourceFile::new(Default::default(), Arc::from("")));
    let span = code.span;
    TypeDef {
        base: Base::Builtin(Builtin::Element, None),
        clauses: Vec::new(),
        default: None,
        with: Some(code),
        src,
        span,
    }
}

/// Resolve a bind/valid path: `${VAR}` substitution from globals, then the prefix.
pub fn bind_path(
    st: &State,
    tpl: &CompiledTemplate,
    text: &str,
    span: Span,
) -> Result<Path, Error> {
    let loc = Loc {
        file: tpl.src.clone(),
        span,
    };
    let mut s = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("${") {
        s.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find('}') else {
            return Err(Error::new(
                ErrorClass::Syntax,
                format!("unterminated variable reference in path '{text}'"),
            )
            .at(loc));
        };
        let var = &after[..j];
        match st.globals.get(var).map(|g| &g.value) {
            Some(Value::Str(v)) => s.push_str(v),
            Some(Value::Long(n)) => s.push_str(&n.to_string()),
            Some(other) => {
                return Err(Error::new(
                    ErrorClass::Evaluation,
                    format!(
                        "variable '{var}' in path must be a string or long; {} found",
                        other.type_name()
                    ),
                )
                .at(loc))
            }
            None => {
                return Err(Error::new(
                    ErrorClass::Evaluation,
                    format!("variable named '{var}' is undefined"),
                )
                .at(loc))
            }
        }
        rest = &after[j + 1..];
    }
    s.push_str(rest);
    let p = parse_path(&s).map_err(|m| Error::new(ErrorClass::Syntax, m).at(loc.clone()))?;
    if p.kind != PathKind::Absolute {
        return Err(Error::new(
            ErrorClass::Syntax,
            format!("only absolute paths can be used with bind statements ({s})"),
        )
        .at(loc));
    }
    Ok(p)
}

/// Check a type when its `type`/`bind` statement runs: referenced types must exist, record
/// includes must be records, ranges must not be inverted.
pub fn check_definition(st: &State, ty: &TypeDef, self_name: Option<&str>) -> Result<(), String> {
    fn range_ok(r: &Option<Range>) -> Result<(), String> {
        if let Some(Range {
            min: Some(a),
            max: Some(b),
        }) = r
        {
            if a > b {
                return Err(format!(
                    "minimum range value ({a}) must be less than or equal to maximum value ({b})"
                ));
            }
        }
        Ok(())
    }
    for (_, r) in &ty.clauses {
        range_ok(r)?;
    }
    match &ty.base {
        Base::Builtin(_, r) => range_ok(r),
        Base::Named(n, r) => {
            if Some(&**n) != self_name && !st.types.contains_key(n) {
                return Err(format!("referenced type '{n}' is not defined"));
            }
            range_ok(r)
        }
        Base::Choice(_) => Ok(()),
        Base::Record {
            fields,
            includes,
            range: r,
            ..
        } => {
            range_ok(r)?;
            for inc in includes {
                match st.types.get(inc) {
                    None => return Err(format!("referenced type '{inc}' is not defined")),
                    Some(t) if !matches!(t.base, Base::Record { .. }) || !t.clauses.is_empty() => {
                        return Err(format!(
                            "record definition includes non-record type: '{inc}'"
                        ));
                    }
                    _ => {}
                }
            }
            for f in fields {
                check_definition(st, &f.ty, self_name)?;
            }
            Ok(())
        }
    }
}
