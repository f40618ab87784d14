//! What a request means: the package and version, as apt-get's command line picks them.
//!
//! A name with versions is its candidate (with a relation, its highest version that
//! satisfies it; with `/release`, its highest version from that release); a purely
//! virtual name with one provider means that provider ("Note, selecting ..."), with several
//! it is an error listing them. `name:arch` is accepted for this architecture (and `all`,
//! `any`, `native`). Unknown names get suggestions by edit distance.

use crate::error::DepsError;
use crate::local::{Request, Source};
use crate::resolve::{DepKind, DepRec, Solver};
use crate::universe::{PkgId, Universe, VerId, LOCAL, NONE};

impl Solver<'_> {
    /// Picks the package and version a request means, as apt-get's command line does.
    pub fn pick(&mut self, req: &Request) -> Result<(PkgId, VerId), DepsError> {
        let u = self.u;
        if let Some(a) = req.arch.as_deref() {
            if ![u.arch(), "all", "any", "native"].contains(&a) {
                let help = format!(
                    "`{}:{a}` names the architecture `{a}`; vmcs resolves for `{}` (see `--arch`)",
                    req.name,
                    u.arch()
                );
                return Err(unknown(u, &format!("{}:{a}", req.name), Some(help)));
            }
        }
        let Some(id) = u.find(&req.name) else {
            return Err(unknown(u, &req.name, None));
        };
        let has_versions = u.versions_of(id).next().is_some();
        let (pid, vid) = if !has_versions {
            let mut owners: Vec<PkgId> = Vec::new();
            for (pv, _) in u.providers_of(id) {
                let o = u.rec(pv).name;
                if self.cand(o) == pv && !owners.contains(&o) {
                    owners.push(o);
                }
            }
            match owners.as_slice() {
                [] => {
                    let h = format!("`{}` is a virtual package that nothing provides", req.name);
                    return Err(unknown(u, &req.name, Some(h)));
                }
                [one] => (*one, self.cand(*one)),
                many => {
                    let mut providers: Vec<String> = many
                        .iter()
                        .map(|&o| format!("{} {}", u.name(o), u.ver_str(self.cand(o))))
                        .collect();
                    providers.sort();
                    return Err(DepsError::AmbiguousVirtual {
                        name: req.name.clone(),
                        providers,
                    });
                }
            }
        } else if let Some(rel) = &req.release {
            match u.version_in_release(id, rel) {
                Some(v) => (id, v),
                None => return Err(unknown_release(u, id, &req.name, rel)),
            }
        } else if let Some((op, want)) = &req.constraint {
            let local = u.local_of.get(&id).copied();
            let mut best: Option<VerId> = None;
            for v in u.versions_of(id) {
                if local.is_some_and(|l| l != v) || !op.holds(u.ver_str(v), want) {
                    continue;
                }
                let better = best
                    .is_none_or(|b| crate::version::compare(u.ver_str(v), u.ver_str(b)).is_ge());
                if better {
                    best = Some(v);
                }
            }
            let Some(v) = best else {
                let mut available: Vec<String> = u
                    .versions_of(id)
                    .map(|v| u.ver_str(v).to_string())
                    .collect();
                available.sort_by(|a, b| crate::version::compare(b, a));
                available.dedup();
                return Err(DepsError::NoMatchingVersion {
                    name: req.name.clone(),
                    wanted: format!("{op} {want}"),
                    available,
                });
            };
            (id, self.canonical(id, v))
        } else {
            (id, self.cand(id))
        };
        if vid == NONE {
            let h = format!("`{}` has no installable version", req.name);
            return Err(unknown(u, &req.name, Some(h)));
        }
        if let Some(want) = req.source {
            let found = match u.local(vid) {
                Some(l) => l.source,
                None => Source::Apt,
            };
            if found != want {
                return Err(DepsError::WrongSource {
                    name: req.name.clone(),
                    wanted: want.to_string(),
                    found: found.to_string(),
                });
            }
        }
        Ok((pid, vid))
    }
}

/// The error for `name/release` when no version of the package comes from the release.
fn unknown_release(u: &Universe, id: PkgId, name: &str, rel: &str) -> DepsError {
    let mut have: Vec<String> = Vec::new();
    for v in u.versions_of(id) {
        let r = u.rec(v);
        if r.index == LOCAL {
            continue;
        }
        if let Some(info) = &u.indexes[r.index as usize].release {
            let s = format!("{} in {} ({})", u.ver_str(v), info.codename, info.suite);
            if !have.contains(&s) {
                have.push(s);
            }
        }
    }
    let help = (!have.is_empty()).then(|| format!("`{name}` has {}", have.join(", ")));
    DepsError::UnknownRelease {
        name: name.to_string(),
        release: rel.to_string(),
        help,
    }
}

/// An unknown-package error with close names as a hint.
pub(crate) fn unknown(u: &Universe, name: &str, help: Option<String>) -> DepsError {
    let help = help.or_else(|| {
        let mut close: Vec<(usize, &str)> = u
            .names
            .iter()
            .filter(|n| n.len().abs_diff(name.len()) <= 2)
            .map(|n| (distance(n, name), &**n))
            .filter(|(d, n)| *d <= 2 && u.find(n).is_some_and(|id| u.candidate(id).is_some()))
            .collect();
        close.sort();
        close.truncate(3);
        (!close.is_empty()).then(|| {
            let names: Vec<String> = close.iter().map(|(_, n)| format!("`{n}`")).collect();
            format!("did you mean {}?", names.join(" or "))
        })
    });
    DepsError::UnknownPackage {
        name: name.to_string(),
        help,
    }
}

/// Levenshtein distance (small strings only).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The error for `why PACKAGE` when the package is not part of the installation.
pub(crate) fn unknown_in_plan(name: &str, r: &crate::output::Resolution) -> DepsError {
    DepsError::UnknownPackage {
        name: name.to_string(),
        help: Some(format!(
            "`{name}` is not part of the installation of {}",
            r.requests.join(", ")
        )),
    }
}

impl Solver<'_> {
    /// apt's `SetCandidateRelease`: `target` becomes the candidate, and where one of its
    /// (Pre-)Depends cannot be met by the installed or candidate versions, the dependency's
    /// version from release `rel` becomes its candidate too (recursively). Returns false,
    /// undoing its own changes, when a dependency cannot be met that way.
    pub fn set_candidate_release(
        &mut self,
        target: VerId,
        rel: &str,
        changed: &mut Vec<VerId>,
    ) -> Result<bool, DepsError> {
        let u = self.u;
        let p = u.rec(target).name;
        self.set_cand(p, target);
        let mark = changed.len();
        let deps = self.deps_of(target)?;
        let list = &deps.list;
        for (a, b) in deps.groups() {
            if !matches!(list[a].kind, DepKind::PreDepends | DepKind::Depends) {
                continue;
            }
            if self.release_group_fine(&list[a..=b])? {
                continue;
            }
            let mut fine = false;
            for (i, d) in list[a..=b].iter().enumerate() {
                let still_or = a + i < b;
                let t = d.target;
                let v = match (t, d.dep.constraint) {
                    (NONE, _) | (_, None) => None,
                    _ => u
                        .version_in_release(t, rel)
                        .filter(|&v| self.ver_ok(v, &d.dep)),
                };
                let Some(v) = v else {
                    if still_or {
                        continue;
                    }
                    break;
                };
                let v = self.canonical(t, v);
                let old = self.cand(t);
                if v == old && changed.iter().any(|&c| u.rec(c).name == t) {
                    fine = true;
                }
                if !fine {
                    changed.push(v);
                    if !self.set_candidate_release(v, rel, changed)? {
                        if !still_or {
                            break;
                        }
                        self.set_cand(t, old);
                        changed.pop();
                        continue;
                    }
                    fine = true;
                }
                break;
            }
            if !fine {
                changed.truncate(mark);
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Whether an or-group is already met by an installed version, or by a candidate
    /// whose own critical dependencies hold (the first loop of `SetCandidateRelease`).
    fn release_group_fine(&mut self, group: &[DepRec<'_>]) -> Result<bool, DepsError> {
        let u = self.u;
        for d in group {
            let t = d.target;
            if t == NONE || (!self.has_versions(t) && u.providers_of(t).next().is_none()) {
                continue;
            }
            let now = self.cur[t as usize];
            if now != NONE && self.qual_ok(&d.dep) && self.ver_ok(now, &d.dep) {
                return Ok(true);
            }
            let cand = self.cand(t);
            if d.dep.constraint.is_none() {
                let provided: Vec<VerId> = u.providers_of(t).map(|(pv, _)| pv).collect();
                if !provided.is_empty() {
                    let mut ok = false;
                    for pv in provided {
                        let o = u.rec(pv).name;
                        if self.cand(o) == pv && self.cand_deps_ok(o, pv)? {
                            ok = true;
                            break;
                        }
                    }
                    if !ok {
                        continue;
                    }
                } else if cand == NONE || !self.cand_deps_ok(t, cand)? {
                    continue;
                }
                return Ok(true);
            }
            if cand != NONE && self.ver_ok(cand, &d.dep) && self.cand_deps_ok(t, cand)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
