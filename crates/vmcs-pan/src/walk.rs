//! A depth-first walk over a value tree without recursion: profiles can be arbitrarily deep
//! (a path of 70,000 terms is one assignment away), so writers and checks walk them with an
//! explicit stack instead of one Rust frame per level.

use crate::value::{Key, Value};

/// How a node is reached from its parent.
#[derive(Debug, Clone, Copy)]
pub enum Name<'a> {
    /// The value the walk started from.
    Root,
    Key(&'a Key),
    Index(usize),
}

/// One event of a walk.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// `value` is reached; `index` counts the children of the parent visited before it.
    Enter {
        name: Name<'a>,
        value: &'a Value,
        depth: usize,
        index: usize,
    },
    /// All children of a resource entered with [`Flow::Into`] have been visited.
    Leave {
        name: Name<'a>,
        value: &'a Value,
        depth: usize,
    },
}

/// What the walk does after an [`Step::Enter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Visit the children of this resource, then send [`Step::Leave`].
    Into,
    /// Go on with the next sibling.
    Over,
    /// End the walk.
    Stop,
}

enum Children<'a> {
    Dict(std::collections::btree_map::Iter<'a, Key, Value>),
    List(std::iter::Enumerate<std::slice::Iter<'a, Value>>),
}

struct Frame<'a> {
    name: Name<'a>,
    value: &'a Value,
    depth: usize,
    children: Children<'a>,
    visited: usize,
}

/// Walk `root` depth first, children in order (dict keys in Java order).
pub fn walk<'a>(root: &'a Value, mut f: impl FnMut(Step<'a>) -> Flow) {
    let mut stack: Vec<Frame<'a>> = Vec::new();
    let enter = |stack: &mut Vec<Frame<'a>>,
                 f: &mut dyn FnMut(Step<'a>) -> Flow,
                 name,
                 value: &'a Value,
                 depth,
                 index| {
        match f(Step::Enter {
            name,
            value,
            depth,
            index,
        }) {
            Flow::Stop => false,
            Flow::Over => true,
            Flow::Into => {
                let children = match value {
                    Value::Dict(d) => Children::Dict(d.iter()),
                    Value::List(l) => Children::List(l.iter().enumerate()),
                    _ => return true,
                };
                stack.push(Frame {
                    name,
                    value,
                    depth,
                    children,
                    visited: 0,
                });
                true
            }
        }
    };
    if !enter(&mut stack, &mut f, Name::Root, root, 0, 0) {
        return;
    }
    while let Some(top) = stack.last_mut() {
        let next = match &mut top.children {
            Children::Dict(it) => it.next().map(|(k, v)| (Name::Key(k), v)),
            Children::List(it) => it.next().map(|(i, v)| (Name::Index(i), v)),
        };
        match next {
            Some((name, value)) => {
                let (depth, index) = (top.depth + 1, top.visited);
                top.visited += 1;
                if !enter(&mut stack, &mut f, name, value, depth, index) {
                    return;
                }
            }
            None => {
                let done = stack.pop().expect("a frame is on the stack");
                if f(Step::Leave {
                    name: done.name,
                    value: done.value,
                    depth: done.depth,
                }) == Flow::Stop
                {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_very_deep_value_is_walked_and_dropped() {
        let mut v = Value::Long(1);
        for _ in 0..200_000 {
            v = Value::list(vec![v]);
        }
        let mut deepest = 0;
        walk(&v, |s| {
            if let Step::Enter { depth, .. } = s {
                deepest = deepest.max(depth);
            }
            Flow::Into
        });
        assert_eq!(deepest, 200_000);
    }
}
