//! Explaining a failed resolution from the final install state, as one chain of hops:
//! `exim4 4.96 -> exim4-daemon-light (>= 4.96) | ... -> exim4-daemon-light 4.96 ->
//! exim4-base (>= 4.96) -> ... -> exim4-config 4.96 -> conflicts with postfix 3.7.11
//! (requested)`. Each hop is a version, the dependency of it that cannot be met, and the
//! alternative followed; the chain ends at a conflict or a dependency nothing satisfies.
//!
//! The walk is a loop with a visited set (never recursion), so a chain of thousands of
//! packages is explained in bounded stack; a long chain keeps its two ends.

use crate::error::DepsError;
use crate::mark::group_deps;
use crate::relation::group_to_string;
use crate::resolve::{Failure, Solver, State};
use crate::universe::{PkgId, VerId, NONE};
use std::collections::HashSet;

/// The most hops a chain follows before it stops.
const MAX_HOPS: usize = 10_000;

/// Alternatives of an or-group with why each cannot be installed.
type Alts = Vec<(String, String)>;

/// Why one alternative cannot be installed, in a few words.
fn alternative_reason(s: &mut Solver<'_>, d: &crate::resolve::DepRec<'_>) -> String {
    let u = s.u;
    let mut options: Vec<(PkgId, VerId)> = Vec::new();
    if d.target != NONE {
        let tv = wanted(s, d.target);
        if tv != NONE && s.qual_ok(&d.dep) && s.ver_ok(tv, &d.dep) {
            options.push((d.target, tv));
        }
        for (pv, pver) in u.providers_of(d.target) {
            let o = u.rec(pv).name;
            if wanted(s, o) == pv && Solver::prov_ok(pver, &d.dep) {
                options.push((o, pv));
            }
        }
    }
    let Some(&(q, v)) = options.first() else {
        return "has no candidate that satisfies it".to_string();
    };
    match conflict_of(s, q, v) {
        Some((w, _, _)) => format!("conflicts with `{}`", u.ver_name(w)),
        None => "cannot be installed with the rest".to_string(),
    }
}

/// Why the end of a chain is where it is.
enum End {
    /// `p` conflicts with `with` (owning the relation `field` in one direction or the other).
    Conflict {
        with: VerId,
        field: &'static str,
    },
    Other,
}

/// The error for request `req` (package `p` is the broken one) after resolution failed.
pub(crate) fn failure(
    s: &mut Solver<'_>,
    req: &str,
    p: PkgId,
    picked: &[(String, PkgId)],
) -> DepsError {
    let (mut req, mut chain) = (req.to_string(), Vec::new());
    if !picked.iter().any(|x| x.1 == p) {
        // A package the requests pulled in is broken: show how a request leads to it.
        for (r, q) in picked {
            if let Some(path) = path_to(s, *q, p) {
                req = r.clone();
                chain = path;
                break;
            }
        }
    }
    let req = req.as_str();
    let (rest, end, alts) = walk(s, p, picked);
    chain.extend(rest);
    let u = s.u;
    if let End::Conflict { with, field } = end {
        let q = u.rec(with).name;
        let other = picked.iter().find(|x| x.1 == q);
        if chain.len() == 2 {
            if let Some((other_req, _)) = other {
                let v = s.inst[p as usize];
                return DepsError::Conflict {
                    a: chain[0].clone(),
                    b: format!("{} {}", u.ver_name(with), u.ver_str(with)),
                    reason: format!("{} {field} the other", u.ver_name(v)),
                    help: Some(format!(
                        "request `{req}` or `{other_req}`, not both, or describe an alternative in Pan"
                    )),
                };
            }
        }
    }
    if chain.len() > 16 {
        let cut = chain.len() - 14;
        chain.splice(8..chain.len() - 6, [format!("({cut} more steps)")]);
    }
    let mut help = Vec::new();
    if alts.len() > 1 {
        let reasons: Vec<String> = alts.iter().map(|(n, why)| format!("`{n}` {why}")).collect();
        help.push(format!(
            "no alternative can be installed: {}",
            reasons.join(", ")
        ));
    }
    if let End::Conflict { with, .. } = end {
        let q = u.rec(with).name;
        match picked.iter().find(|x| x.1 == q) {
            Some((other, _)) if other != req => help.push(format!(
                "`{req}` and `{other}` exclude each other through this chain: request one of them"
            )),
            _ => help.push(
                "no alternative avoids this conflict; request another one explicitly".to_string(),
            ),
        }
    }
    let help = (!help.is_empty()).then(|| help.join("; "));
    DepsError::Unsatisfiable {
        request: req.to_string(),
        chain,
        help,
    }
}

/// The hops from package `from` to package `to` along the install state's dependencies
/// (breadth first, so the shortest), without `to` itself; `None` when `to` is not reached.
fn path_to(s: &mut Solver<'_>, from: PkgId, to: PkgId) -> Option<Vec<String>> {
    let u = s.u;
    let mut back: std::collections::HashMap<PkgId, (PkgId, String)> = Default::default();
    let mut queue = std::collections::VecDeque::from([from]);
    let mut seen: HashSet<PkgId> = HashSet::from([from]);
    while let Some(cur) = queue.pop_front() {
        if cur == to {
            let mut hops = Vec::new();
            let mut at = to;
            while at != from {
                let (prev, group) = back.get(&at)?.clone();
                hops.push(group);
                let v = s.inst[prev as usize];
                hops.push(format!("{} {}", u.ver_name(v), u.ver_str(v)));
                at = prev;
            }
            hops.reverse();
            return Some(hops);
        }
        let v = s.inst[cur as usize];
        if v == NONE {
            continue;
        }
        let deps = s.deps_of(v).ok()?;
        for (a, b) in deps.groups() {
            if deps.list[a].kind.negative() {
                continue;
            }
            let next = (a..=b).find_map(|i| s.match_dep(cur, &deps.list[i], State::Install));
            if let Some(w) = next {
                let q = u.rec(w).name;
                if seen.insert(q) {
                    back.insert(q, (cur, group_to_string(&group_deps(&deps.list[a..=b]))));
                    queue.push_back(q);
                }
            }
        }
    }
    None
}

/// Follows one path from `p` down to a conflict or a dependency nothing can satisfy.
/// Also returns, for the last or-group of several alternatives on the way, why each
/// alternative cannot be installed.
fn walk(s: &mut Solver<'_>, p: PkgId, picked: &[(String, PkgId)]) -> (Vec<String>, End, Alts) {
    let u = s.u;
    let head = |v: VerId| format!("{} {}", u.ver_name(v), u.ver_str(v));
    let mut chain = Vec::new();
    let mut seen: HashSet<PkgId> = HashSet::new();
    let mut alts: Alts = Vec::new();
    let mut cur = p;
    for _ in 0..MAX_HOPS {
        seen.insert(cur);
        let v = wanted(s, cur);
        if v == NONE {
            chain.push(u.name(cur).to_string());
            chain.push(format!("no candidate in {}", u.where_label()));
            return (chain, End::Other, alts);
        }
        chain.push(head(v));
        if let Some((with, field, rel)) = conflict_of(s, cur, v) {
            let q = u.rec(with).name;
            let who = if picked.iter().any(|x| x.1 == q) {
                " (requested)"
            } else if s.cur[q as usize] == with {
                " (installed)"
            } else {
                ""
            };
            chain.push(format!(
                "conflicts with {}{who} through `{field}: {rel}`",
                head(with)
            ));
            return (chain, End::Conflict { with, field }, alts);
        }
        let Ok(deps) = s.deps_of(v) else {
            chain.push("its relations cannot be parsed".into());
            return (chain, End::Other, alts);
        };
        let failing = deps.groups().into_iter().find(|&(a, b)| {
            !deps.list[a].kind.negative() && !s.group_ok(cur, &deps.list, a, b, State::Install)
        });
        let Some((a, b)) = failing else {
            let why = match s.fail.get(&cur) {
                Some(Failure::TooDeep) => "dependency chain deeper than 3000".to_string(),
                Some(Failure::Unsatisfiable { group, .. }) => {
                    format!("{group} -> could not be installed with the rest")
                }
                Some(Failure::Conflict { with, field, .. }) => {
                    format!("conflicts with {} ({field})", head(*with))
                }
                None => "could not be installed with the rest of the plan".to_string(),
            };
            chain.push(why);
            return (chain, End::Other, alts);
        };
        chain.push(group_to_string(&group_deps(&deps.list[a..=b])));
        if b > a {
            alts = deps.list[a..=b]
                .iter()
                .map(|d| (d.dep.name.to_string(), alternative_reason(s, d)))
                .collect();
        }
        // Follow the first alternative some candidate could satisfy.
        let mut next = None;
        for d in &deps.list[a..=b] {
            if next.is_some() {
                break;
            }
            if d.target == NONE {
                continue;
            }
            let mut options: Vec<(PkgId, VerId)> = Vec::new();
            let tv = wanted(s, d.target);
            if tv != NONE && s.qual_ok(&d.dep) && s.ver_ok(tv, &d.dep) {
                options.push((d.target, tv));
            }
            for (pv, pver) in u.providers_of(d.target) {
                let o = u.rec(pv).name;
                if wanted(s, o) == pv && Solver::prov_ok(pver, &d.dep) {
                    options.push((o, pv));
                }
            }
            next = options.into_iter().find(|(q, _)| !seen.contains(q));
        }
        match next {
            Some((q, _)) => cur = q,
            None => {
                chain.push(no_candidate_reason(s, &deps.list[a..=b]));
                return (chain, End::Other, alts);
            }
        }
    }
    chain.push("(chain too long to follow)".into());
    (chain, End::Other, alts)
}

/// The version of `p` the plan wanted: the install version, else apt's policy candidate.
fn wanted(s: &mut Solver<'_>, p: PkgId) -> VerId {
    let v = s.inst[p as usize];
    if v != NONE {
        return v;
    }
    match s.u.candidate(p) {
        Some(c) => s.canonical(p, c),
        None => NONE,
    }
}

/// A version of the install state that `v` (of `p`) conflicts with, in either direction,
/// with the relation field and text (`Conflicts`, `mail-transport-agent`).
fn conflict_of(s: &mut Solver<'_>, p: PkgId, v: VerId) -> Option<(VerId, &'static str, String)> {
    let deps = s.deps_of(v).ok()?;
    for d in deps.list.iter().filter(|d| d.kind.negative()) {
        if let Some(w) = s.match_dep(p, d, State::Install) {
            return Some((w, d.kind.name(), d.dep.to_string()));
        }
    }
    let u = s.u;
    for i in 0..s.active.len() {
        let q = s.active[i];
        let w = s.inst[q as usize];
        if q == p || w == NONE {
            continue;
        }
        let Ok(wd) = s.deps_of(w) else { continue };
        for d in wd.list.iter().filter(|d| d.kind.negative()) {
            let direct = d.target == p && s.qual_ok(&d.dep) && s.ver_ok(v, &d.dep);
            let provided = d.target != NONE
                && u.providers_of(d.target)
                    .any(|(pv, pver)| pv == v && Solver::prov_ok(pver, &d.dep));
            if direct || provided {
                return Some((w, d.kind.name(), d.dep.to_string()));
            }
        }
    }
    None
}

/// Why no alternative of a group has a usable candidate.
fn no_candidate_reason(s: &mut Solver<'_>, group: &[crate::resolve::DepRec<'_>]) -> String {
    let u = s.u;
    let mut have = Vec::new();
    for d in group {
        if d.target != NONE {
            if let Some(c) = u.candidate(d.target) {
                have.push(format!("{} {}", d.dep.name, u.ver_str(c)));
            }
        }
    }
    if have.is_empty() {
        format!("no candidate in {}", u.where_label())
    } else {
        format!(
            "no candidate in {} satisfies it (have {})",
            u.where_label(),
            have.join(", ")
        )
    }
}
