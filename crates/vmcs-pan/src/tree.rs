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
        _ => None,
    }
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
                Term::Index(_) => Value::empty_list(),
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
        _ => return Err(deref_error(&p, last, terms, terms)),
    }
    Ok(())
}

/// Every path below `v` (depth first, keys in order) whose value is `undef`.
pub fn find_undef(v: &Value, prefix: &mut Vec<Term>) -> Option<Vec<Term>> {
    match v {
        Value::Undef | Value::Null => Some(prefix.clone()),
        Value::List(l) => {
            for (i, c) in l.iter().enumerate() {
                prefix.push(Term::Index(i as u32));
                let r = find_undef(c, prefix);
                prefix.pop();
                if r.is_some() {
                    return r;
                }
            }
            None
        }
        Value::Dict(d) => {
            for (k, c) in d.iter() {
                prefix.push(Term::Key(k.0.clone()));
                let r = find_undef(c, prefix);
                prefix.pop();
                if r.is_some() {
                    return r;
                }
            }
            None
        }
        _ => None,
    }
}

pub fn format_terms(terms: &[Term]) -> String {
    path_str(terms)
}
