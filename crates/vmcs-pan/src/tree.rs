//! Reading and writing a value tree by path: auto-created parents, list growth, `null`
//! deletion and panc's rule that the first assignment fixes an element's type.

use crate::path::Term;
use crate::value::{Key, Value};

/// Describe a term for messages.
fn term_str(t: &Term) -> String {
    t.to_string()
}

fn path_str(terms: &[Term]) -> String {
    if terms.is_empty() {
        return "/".into();
    }
    let mut s = String::new();
    for t in terms {
        s.push('/');
        s.push_str(&term_str(t));
    }
    s
}

/// Look a path up; `None` when any step is missing.
pub fn get<'a>(root: &'a Value, terms: &[Term]) -> Option<&'a Value> {
    let mut cur = root;
    for t in terms {
        cur = child(cur, t)?;
    }
    Some(cur)
}

pub fn child<'a>(v: &'a Value, t: &Term) -> Option<&'a Value> {
    match (v, t) {
        (Value::Dict(d), Term::Key(k)) => d.get(&Key(k.clone())),
        (Value::List(l), Term::Index(i)) => l.get(*i as usize),
        (Value::List(l), Term::FromEnd(n)) => l.len().checked_sub(*n as usize).map(|i| &l[i]),
        _ => None,
    }
}

/// The index a `-N` term names in a list of `len` elements.
fn from_end(len: usize, n: u32) -> Result<usize, String> {
    len.checked_sub(n as usize)
        .ok_or_else(|| format!("list element at index -{n} does not exist"))
}

/// Why a dereference failed.
pub fn deref_error(v: &Value, t: &Term, at: &[Term], full: &[Term]) -> String {
    format!(
        "cannot dereference element of type '{}' with term '{}'; error at '{}' with full path '{}'",
        v.type_name(),
        term_str(t),
        path_str(at),
        path_str(full)
    )
}

/// Mutable access to the element at `terms`, creating missing parents (a dict for a key
/// term, a list for an index term) and the element itself as `undef`.
pub fn get_mut_create<'a>(root: &'a mut Value, terms: &[Term]) -> Result<&'a mut Value, String> {
    let mut cur = root;
    for (i, t) in terms.iter().enumerate() {
        if matches!(cur, Value::Undef | Value::Null) {
            *cur = match t {
                Term::Key(_) => Value::empty_dict(),
                Term::Index(_) | Term::FromEnd(_) => Value::empty_list(),
            };
        }
        let is_dict = matches!(cur, Value::Dict(_));
        let is_list = matches!(cur, Value::List(_));
        match t {
            Term::Key(k) if is_dict => {
                let d = cur.dict_mut().unwrap();
                cur = d.entry(Key(k.clone())).or_insert(Value::Undef);
            }
            Term::Index(n) if is_list => {
                let l = cur.list_mut().unwrap();
                let n = *n as usize;
                if l.len() <= n {
                    l.resize(n + 1, Value::Undef);
                }
                cur = &mut l[n];
            }
            Term::FromEnd(n) if is_list => {
                let l = cur.list_mut().unwrap();
                let n = from_end(l.len(), *n)?;
                cur = &mut l[n];
            }
            _ => return Err(deref_error(cur, t, &terms[..=i], terms)),
        }
    }
    Ok(cur)
}

/// Whether an element of `old`'s type may be replaced by `new` (panc's type fixing).
pub fn replace_error(old: &Value, new: &Value) -> Option<String> {
    match (old, new) {
        (Value::Undef | Value::Null, _) | (_, Value::Undef | Value::Null) => None,
        (a, b) if a.kind() == b.kind() => None,
        (a, b) => Some(format!(
            "existing element of type {} cannot be replaced by one of type {}",
            a.type_name(),
            b.type_name()
        )),
    }
}

/// Remove the element at `terms` (a `null` assignment). Missing elements are fine; list
/// elements are removed (later ones shift down).
pub fn delete(root: &mut Value, terms: &[Term]) -> Result<(), String> {
    let Some((last, parents)) = terms.split_last() else {
        *root = Value::empty_dict();
        return Ok(());
    };
    // Parents that do not exist are created as empty dicts, as panc does.
    let parent = get_mut_create(root, parents)?;
    if parent.is_undef() {
        *parent = Value::empty_dict();
    }
    let p = parent.clone();
    match (parent, last) {
        (Value::Dict(d), Term::Key(k)) => {
            std::sync::Arc::make_mut(d).remove(&Key(k.clone()));
        }
        (Value::Dict(d), Term::Index(n)) => {
            std::sync::Arc::make_mut(d).remove(&Key::new(&n.to_string()));
        }
        (Value::List(l), Term::Index(n)) => {
            let l = std::sync::Arc::make_mut(l);
            if (*n as usize) < l.len() {
                l.remove(*n as usize);
            }
        }
        (Value::List(l), Term::FromEnd(n)) => {
            if let Some(i) = l.len().checked_sub(*n as usize) {
                std::sync::Arc::make_mut(l).remove(i);
            }
        }
        _ => return Err(deref_error(&p, last, terms, terms)),
    }
    Ok(())
}

/// The first path below `v` (depth first, keys in order) whose value is `undef` or `null`.
pub fn find_undef(v: &Value, prefix: &mut Vec<Term>) -> Option<Vec<Term>> {
    let base = prefix.len();
    let mut found = None;
    crate::walk::walk(v, |step| {
        let crate::walk::Step::Enter {
            name, value, depth, ..
        } = step
        else {
            return crate::walk::Flow::Over;
        };
        prefix.truncate(base + depth.saturating_sub(1));
        match name {
            crate::walk::Name::Key(k) => prefix.push(Term::Key(k.0.clone())),
            crate::walk::Name::Index(i) => prefix.push(Term::Index(i as u32)),
            crate::walk::Name::Root => {}
        }
        if matches!(value, Value::Undef | Value::Null) {
            found = Some(prefix.clone());
            return crate::walk::Flow::Stop;
        }
        crate::walk::Flow::Into
    });
    prefix.truncate(base);
    found
}

/// About how many bytes the XML or JSON file of `v` takes (indentation, names, values),
/// or `None` as soon as it exceeds `limit` (so a huge or deep value costs at most `limit`).
pub fn approx_size(v: &Value, limit: usize) -> Option<usize> {
    let mut total = 0usize;
    crate::walk::walk(v, |step| {
        if let crate::walk::Step::Enter {
            name, value, depth, ..
        } = step
        {
            total += 24 + 4 * depth;
            if let crate::walk::Name::Key(k) = name {
                total += 2 * k.as_str().len();
            }
            if let Value::Str(s) = value {
                total += s.len();
            }
            if total > limit {
                return crate::walk::Flow::Stop;
            }
        }
        crate::walk::Flow::Into
    });
    (total <= limit).then_some(total)
}

pub fn format_terms(terms: &[Term]) -> String {
    path_str(terms)
}

/// The terms that DML subscripts `keys` name below `start` (the current value there, if
/// any): a long indexes a list (negative counts from the end), a string is a dict key
/// (`{text}` escaped). A missing or undefined element will become the resource the key asks
/// for.
pub fn resolve_keys(start: Option<&Value>, keys: &[Value]) -> Result<Vec<Term>, String> {
    let mut terms = Vec::with_capacity(keys.len());
    let mut cur = start;
    for k in keys {
        let t = match (cur, k) {
            (Some(Value::List(l)), Value::Long(n)) => {
                let i = if *n < 0 { *n + l.len() as i64 } else { *n };
                if i < 0 {
                    return Err(format!("list index {n} is out of range"));
                }
                Term::Index(index_u32(i)?)
            }
            (None | Some(Value::Undef | Value::Null), Value::Long(n)) => {
                if *n < 0 {
                    return Err(format!("list index {n} is out of range"));
                }
                Term::Index(index_u32(*n)?)
            }
            (None | Some(Value::Undef | Value::Null | Value::Dict(_)), Value::Str(s)) => {
                Term::Key(crate::path::normalize_key(s)?)
            }
            (None | Some(Value::Undef | Value::Null), k) => {
                return Err(format!(
                    "element of type {} is not a valid index",
                    k.type_name()
                ))
            }
            (Some(c), k) => {
                return Err(format!(
                    "cannot use a {} to index a {}",
                    k.type_name(),
                    c.type_name()
                ))
            }
        };
        cur = cur.and_then(|c| child(c, &t));
        terms.push(t);
    }
    Ok(terms)
}

fn index_u32(i: i64) -> Result<u32, String> {
    u32::try_from(i)
        .ok()
        .filter(|i| *i <= i32::MAX as u32)
        .ok_or_else(|| {
            format!(
                "index ({}) exceeds largest permitted value (2,147,483,647)",
                crate::path::group_digits(i)
            )
        })
}

/// What a [`write`] did that references into the tree must follow.
pub enum Written {
    Set,
    /// A list element was removed: the list's path and the removed index.
    RemovedFromList(usize, u32),
}

/// Set (or, for `null`, delete) the element at `terms` below `root`, creating parents and
/// checking that an existing element keeps its type (panc's replacement rule).
pub fn write(root: &mut Value, terms: &[Term], v: Value) -> Result<Written, String> {
    let Some((last, parents)) = terms.split_last() else {
        if let Some(m) = replace_error(root, &v) {
            return Err(m);
        }
        *root = v;
        return Ok(Written::Set);
    };
    if v.is_null() {
        let parent = get_mut_create(root, parents)?;
        if parent.is_undef() {
            *parent = match last {
                Term::Key(_) => Value::empty_dict(),
                _ => Value::empty_list(),
            };
        }
        return match (parent, last) {
            (Value::Dict(d), Term::Key(k)) => {
                std::sync::Arc::make_mut(d).remove(&Key(k.clone()));
                Ok(Written::Set)
            }
            (Value::List(l), Term::Index(n)) => {
                if (*n as usize) < l.len() {
                    std::sync::Arc::make_mut(l).remove(*n as usize);
                }
                Ok(Written::RemovedFromList(parents.len(), *n))
            }
            (p, t) => Err(deref_error(p, t, terms, terms)),
        };
    }
    let slot = get_mut_create(root, terms)?;
    if let Some(m) = replace_error(slot, &v) {
        return Err(m);
    }
    *slot = v;
    Ok(Written::Set)
}

/// `terms` with every `-N` replaced by the index it names in the lists of `root` now.
pub fn resolve_from_end(root: &Value, terms: &[Term]) -> Result<Vec<Term>, String> {
    let mut out = Vec::with_capacity(terms.len());
    let mut cur = Some(root);
    for t in terms {
        let t = match (t, cur) {
            (Term::FromEnd(n), Some(Value::List(l))) => Term::Index(from_end(l.len(), *n)? as u32),
            (Term::FromEnd(n), _) => {
                return Err(format!("list element at index -{n} does not exist"));
            }
            (t, _) => t.clone(),
        };
        cur = cur.and_then(|c| child(c, &t));
        out.push(t);
    }
    Ok(out)
}
