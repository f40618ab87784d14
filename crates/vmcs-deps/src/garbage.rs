//! apt's mark-and-sweep and the part of `DoAutomaticRemove` that `apt-get install` always
//! runs: a package newly marked for install that no manually installed, essential or
//! required package needs (through Depends, Pre-Depends, Recommends or Suggests) is
//! garbage, and apt does not install it after all (unless a kept or newly installed
//! package depends on it). This is how the dependencies of a package the problem resolver
//! removed again leave the plan.

use crate::error::DepsError;
use crate::index::Field;
use crate::resolve::{DepKind, Mode, Solver};
use crate::universe::{PkgId, VerId, ESSENTIAL, IMPORTANT, NONE};
use std::collections::HashMap;

/// apt's `VerPriority` of `Priority: required`.
const REQUIRED: u8 = 1;

impl Solver<'_> {
    /// apt's `IsPkgInBoringState`: not installed and staying so, or being removed.
    fn boring(&self, p: PkgId) -> bool {
        let pi = p as usize;
        if self.cur[pi] == NONE {
            self.mode[pi] == Mode::Keep
        } else {
            self.mode[pi] == Mode::Delete
        }
    }

    /// The version apt's marker looks at: the install version when marked for install,
    /// else the installed one.
    fn mark_ver(&self, p: PkgId) -> u32 {
        if self.mode[p as usize] == Mode::Install {
            self.inst[p as usize]
        } else {
            self.cur[p as usize]
        }
    }

    /// apt's `MarkRequired` then `Sweep`: the garbage packages among the active ones.
    pub fn garbage(&mut self) -> Result<Vec<PkgId>, DepsError> {
        let u = self.u;
        let mut marked = vec![false; self.inst.len()];
        let mut stack: Vec<(PkgId, VerId)> = Vec::new();
        let active = self.active.clone();
        for &p in &active {
            if marked[p as usize] || self.boring(p) {
                continue;
            }
            let f = self.flags(p);
            let cur = self.cur[p as usize];
            let root = !self.auto[p as usize]
                || f & (ESSENTIAL | IMPORTANT) != 0
                || (cur != NONE && u.rec(cur).priority == REQUIRED);
            let v = self.mark_ver(p);
            if root && v != NONE {
                stack.push((p, v));
            }
            while let Some((q, qv)) = stack.pop() {
                if marked[q as usize] || self.boring(q) {
                    continue;
                }
                marked[q as usize] = true;
                let kinds = [
                    DepKind::PreDepends,
                    DepKind::Depends,
                    DepKind::Recommends,
                    DepKind::Suggests,
                ];
                for d in self.parse_deps(qv, &kinds)? {
                    let t = d.target;
                    if t == NONE {
                        continue;
                    }
                    // Satisfying versions, grouped by source; the highest source version wins.
                    let mut by_source: HashMap<&str, Vec<VerId>> = HashMap::new();
                    if !self.boring(t) {
                        let tv = self.mark_ver(t);
                        if tv != NONE && self.qual_ok(&d.dep) && self.ver_ok(tv, &d.dep) {
                            by_source.entry(u.source_of(tv).0).or_default().push(tv);
                        }
                    }
                    for (pv, pver) in u.providers_of(t) {
                        let o = u.rec(pv).name;
                        if self.boring(o) || self.mark_ver(o) != pv || !Self::prov_ok(pver, &d.dep)
                        {
                            continue;
                        }
                        by_source.entry(u.source_of(pv).0).or_default().push(pv);
                    }
                    for (_, vers) in by_source {
                        let best = vers
                            .iter()
                            .map(|&v| u.source_of(v).1)
                            .max_by(|a, b| crate::version::compare(a, b))
                            .unwrap_or("");
                        for v in vers {
                            if u.source_of(v).1 == best {
                                stack.push((u.rec(v).name, v));
                            }
                        }
                    }
                }
            }
        }
        Ok(active
            .into_iter()
            .filter(|&p| {
                let cur = self.cur[p as usize];
                let required = cur != NONE && u.rec(cur).priority == REQUIRED;
                !required
                    && !marked[p as usize]
                    && (cur != NONE || self.mode[p as usize] == Mode::Install)
            })
            .collect())
    }

    /// The part of apt-get's `DoAutomaticRemove` that runs without `--autoremove`: new
    /// installs that are garbage are unmarked; one that a kept or newly installed package
    /// depends on is marked again.
    pub fn drop_garbage_installs(&mut self) -> Result<(), DepsError> {
        let garbage = self.garbage()?;
        let mut too_much: Vec<PkgId> = Vec::new();
        for p in garbage {
            if self.mode[p as usize] == Mode::Install && self.cur[p as usize] == NONE {
                too_much.push(p);
                self.mark_delete(p, 0, false);
            }
        }
        if too_much.is_empty() || self.broken_count()? == 0 {
            return Ok(());
        }
        self.ensure_ranks(&too_much);
        too_much.sort_by_key(|&p| self.rank_of(p));
        'again: loop {
            for k in 0..too_much.len() {
                let p = too_much[k];
                if self.needed_by_kept_or_new(p)? {
                    self.mark_install(p, false, 0, false)?;
                    too_much.remove(k);
                    continue 'again;
                }
            }
            return Ok(());
        }
    }

    /// Whether a kept installed version or a new or upgraded candidate has a critical
    /// positive dependency naming `p` or something `p`'s candidate provides.
    fn needed_by_kept_or_new(&mut self, p: PkgId) -> Result<bool, DepsError> {
        let u = self.u;
        let mut names = vec![p];
        let c = self.cand(p);
        if c != NONE {
            if let Some(l) = u.local(c) {
                names.extend(l.provides.iter().filter_map(|n| u.find(n)));
            } else {
                for g in u.relations(c, Field::Provides)? {
                    names.extend(g.iter().filter_map(|d| u.find(d.name)));
                }
            }
        }
        for i in 0..self.active.len() {
            let r = self.active[i];
            let ri = r as usize;
            let rv = if self.cur[ri] != NONE && self.mode[ri] == Mode::Keep {
                self.cur[ri]
            } else if self.mode[ri] == Mode::Install && self.inst[ri] != self.cur[ri] {
                self.inst[ri]
            } else {
                continue;
            };
            let deps = self.deps_of(rv)?;
            if deps
                .list
                .iter()
                .any(|d| !d.kind.negative() && names.contains(&d.target))
            {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
