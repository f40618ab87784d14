//! apt 2.6's `pkgProblemResolver::Resolve(true)`, mirrored: score every package of the
//! install state, then, from the highest score down, fix each broken package by keeping,
//! removing or upgrading it or what it depends on, for up to 20 rounds.
//!
//! Deliberate simplifications: packages of equal score are visited in apt's cache order
//! (apt's `std::sort` is not stable, so its order among equal scores is an accident of the
//! sort); a package first marked during a round is visited at the end of that round.

use crate::error::DepsError;
use crate::resolve::{DepKind, DepRec, Mode, Solver, State};
use crate::universe::{PkgId, VerId, ESSENTIAL, IMPORTANT, NONE};

pub(crate) const PROTECTED: u8 = 1;
const PRE_INSTALLED: u8 = 2;
const UPGRADABLE: u8 = 4;
const REINSTATE_TRIED: u8 = 8;
const TO_REMOVE: u8 = 16;

/// apt's `pkgProblemResolver::Scores` weights for each relation kind.
fn dep_weight(k: DepKind) -> i32 {
    match k {
        DepKind::Depends | DepKind::PreDepends | DepKind::Recommends => 1,
        DepKind::Conflicts | DepKind::Breaks => -1,
        DepKind::Suggests | DepKind::Replaces | DepKind::Enhances => 0,
    }
}

/// Score of a priority (`PrioMap`, indexed by apt's `VerPriority`: none, required ... extra).
const PRIO: [i32; 6] = [0, 3, 2, 1, -1, -2];

#[derive(Clone, Copy, PartialEq, Eq)]
enum OrOp {
    Remove,
    Keep,
}

/// The resolver's own state: flags and scores per package.
pub(crate) struct Fixer {
    pub flags: Vec<u8>,
    scores: Vec<i32>,
    /// apt's `Garbage` state as of the last sweep (before the resolver runs).
    pub garbage: Vec<bool>,
}

impl Fixer {
    pub fn new(n: usize) -> Fixer {
        Fixer {
            flags: vec![0; n],
            scores: vec![0; n],
            garbage: vec![false; n],
        }
    }

    /// apt's `Fix->Protect`: the resolver must not change the package (the caller also
    /// marks it protected in the solver).
    pub fn protect(&mut self, p: PkgId) {
        self.flags[p as usize] = (self.flags[p as usize] & !TO_REMOVE) | PROTECTED;
    }
}

impl Solver<'_> {
    /// apt's `MakeScores`.
    fn make_scores(&mut self, fix: &mut Fixer) -> Result<(), DepsError> {
        let n = fix.scores.len();
        fix.scores = vec![0; n];
        let active: Vec<PkgId> = self.active.clone();
        for &i in &active {
            let iv = self.inst[i as usize];
            if iv == NONE {
                continue;
            }
            let mut score = 0;
            if self.flags(i) & (ESSENTIAL | IMPORTANT) != 0 {
                score += 100;
            }
            let prio = self.u.rec(iv).priority as usize;
            score += if prio <= 5 && self.u.downloadable(iv) {
                PRIO[prio]
            } else {
                PRIO[5]
            };
            let cand = self.cand(i);
            if self.cur[i as usize] != NONE && cand != NONE && self.u.downloadable(cand) {
                score += 1;
            }
            fix.scores[i as usize] += score;
            let deps = self.parse_deps(iv, &DepKind::ALL)?;
            for d in &deps {
                let w = dep_weight(d.kind);
                let t = d.target;
                if w == 0 || t == NONE {
                    continue;
                }
                let neg = d.kind.negative();
                if !(neg && t == i) {
                    if d.dep.constraint.is_some() {
                        let tv = self.inst[t as usize];
                        if tv == NONE || !self.ver_ok(tv, &d.dep) {
                            continue;
                        }
                    }
                    fix.scores[t as usize] += w;
                }
                let mut providers: Vec<PkgId> = Vec::new();
                for (pv, pver) in self.u.providers_of(t) {
                    let o = self.u.rec(pv).name;
                    if (neg && o == i)
                        || self.inst[o as usize] != pv
                        || !Self::prov_ok(pver, &d.dep)
                    {
                        continue;
                    }
                    providers.push(o);
                }
                providers.sort_unstable();
                providers.dedup();
                for o in providers {
                    fix.scores[o as usize] += w;
                }
            }
        }
        let old = fix.scores.clone();
        // One level of inheritance: a package gains the scores of what depends on it.
        for &q in &active {
            let qv = self.inst[q as usize];
            if qv == NONE || old[q as usize] <= 0 {
                continue;
            }
            let kinds = [DepKind::PreDepends, DepKind::Depends, DepKind::Recommends];
            for d in self.parse_deps(qv, &kinds)? {
                if d.target != NONE && self.inst[d.target as usize] != NONE {
                    fix.scores[d.target as usize] += old[q as usize];
                }
            }
        }
        // Along provides: providers of important packages become important.
        let mut changed: Vec<PkgId> = (0..n as PkgId)
            .filter(|&p| fix.scores[p as usize] != old[p as usize])
            .collect();
        changed.sort_unstable();
        for i in changed {
            let transfer = (fix.scores[i as usize] - old[i as usize]).abs();
            let mut providers: Vec<PkgId> = self
                .u
                .providers_of(i)
                .filter(|&(pv, _)| self.inst[self.u.rec(pv).name as usize] == pv)
                .map(|(pv, _)| self.u.rec(pv).name)
                .collect();
            providers.sort_unstable();
            providers.dedup();
            for o in providers {
                fix.scores[o as usize] += transfer;
            }
        }
        for &i in &active {
            if fix.flags[i as usize] & PROTECTED != 0 {
                fix.scores[i as usize] += 10000;
            }
            if self.flags(i) & (ESSENTIAL | IMPORTANT) != 0 {
                fix.scores[i as usize] += 5000;
            }
        }
        Ok(())
    }

    /// apt's `SmartTargetPkg`: the target, or for a purely virtual one its first provider.
    fn smart_target(&self, owner: PkgId, d: &DepRec<'_>) -> PkgId {
        let t = d.target;
        if t == NONE || self.has_versions(t) {
            return t;
        }
        self.u
            .providers_of(t)
            .map(|(pv, _)| self.u.rec(pv).name)
            .find(|&o| o != owner)
            .unwrap_or(t)
    }

    /// apt's `AllTargets`: every version (not only candidates) that satisfies `d`: the
    /// target's versions, highest first, then the providers'.
    fn all_targets(&mut self, owner: PkgId, d: &DepRec<'_>) -> Vec<VerId> {
        let t = d.target;
        let mut out: Vec<VerId> = Vec::new();
        if t == NONE {
            return out;
        }
        let neg = d.kind.negative();
        if !(neg && t == owner) && self.qual_ok(&d.dep) {
            let mut vers: Vec<VerId> = self
                .u
                .versions_of(t)
                .filter(|&v| self.ver_ok(v, &d.dep))
                .collect();
            vers.sort_by(|&a, &b| crate::version::compare(self.u.ver_str(b), self.u.ver_str(a)));
            for v in vers {
                let v = self.canonical(t, v);
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
        for (pv, pver) in self.u.providers_of(t) {
            let o = self.u.rec(pv).name;
            if (neg && o == owner) || !Self::prov_ok(pver, &d.dep) {
                continue;
            }
            let pv = self.canonical(o, pv);
            if !out.contains(&pv) {
                out.push(pv);
            }
        }
        out
    }

    /// apt's `pkgProblemResolver::DoUpgrade`.
    fn do_upgrade(&mut self, p: PkgId, fix: &mut Fixer) -> Result<bool, DepsError> {
        if p == NONE {
            return Ok(false);
        }
        let pi = p as usize;
        if fix.flags[pi] & UPGRADABLE == 0 || !self.upgradable(p) || fix.flags[pi] & PROTECTED != 0
        {
            return Ok(false);
        }
        fix.flags[pi] &= !UPGRADABLE;
        let was_kept = self.mode[pi] == Mode::Keep;
        if !self.mark_install(p, false, 0, false)? {
            return Ok(false);
        }
        let iv = self.inst[pi];
        if iv == NONE {
            return Ok(false);
        }
        let deps = self.deps_of(iv)?;
        let list = &deps.list;
        let mut fail = false;
        for (a, b) in deps.groups() {
            if !list[b].kind.critical() {
                continue;
            }
            let mut st = a;
            loop {
                if self.group_ok(p, list, a, b, State::Install) {
                    break;
                }
                let q = self.smart_target(p, &list[st]);
                if q != NONE && self.protect[q as usize] {
                    fail = true;
                } else if self.dep_ok(p, &list[st], State::Cand) {
                    if !self.do_upgrade(q, fix)? {
                        fail = true;
                    } else {
                        fail = false;
                        break;
                    }
                } else {
                    if list[st].kind.negative() {
                        break;
                    }
                    fail = true;
                }
                if st == b {
                    break;
                }
                st += 1;
            }
            if fail {
                break;
            }
        }
        if fail {
            if was_kept {
                self.mark_keep(p, false, 0);
            } else {
                self.mark_delete(p, 0, false);
            }
            return Ok(false);
        }
        Ok(true)
    }

    /// The packages in apt's visiting order: score, highest first; equal scores in cache
    /// order.
    fn visit_order(&mut self, fix: &Fixer) -> Vec<PkgId> {
        let mut list: Vec<PkgId> = self.active.clone();
        for (p, &sc) in fix.scores.iter().enumerate() {
            if sc != 0 && self.inst[p] == NONE {
                list.push(p as PkgId);
            }
        }
        list.sort_unstable();
        list.dedup();
        list.sort_by_key(|&p| std::cmp::Reverse(fix.scores[p as usize]));
        let mut i = 0;
        while i < list.len() {
            let sc = fix.scores[list[i] as usize];
            let j = (i..list.len())
                .find(|&j| fix.scores[list[j] as usize] != sc)
                .unwrap_or(list.len());
            if j - i > 1 {
                let run: Vec<PkgId> = list[i..j].to_vec();
                self.ensure_ranks(&run);
                list[i..j].sort_by_key(|&p| self.rank_of(p));
            }
            i = j;
        }
        list
    }

    /// apt's `pkgProblemResolver::ResolveInternal(true)`. Returns whether nothing is left
    /// broken.
    pub fn resolve_problems(&mut self, fix: &mut Fixer) -> Result<bool, DepsError> {
        loop {
            let mut again = false;
            let mut k = 0;
            while k < self.active.len() {
                let i = self.active[k];
                k += 1;
                let ii = i as usize;
                if self.mode[ii] == Mode::Install {
                    fix.flags[ii] |= PRE_INSTALLED;
                } else {
                    if self.inst_broken(i)? {
                        self.mark_install(i, false, 0, false)?;
                        if self.mode[ii] == Mode::Install {
                            again = true;
                        }
                    }
                    fix.flags[ii] &= !PRE_INSTALLED;
                }
            }
            if !again {
                break;
            }
        }
        for f in fix.flags.iter_mut() {
            *f |= UPGRADABLE;
        }
        self.make_scores(fix)?;
        let mut plist = self.visit_order(fix);
        let mut in_list = vec![false; fix.flags.len()];
        for &p in &plist {
            in_list[p as usize] = true;
        }
        let mut seen = self.active.len();
        let mut change = true;
        let mut counter = 0;
        while counter < 20 && change {
            change = false;
            let mut k = 0;
            loop {
                if k == plist.len() {
                    // Packages first marked during this round: visited last.
                    for &p in &self.active[seen..] {
                        if !in_list[p as usize] {
                            in_list[p as usize] = true;
                            plist.push(p);
                        }
                    }
                    seen = self.active.len();
                    if k == plist.len() {
                        break;
                    }
                }
                let i = plist[k];
                k += 1;
                self.investigate(i, fix, counter, &mut change)?;
            }
            counter += 1;
        }
        Ok(self.broken_count()? == 0)
    }

    /// One package of a round: try to re-instate it, then fix its broken dependencies.
    fn investigate(
        &mut self,
        i: PkgId,
        fix: &mut Fixer,
        counter: i32,
        change: &mut bool,
    ) -> Result<(), DepsError> {
        let ii = i as usize;
        if self.cand(i) != self.inst[ii]
            && self.cur[ii] != NONE
            && self.inst[ii] != NONE
            && fix.flags[ii] & PRE_INSTALLED != 0
            && !self.protect[ii]
            && fix.flags[ii] & REINSTATE_TRIED == 0
        {
            let old_breaks = self.broken_count()?;
            let old_ver = self.inst[ii];
            // apt writes `Flags &= ReInstateTried`, which clears every flag.
            fix.flags[ii] &= REINSTATE_TRIED;
            self.mark_install(i, false, 0, false)?;
            if self.inst_broken(i)? || old_breaks < self.broken_count()? {
                if old_ver == NONE {
                    self.mark_delete(i, 0, false);
                } else {
                    self.mark_keep(i, false, 0);
                }
            }
        }
        if self.inst[ii] == NONE || !self.inst_broken(i)? {
            return Ok(());
        }
        let deps = self.deps_of(self.inst[ii])?;
        let list = &deps.list;
        let n = list.len();
        let mut kill: Vec<(PkgId, usize, usize)> = Vec::new();
        let (mut d, mut start, mut end, mut gstart) = (0usize, usize::MAX, usize::MAX, 0usize);
        let mut in_or = false;
        let mut old_size = 0;
        let mut or_op = OrOp::Remove;
        while d < n || in_or {
            if start == end {
                if in_or && old_size == kill.len() {
                    if or_op == OrOp::Remove {
                        if !self.protect[ii] {
                            self.mark_delete(i, 0, false);
                            *change = true;
                        }
                    } else {
                        self.mark_keep(i, false, 0);
                        *change = true;
                    }
                }
                in_or = false;
                or_op = OrOp::Remove;
                if d >= n {
                    break;
                }
                gstart = d;
                start = d;
                while list[d].or && d + 1 < n {
                    d += 1;
                }
                end = d;
                d += 1;
                if !list[end].kind.critical() {
                    continue;
                }
                in_or = start != end;
                old_size = kill.len();
            } else {
                start += 1;
                if !list[start].kind.critical() {
                    continue;
                }
            }
            if self.group_ok(i, list, gstart, end, State::Install) {
                in_or = false;
                continue;
            }
            let sd = &list[start];
            let vlist = self.all_targets(i, sd);
            if vlist.is_empty()
                && !self.protect[ii]
                && !sd.kind.negative()
                && !self.now_broken(i)?
            {
                if in_or {
                    continue;
                }
                *change = true;
                self.mark_keep(i, false, 0);
                break;
            }
            let mut done = false;
            for &v in &vlist {
                let q = self.u.rec(v).name;
                let qi = q as usize;
                if self.inst[qi] != v && sd.kind.negative() {
                    continue;
                }
                let now_unsat = self.match_dep(i, sd, State::Now).is_none();
                if fix.scores[ii] <= fix.scores[qi] || (now_unsat && !list[end].kind.negative()) {
                    if self.protect[ii] {
                        if self.do_upgrade(q, fix)? {
                            if fix.scores[qi] > fix.scores[ii] {
                                fix.scores[qi] = fix.scores[ii];
                            }
                            break;
                        }
                        continue;
                    }
                    let installed = self.mode[ii] == Mode::Install;
                    self.mark_keep(i, false, 0);
                    if !self.inst_broken(i)? {
                        if or_op == OrOp::Remove {
                            or_op = OrOp::Keep;
                        }
                        if in_or && installed {
                            self.mark_install(i, false, 0, false)?;
                        }
                    } else if !self.do_upgrade(i, fix)? {
                        let t = sd.target;
                        if !in_or || fix.garbage[ii] {
                            self.mark_delete(i, 0, false);
                            if counter > 1 && fix.scores[qi] > fix.scores[ii] {
                                fix.scores[ii] = fix.scores[qi];
                            }
                        } else if t != NONE
                            && self.cur[t as usize] == NONE
                            && self.mode[t as usize] != Mode::Delete
                            && fix.flags[t as usize] & TO_REMOVE == 0
                            && self.cand(t) != NONE
                        {
                            let old_broken = self.broken_count()?;
                            self.mark_install(t, true, 1, false)?;
                            if self.inst_broken(t)? || self.broken_count()? > old_broken {
                                self.mark_delete(t, 1, false);
                            }
                        }
                    }
                    *change = true;
                    done = true;
                    break;
                }
                if sd.kind == DepKind::Breaks && self.group_ok(i, list, gstart, end, State::Cand) {
                    self.mark_install(q, false, 0, false)?;
                    continue;
                }
                if self.protect[qi] && self.mode[qi] != Mode::Delete {
                    continue;
                }
                kill.push((q, gstart, end));
                if !sd.kind.negative() {
                    break;
                }
            }
            if vlist.is_empty() && !sd.kind.negative() && !self.protect[ii] {
                let installed = self.mode[ii] == Mode::Install;
                self.mark_keep(i, true, 0);
                if !self.inst_broken(i)? {
                    if or_op == OrOp::Remove {
                        or_op = OrOp::Keep;
                    }
                    if in_or && installed {
                        self.mark_install(i, false, 0, false)?;
                    }
                } else if !in_or {
                    self.mark_delete(i, 0, false);
                }
                *change = true;
                done = true;
            }
            if in_or {
                continue;
            }
            if done {
                break;
            }
        }
        if self.inst[ii] != NONE {
            for (q, a, b) in kill {
                let qi = q as usize;
                let mut found = false;
                if !self.group_ok(i, list, a, b, State::Now) {
                    if list[b].kind.negative() && self.mark_delete(q, 0, false) {
                        found = true;
                    }
                } else if self.mark_keep(q, false, 0) {
                    found = true;
                }
                if (!found || counter > 1) && fix.scores[ii] > fix.scores[qi] {
                    fix.scores[qi] = fix.scores[ii];
                    *change = true;
                }
                if found {
                    *change = true;
                }
            }
        }
        Ok(())
    }
}
