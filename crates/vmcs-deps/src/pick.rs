//! What a request means: the package and version, as apt-get's command line picks them.
//!
//! A name with versions is its candidate (or, with a relation, its highest version that
//! satisfies it); a purely virtual name with one provider means that provider ("Note,
//! selecting ..."), with several it is an error listing them. Unknown names get
//! suggestions by edit distance.

use crate::error::DepsError;
use crate::local::{Request, Source};
use crate::resolve::Solver;
use crate::universe::{PkgId, Universe, VerId};

impl Solver<'_> {
    /// Picks the package and version a request means, as apt-get's command line does.
    pub fn pick(&mut self, req: &Request) -> Result<(PkgId, VerId), DepsError> {
        let u = self.u;
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
            (id, v)
        } else {
            (id, self.cand(id))
        };
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
