//! The evaluation context of one statement (`Ctx`): the object being built, the local
//! variables, SELF, and how errors get their location and call stack. Evaluation itself is
//! in `eval.rs`, variables in `locals.rs`, context-dependent builtins in `ctxfns.rs`.

use crate::diag::{Error, Loc, SourceFile};
use crate::error::{BuiltinError, ErrorClass};
use crate::heap::{Binding, Heap};
use crate::path::Term;
use crate::state::State;
use crate::value::Value;
use std::sync::Arc;
use vmcs_syntax::Span;

/// Why evaluation stopped early.
#[derive(Debug)]
pub enum Unwind {
    Error(Error),
    /// `return(value)` unwinding to the enclosing function call.
    Return(Value),
}

impl From<Error> for Unwind {
    fn from(e: Error) -> Unwind {
        Unwind::Error(e)
    }
}

pub type EResult<T> = Result<T, Unwind>;

/// What SELF refers to while a statement runs.
#[derive(Debug, Clone, Default)]
pub enum SelfSlot {
    /// No SELF here (e.g. an include statement).
    #[default]
    None,
    /// The element at this path of the profile being assigned: writes to SELF go straight
    /// into the tree, so `value()` on the path sees them (as in panc).
    Path(Vec<Term>),
    /// The global variable being defined: `SELF` and the variable are the same value.
    Global(Arc<str>),
    /// Read-only SELF (a `with` clause).
    ReadOnly(Value),
}

/// The variables of a caller while a user function runs.
pub(crate) struct Frame {
    pub(crate) locals: Vec<(Arc<str>, Binding)>,
    pub(crate) args: Option<(Arc<str>, Vec<Binding>)>,
    pub(crate) src: Arc<SourceFile>,
}

/// The evaluation context of one statement: the object state plus the local variables.
pub struct Ctx<'s> {
    pub st: &'s mut State,
    pub src: Arc<SourceFile>,
    pub self_: SelfSlot,
    pub(crate) heap: Heap,
    pub(crate) locals: Vec<(Arc<str>, Binding)>,
    /// ARGV of the innermost user function (its elements refer to the arguments), with the
    /// function's name.
    pub(crate) args: Option<(Arc<str>, Vec<Binding>)>,
    /// Resources being iterated by `foreach` (kept up to date like variables).
    pub(crate) pins: Vec<Binding>,
    /// `first`/`next` positions, by key variable.
    pub iterators: Vec<(Arc<str>, Value)>,
    pub(crate) frames: Vec<Frame>,
}

impl<'s> Ctx<'s> {
    pub fn new(st: &'s mut State, src: Arc<SourceFile>, self_: SelfSlot) -> Ctx<'s> {
        Ctx {
            st,
            src,
            self_,
            heap: Heap::default(),
            locals: Vec::new(),
            args: None,
            pins: Vec::new(),
            iterators: Vec::new(),
            frames: Vec::new(),
        }
    }

    pub fn loc(&self, span: Span) -> Loc {
        Loc {
            file: self.src.clone(),
            span,
        }
    }

    /// An evaluation error at `span`.
    pub fn err(&self, span: Span, msg: impl Into<String>) -> Unwind {
        self.err_class(ErrorClass::Evaluation, span, msg)
    }

    pub fn err_class(&self, class: ErrorClass, span: Span, msg: impl Into<String>) -> Unwind {
        let mut e = Error::new(class, msg).at(self.loc(span));
        if class == ErrorClass::Evaluation {
            e.trace = Some(self.st.trace());
        }
        Unwind::from(e)
    }

    pub fn builtin_err(&self, span: Span, e: BuiltinError) -> Unwind {
        self.err_class(e.class, span, e.message)
    }

    /// panc's CompileTimeContext refuses everything that depends on the object.
    pub fn compile_time_guard(&self, span: Span, what: &str) -> EResult<()> {
        if self.st.compile_time {
            return Err(self.err(span, format!("{what} is not available at compile time")));
        }
        Ok(())
    }
}

/// Access to the bindings a saved frame holds.
pub(crate) trait FrameBindings {
    fn bindings(&mut self) -> Box<dyn Iterator<Item = &mut Binding> + '_>;
}

impl FrameBindings for Frame {
    fn bindings(&mut self) -> Box<dyn Iterator<Item = &mut Binding> + '_> {
        Box::new(
            self.locals
                .iter_mut()
                .map(|(_, b)| b)
                .chain(self.args.iter_mut().flat_map(|(_, a)| a.iter_mut())),
        )
    }
}

impl Ctx<'_> {
    /// Apply `f` to every binding of this context.
    pub(crate) fn for_each_binding(
        &mut self,
        f: impl FnOnce(&mut Heap, &mut dyn Iterator<Item = &mut Binding>),
    ) {
        let mut it = self
            .locals
            .iter_mut()
            .map(|(_, b)| b)
            .chain(self.args.iter_mut().flat_map(|(_, a)| a.iter_mut()))
            .chain(self.pins.iter_mut())
            .chain(self.frames.iter_mut().flat_map(|f| f.bindings()));
        f(&mut self.heap, &mut it);
    }
}
