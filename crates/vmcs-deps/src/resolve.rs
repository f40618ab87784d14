//! Resolution: apt's `MarkInstall` for `apt-get install --no-install-recommends`, mirrored.
//!
//! Requests are first marked without their dependencies (as apt-get does), then each has its
//! dependencies installed depth first. For an or-group the first alternative already
//! installed or marked wins; otherwise the candidates of every alternative, each sorted by
//! apt's `CompareProviders` (the package named by the dependency, then Essential, Important,
//! Priority, then apt's cache order), are tried in turn. A package whose critical
//! dependencies no candidate can satisfy loses its candidate, like in apt; partial work is
//! not rolled back, like in apt. Deliberate difference: a candidate that conflicts with an
//! already chosen package is skipped (apt would unmark the other and run its problem
//! resolver); a conflict that remains is a diagnostic.

use crate::error::DepsError;
use crate::index::Field;
use crate::relation::{group_to_string, Dep, OrGroup};
use crate::universe::{PkgId, Universe, VerId, ESSENTIAL, IMPORTANT, NONE};
use std::collections::HashMap;
use std::rc::Rc;

const UNSET: u32 = u32::MAX - 1;
const MAX_DEPTH: u32 = 3000;

/// The parsed relations of one version that matter for installing it.
pub(crate) struct VerDeps<'u> {
    /// Pre-Depends then Depends, each with `true` for Pre-Depends.
    pub critical: Vec<(bool, OrGroup<'u>)>,
    /// Conflicts then Breaks, with the field name.
    pub negative: Vec<(&'static str, Dep<'u>)>,
}

/// Why a package could not be installed.
#[derive(Debug, Clone)]
pub(crate) enum Failure {
    NoCandidate,
    Unsatisfiable {
        ver: VerId,
        group: String,
        tried: Vec<VerId>,
    },
    Conflict {
        ver: VerId,
        with: VerId,
        field: &'static str,
    },
    TooDeep,
}

/// The marking state, one slot per package name.
pub(crate) struct Solver<'u> {
    pub u: &'u Universe,
    cand: Vec<u32>,
    pub inst: Vec<u32>,
    pub mode_install: Vec<bool>,
    protect: Vec<bool>,
    deps: HashMap<VerId, Rc<VerDeps<'u>>>,
    pub fail: HashMap<PkgId, Failure>,
    rank: HashMap<PkgId, u64>,
    /// Packages marked for install, in marking order (for the reverse-conflict check).
    pub marked: Vec<PkgId>,
}

impl<'u> Solver<'u> {
    pub fn new(u: &'u Universe) -> Solver<'u> {
        let n = u.name_count();
        let mut inst = vec![NONE; n];
        for (&p, &v) in &u.installed {
            inst[p as usize] = v;
        }
        Solver {
            u,
            cand: vec![UNSET; n],
            inst,
            mode_install: vec![false; n],
            protect: vec![false; n],
            deps: HashMap::new(),
            fail: HashMap::new(),
            rank: HashMap::new(),
            marked: Vec::new(),
        }
    }

    pub fn cand(&mut self, p: PkgId) -> u32 {
        let c = self.cand[p as usize];
        if c != UNSET {
            return c;
        }
        let c = self.u.candidate(p).unwrap_or(NONE);
        self.cand[p as usize] = c;
        c
    }

    pub fn set_cand(&mut self, p: PkgId, v: VerId) {
        self.cand[p as usize] = v;
    }

    pub fn current(&self, p: PkgId) -> u32 {
        self.u.installed(p).unwrap_or(NONE)
    }

    /// Whether the candidate is the installed version (same version string).
    fn cand_is_current(&mut self, p: PkgId) -> bool {
        let (c, cur) = (self.cand(p), self.current(p));
        c != NONE && cur != NONE && self.u.ver_str(c) == self.u.ver_str(cur)
    }

    pub fn deps_of(&mut self, v: VerId) -> Result<Rc<VerDeps<'u>>, DepsError> {
        if let Some(d) = self.deps.get(&v) {
            return Ok(d.clone());
        }
        let u = self.u;
        let mut critical = Vec::new();
        for g in u.relations(v, Field::PreDepends)? {
            critical.push((true, g));
        }
        for g in u.relations(v, Field::Depends)? {
            critical.push((false, g));
        }
        let mut negative = Vec::new();
        for (f, name) in [(Field::Conflicts, "Conflicts"), (Field::Breaks, "Breaks")] {
            for g in u.relations(v, f)? {
                negative.extend(g.into_iter().map(|d| (name, d)));
            }
        }
        let d = Rc::new(VerDeps { critical, negative });
        self.deps.insert(v, d.clone());
        Ok(d)
    }

    fn qual_ok(&self, d: &Dep<'_>) -> bool {
        match d.arch_qual {
            None | Some("any") | Some("native") => true,
            Some(a) => a == self.u.arch(),
        }
    }

    fn ver_ok(&self, v: VerId, d: &Dep<'_>) -> bool {
        match d.constraint {
            None => true,
            Some((op, want)) => op.holds(self.u.ver_str(v), want),
        }
    }

    fn prov_ok(pver: Option<&str>, d: &Dep<'_>) -> bool {
        match d.constraint {
            None => true,
            Some((op, want)) => pver.is_some_and(|pv| op.holds(pv, want)),
        }
    }

    /// Whether the install state satisfies one alternative.
    pub fn satisfied(&self, d: &Dep<'_>) -> Option<VerId> {
        let t = self.u.find(d.name)?;
        let tv = self.inst[t as usize];
        if tv != NONE && self.qual_ok(d) && self.ver_ok(tv, d) {
            return Some(tv);
        }
        self.u.providers_of(t).find_map(|(pv, pver)| {
            let owner = self.u.rec(pv).name;
            (self.inst[owner as usize] == pv && Self::prov_ok(pver, d)).then_some(pv)
        })
    }

    fn group_satisfied(&self, g: &[Dep<'_>]) -> bool {
        g.iter().any(|d| self.satisfied(d).is_some())
    }

    /// Whether candidates could satisfy one alternative (apt's `DepCVer`).
    fn cand_satisfiable(&mut self, d: &Dep<'_>) -> bool {
        !self.solutions_for(d).is_empty()
    }

    /// The candidate versions satisfying one alternative: the target's, then providers'.
    fn solutions_for(&mut self, d: &Dep<'_>) -> Vec<VerId> {
        let Some(t) = self.u.find(d.name) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let tv = self.cand(t);
        if tv != NONE && self.qual_ok(d) && self.ver_ok(tv, d) {
            out.push(tv);
        }
        let u = self.u;
        for (pv, pver) in u.providers_of(t) {
            let owner = u.rec(pv).name;
            if self.cand(owner) == pv && Self::prov_ok(pver, d) {
                out.push(pv);
            }
        }
        out
    }

    /// apt's `getAllPossibleSolutions`: per alternative, candidates sorted by
    /// `CompareProviders`; installed ones first overall; adjacent duplicates removed.
    fn all_solutions(&mut self, g: &[Dep<'_>]) -> Vec<VerId> {
        let (mut upgrade, mut new) = (Vec::new(), Vec::new());
        for d in g {
            let mut list = self.solutions_for(d);
            if list.len() > 1 {
                let target = self.u.find(d.name).unwrap_or(NONE);
                self.sort_providers(&mut list, target);
            }
            for v in list {
                if self.current(self.u.rec(v).name) != NONE {
                    upgrade.push(v);
                } else {
                    new.push(v);
                }
            }
        }
        upgrade.extend(new);
        upgrade.dedup();
        upgrade
    }

    /// Sorts by apt's `CompareProviders` (best first).
    fn sort_providers(&mut self, list: &mut [VerId], target: PkgId) {
        let key = |s: &Solver<'_>, v: VerId| {
            let r = s.u.rec(v);
            let p = r.name;
            (
                !s.protect[p as usize],
                s.current(p) == NONE,
                p != target,
                r.flags & ESSENTIAL == 0,
                r.flags & IMPORTANT == 0,
                r.priority,
            )
        };
        let keys: Vec<_> = list.iter().map(|&v| key(self, v)).collect();
        let tie = (0..keys.len()).any(|i| (i + 1..keys.len()).any(|j| keys[i] == keys[j]));
        if tie {
            let names: Vec<PkgId> = list.iter().map(|&v| self.u.rec(v).name).collect();
            self.ensure_ranks(&names);
        }
        let rank = |s: &Solver<'_>, v: VerId| {
            let p = s.u.rec(v).name;
            std::cmp::Reverse(s.rank.get(&p).copied().unwrap_or(u64::MAX))
        };
        list.sort_by(|&a, &b| {
            key(self, a)
                .cmp(&key(self, b))
                .then_with(|| rank(self, a).cmp(&rank(self, b)))
        });
    }

    /// Computes apt's cache order for the given names (where missing).
    pub fn ensure_ranks(&mut self, names: &[PkgId]) {
        let missing: Vec<PkgId> = names
            .iter()
            .copied()
            .filter(|p| !self.rank.contains_key(p))
            .collect();
        if missing.is_empty() {
            return;
        }
        for (p, r) in missing.iter().zip(self.u.first_mentions(&missing)) {
            self.rank.insert(*p, r);
        }
    }

    pub fn rank_of(&self, p: PkgId) -> u64 {
        self.rank.get(&p).copied().unwrap_or(u64::MAX)
    }

    /// apt's `InstBroken`: marked, with a critical dependency the install state misses.
    pub fn inst_broken(&mut self, p: PkgId) -> Result<bool, DepsError> {
        let v = self.inst[p as usize];
        if v == NONE {
            return Ok(false);
        }
        let deps = self.deps_of(v)?;
        Ok(deps.critical.iter().any(|(_, g)| !self.group_satisfied(g)))
    }

    /// The first version in the install state hit by `v`'s Conflicts/Breaks, or whose own
    /// Conflicts/Breaks hit `v`.
    fn conflict_with(&mut self, v: VerId) -> Result<Option<(VerId, &'static str)>, DepsError> {
        let p = self.u.rec(v).name;
        let deps = self.deps_of(v)?;
        for (field, d) in &deps.negative {
            if let Some(hit) = self.hit(d, p) {
                return Ok(Some((hit, field)));
            }
        }
        let installed: Vec<VerId> = self.u.installed.values().copied().collect();
        let marked: Vec<VerId> = self.marked.iter().map(|&q| self.inst[q as usize]).collect();
        for w in marked.into_iter().chain(installed) {
            let q = self.u.rec(w).name;
            if w == NONE || q == p || self.inst[q as usize] != w {
                continue;
            }
            let wd = self.deps_of(w)?;
            for (field, d) in &wd.negative {
                if self.version_hits(d, v, q) {
                    return Ok(Some((w, field)));
                }
            }
        }
        Ok(None)
    }

    /// Whether negative dependency `d` of package `owner` matches version `v`.
    fn version_hits(&self, d: &Dep<'_>, v: VerId, owner: PkgId) -> bool {
        let p = self.u.rec(v).name;
        if p == owner {
            return false;
        }
        if self.u.name(p) == d.name && self.ver_ok(v, d) {
            return true;
        }
        let Some(t) = self.u.find(d.name) else {
            return false;
        };
        self.u
            .providers_of(t)
            .any(|(pv, pver)| pv == v && Self::prov_ok(pver, d))
    }

    /// The installed or marked version that negative dependency `d` of `owner` matches.
    fn hit(&self, d: &Dep<'_>, owner: PkgId) -> Option<VerId> {
        let t = self.u.find(d.name)?;
        let tv = self.inst[t as usize];
        if t != owner && tv != NONE && self.ver_ok(tv, d) {
            return Some(tv);
        }
        self.u.providers_of(t).find_map(|(pv, pver)| {
            let q = self.u.rec(pv).name;
            (q != owner && self.inst[q as usize] == pv && Self::prov_ok(pver, d)).then_some(pv)
        })
    }

    fn discard_candidate(&mut self, p: PkgId) {
        if !self.protect[p as usize] {
            let cur = self.current(p);
            self.cand[p as usize] = cur;
            if self.mode_install[p as usize] {
                self.mode_install[p as usize] = false;
                self.inst[p as usize] = cur;
            }
        }
    }

    /// apt's `MarkInstall`. Returns whether the package ended up installable.
    pub fn mark_install(
        &mut self,
        p: PkgId,
        auto_inst: bool,
        depth: u32,
        from_user: bool,
    ) -> Result<bool, DepsError> {
        if depth > MAX_DEPTH {
            self.fail.insert(p, Failure::TooDeep);
            return Ok(false);
        }
        let cand = self.cand(p);
        if cand == NONE {
            self.fail.entry(p).or_insert(Failure::NoCandidate);
            return Ok(false);
        }
        let pi = p as usize;
        if !self.protect[pi] && !self.inst_broken(p)? {
            if self.cand_is_current(p) {
                self.inst[pi] = self.current(p);
                return Ok(true);
            } else if self.mode_install[pi] {
                return Ok(true);
            }
        }
        let deps = self.deps_of(cand)?;
        if auto_inst && !self.cand_is_current(p) {
            // apt's IsInstallOkDependenciesSatisfiableByCandidates.
            for (_, g) in &deps.critical {
                let ok = self.group_satisfied(g) || g.iter().any(|d| self.cand_satisfiable(d));
                if !ok {
                    self.fail.insert(
                        p,
                        Failure::Unsatisfiable {
                            ver: cand,
                            group: group_to_string(g),
                            tried: Vec::new(),
                        },
                    );
                    self.discard_candidate(p);
                    return Ok(false);
                }
            }
            if let Some((with, field)) = self.conflict_with(cand)? {
                self.fail.insert(
                    p,
                    Failure::Conflict {
                        ver: cand,
                        with,
                        field,
                    },
                );
                if !from_user {
                    return Ok(false);
                }
            }
        }
        if self.inst[pi] != cand {
            self.inst[pi] = cand;
            self.mode_install[pi] = true;
            self.marked.push(p);
        }
        if from_user {
            self.upgrade_other_binaries(p, depth)?;
        }
        if !auto_inst {
            return Ok(true);
        }
        let already = self.protect[pi];
        self.protect[pi] = true;
        let mut failed = false;
        for (_, g) in &deps.critical {
            if self.group_satisfied(g) {
                continue;
            }
            let solutions = self.all_solutions(g);
            let mut found = false;
            for &sv in &solutions {
                let sp = self.u.rec(sv).name;
                if self.cand(sp) != sv {
                    continue;
                }
                if self.mark_install(sp, true, depth + 1, false)? {
                    found = true;
                    break;
                }
            }
            if !found {
                self.fail.insert(
                    p,
                    Failure::Unsatisfiable {
                        ver: cand,
                        group: group_to_string(g),
                        tried: solutions,
                    },
                );
                failed = true;
                if !already && !from_user {
                    break;
                }
            }
        }
        self.protect[pi] = already;
        if failed && !already && !from_user {
            // apt's MarkInstall_DiscardInstall: unmark and forget the candidate.
            let cur = self.current(p);
            self.inst[pi] = cur;
            self.mode_install[pi] = false;
            self.cand[pi] = cur;
            return Ok(false);
        }
        Ok(!failed)
    }

    /// apt 2.6's `Upgrade-By-Source-Package`: when the user upgrades an installed package,
    /// the other installed binaries of the same source follow to the same source version.
    fn upgrade_other_binaries(&mut self, p: PkgId, depth: u32) -> Result<(), DepsError> {
        let (cur, cand) = (self.current(p), self.inst[p as usize]);
        if cur == NONE || cand == NONE || self.u.ver_str(cur) == self.u.ver_str(cand) {
            return Ok(());
        }
        let u = self.u;
        let (old_src, new_src) = (u.source_of(cur), u.source_of(cand));
        let mut others: Vec<(PkgId, VerId)> = u.installed.iter().map(|(&q, &v)| (q, v)).collect();
        others.sort_unstable();
        for (q, qcur) in others {
            if q == p || self.mode_install[q as usize] || u.source_of(qcur) != old_src {
                continue;
            }
            let qc = self.cand(q);
            if qc != NONE && u.source_of(qc) == new_src && u.ver_str(qc) != u.ver_str(qcur) {
                self.mark_install(q, true, depth + 1, false)?;
            }
        }
        Ok(())
    }
}
