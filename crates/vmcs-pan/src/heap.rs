//! Storage for the local variables of a DML evaluation, with panc's reference semantics.
//!
//! In panc a local variable holds a reference: after `y = x['a']`, writing `y['b']` changes
//! `x`, and the value variable of `foreach`, `first`/`next` and the elements of `ARGV` refer
//! to the resources they were taken from. Values here are immutable and shared (`Arc`), so a
//! variable is a [`Binding`]: a cell of this heap plus a path inside the cell's value. Two
//! variables that refer to the same resource are bindings into the same cell; a write through
//! either one changes the cell, and both see it.
//!
//! A binding can also refer into SELF (the element being assigned, which lives in the
//! profile tree or in a global variable): its cell is [`SELF_CELL`] and the evaluator reads
//! and writes it there, so `foreach (k; v; SELF) v['x'] = ...` changes SELF as in panc.
//!
//! When a write replaces or deletes the element that other bindings point into, those
//! bindings keep the old resource (as panc's references would): they are moved to a new cell
//! holding it ([`Heap::detach`]). Deleting a list element shifts the bindings that point to
//! later elements. Cells are reference counted and reused, so memory stays bounded by what
//! the variables can reach.

use crate::path::Term;
use crate::value::Value;

/// The cell of bindings into SELF (not stored in the heap).
pub const SELF_CELL: u32 = u32::MAX;

/// Where a local variable's value lives: a cell and a path inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    cell: u32,
    path: Vec<Term>,
}

impl Binding {
    /// SELF itself.
    pub fn self_ref() -> Binding {
        Binding {
            cell: SELF_CELL,
            path: Vec::new(),
        }
    }
    pub fn is_self(&self) -> bool {
        self.cell == SELF_CELL
    }
    pub fn path(&self) -> &[Term] {
        &self.path
    }
}

#[derive(Debug, Default)]
struct Cell {
    value: Value,
    refs: u32,
}

/// The cells of one evaluation context.
#[derive(Debug, Default)]
pub struct Heap {
    cells: Vec<Cell>,
    free: Vec<u32>,
    /// Live bindings with a non-empty path: while there are none, no write needs to look
    /// for bindings to detach.
    views: usize,
}

impl Heap {
    /// A new cell holding `v`.
    pub fn alloc(&mut self, v: Value) -> Binding {
        let cell = match self.free.pop() {
            Some(c) => {
                self.cells[c as usize] = Cell { value: v, refs: 1 };
                c
            }
            None => {
                self.cells.push(Cell { value: v, refs: 1 });
                (self.cells.len() - 1) as u32
            }
        };
        Binding {
            cell,
            path: Vec::new(),
        }
    }

    /// A second binding to what `b` refers to, `extra` terms further down.
    pub fn view(&mut self, b: &Binding, extra: &[Term]) -> Binding {
        if !b.is_self() {
            self.cells[b.cell as usize].refs += 1;
        }
        let mut path = b.path.clone();
        path.extend_from_slice(extra);
        if !path.is_empty() {
            self.views += 1;
        }
        Binding { cell: b.cell, path }
    }

    /// Forget a binding; its cell is freed when nothing else refers to it.
    pub fn release(&mut self, b: Binding) {
        if !b.path.is_empty() {
            self.views -= 1;
        }
        if b.is_self() {
            return;
        }
        let c = &mut self.cells[b.cell as usize];
        c.refs -= 1;
        if c.refs == 0 {
            c.value = Value::Undef;
            self.free.push(b.cell);
        }
    }

    /// The whole value of a heap binding's cell (`None` for SELF, which is not here).
    pub fn cell(&self, b: &Binding) -> Option<&Value> {
        self.cells.get(b.cell as usize).map(|c| &c.value)
    }

    /// Whether `b` is the only binding to its cell and refers to the whole cell.
    pub fn is_sole_owner(&self, b: &Binding) -> bool {
        !b.is_self() && b.path.is_empty() && self.cells[b.cell as usize].refs == 1
    }

    /// Replace the whole value of a cell that `b` solely owns.
    pub fn overwrite(&mut self, b: &Binding, v: Value) {
        self.cells[b.cell as usize].value = v;
    }

    /// The value of `b`'s cell, for writing below `b.path`.
    pub fn cell_mut(&mut self, b: &Binding) -> &mut Value {
        &mut self.cells[b.cell as usize].value
    }

    /// Whether any binding with a path exists (writes must then detach or shift them).
    pub fn has_views(&self) -> bool {
        self.views > 0
    }

    /// The element at `at` in `cell`'s cell (`old`) is about to be replaced or deleted:
    /// every binding in `bindings` at or below it moves to a new cell holding `old`.
    pub fn detach<'a>(
        &mut self,
        cell: &Binding,
        at: &[Term],
        old: Value,
        bindings: impl Iterator<Item = &'a mut Binding>,
    ) {
        let mut moved: Option<u32> = None;
        let mut old = Some(old);
        for b in bindings {
            if b.cell != cell.cell || !b.path.starts_with(at) {
                continue;
            }
            let target = match moved {
                Some(t) => t,
                None => {
                    let nb = self.alloc(old.take().unwrap_or_default());
                    // The new cell starts with no reference: each moved binding adds one.
                    self.cells[nb.cell as usize].refs = 0;
                    moved = Some(nb.cell);
                    nb.cell
                }
            };
            if !b.is_self() {
                self.cells[b.cell as usize].refs -= 1;
            }
            self.cells[target as usize].refs += 1;
            b.cell = target;
            b.path.drain(..at.len());
            if b.path.is_empty() {
                self.views -= 1;
            }
        }
    }

    /// List element `index` of the list at `list` in `cell` was removed (`delta` = -1) or an
    /// element was inserted before it (`delta` = 1): bindings to later elements follow.
    pub fn shift<'a>(
        &mut self,
        cell: &Binding,
        list: &[Term],
        index: u32,
        delta: i64,
        bindings: impl Iterator<Item = &'a mut Binding>,
    ) {
        for b in bindings {
            if b.cell != cell.cell || b.path.len() <= list.len() || !b.path.starts_with(list) {
                continue;
            }
            if let Term::Index(i) = &mut b.path[list.len()] {
                if *i >= index {
                    *i = (*i as i64 + delta).max(0) as u32;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree;
    use crate::value::{Dict, Key};
    use std::sync::Arc;

    fn dict(pairs: &[(&str, Value)]) -> Value {
        let mut d = Dict::new();
        for (k, v) in pairs {
            d.insert(Key::new(k), v.clone());
        }
        Value::dict(d)
    }

    #[test]
    fn views_see_writes_and_detach_keeps_old_resource() {
        let mut h = Heap::default();
        let x = h.alloc(dict(&[("a", dict(&[("aa", Value::Long(1))]))]));
        let mut y = h.view(&x, &[Term::Key(Arc::from("a"))]);
        assert!(h.has_views());
        // x['a'] = 2 (replacing the dict y refers to): y keeps the old dict.
        let old = tree::get(h.cell(&x).unwrap(), &[Term::Key(Arc::from("a"))])
            .cloned()
            .unwrap();
        h.detach(
            &x,
            &[Term::Key(Arc::from("a"))],
            old,
            std::iter::once(&mut y),
        );
        assert!(!h.has_views());
        let slot = tree::get_mut_create(h.cell_mut(&x), &[Term::Key(Arc::from("a"))]).unwrap();
        *slot = Value::Long(2);
        let get = |h: &Heap, b: &Binding| tree::get(h.cell(b).unwrap(), b.path()).cloned();
        let x_now = get(&h, &x).unwrap();
        assert!(matches!(
            x_now.as_dict().unwrap().get(&Key::new("a")),
            Some(Value::Long(2))
        ));
        let y_now = get(&h, &y).unwrap();
        assert!(y_now.as_dict().unwrap().contains_key(&Key::new("aa")));
        h.release(y);
        h.release(x);
        assert_eq!(h.free.len(), 2);
    }
}
