//! apt 2.6's `pkgDepCache::MarkInstall` and its helpers, step by step: collect the
//! dependencies, remove or keep what conflicts, upgrade reverse dependencies an upgrade
//! would break, keep binaries of one source package in step (`Upgrade-By-Source-Package`),
//! then install the dependencies depth first, trying each or-group's solutions in apt's
//! `CompareProviders` order.

use crate::error::DepsError;
use crate::relation::{group_to_string, Dep};
use crate::resolve::{DepRec, Failure, Mode, Solver, State};
use crate::universe::{PkgId, VerId, ESSENTIAL, IMPORTANT, NONE};

/// Which versions `getAllPossibleSolutions` collects.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Select {
    Candidate,
    Installed,
    CandAndInst,
}

impl Solver<'_> {
    /// apt's `MarkInstall`. Returns whether the package (and, with `auto_inst`, its
    /// dependencies) could be marked.
    pub fn mark_install(
        &mut self,
        p: PkgId,
        auto_inst: bool,
        depth: u32,
        from_user: bool,
    ) -> Result<bool, DepsError> {
        let pi = p as usize;
        let cand = self.cand(p);
        let protected_keep =
            self.protect[pi] && self.mode[pi] == Mode::Keep && cand != NONE && cand == self.cur[pi];
        if !protected_keep && !self.mode_change_ok(Mode::Install, p, depth, from_user) {
            return Ok(false);
        }
        if cand == NONE {
            return Ok(false);
        }
        if !self.protect[pi] && !self.inst_broken(p)? {
            if cand == self.cur[pi] {
                if self.inst[pi] == NONE {
                    return Ok(self.mark_keep(p, from_user, depth + 1));
                }
                return Ok(true);
            } else if self.mode[pi] == Mode::Install {
                return Ok(true);
            }
        }
        if !self.install_ok(p, auto_inst)? {
            return Ok(false);
        }
        if from_user {
            self.state_change(p, from_user);
        }
        let fail_early = !self.protect[pi] && !from_user;
        let mut has_failed = false;
        let mut to_install: Vec<(VerId, usize)> = Vec::new();
        let mut to_upgrade: Vec<PkgId> = Vec::new();
        let mut delayed_remove: Vec<PkgId> = Vec::new();
        if auto_inst {
            let pv = self.cand(p);
            if pv == NONE {
                return Ok(false);
            }
            let to_remove = self.collect_dependencies(p, pv, &mut to_install)?;
            let protect = self.protect[pi];
            if !self.remove_conflicts(
                p,
                pv,
                depth,
                &to_remove,
                &mut to_upgrade,
                &mut delayed_remove,
                protect,
                from_user,
            )? {
                if fail_early {
                    return Ok(false);
                }
                has_failed = true;
            }
            self.collect_reverse_depends(p, pv, &mut to_upgrade)?;
        }
        if !from_user {
            self.state_change(p, from_user);
        }
        if !auto_inst {
            return Ok(!has_failed);
        }
        // apt's ScopedProtected: the package is protected while its dependencies are marked.
        let already = self.protect[pi];
        self.protect[pi] = true;
        let r = self.mark_install_rest(
            p,
            depth,
            from_user,
            already,
            fail_early,
            has_failed,
            to_install,
            to_upgrade,
            delayed_remove,
        );
        if !already {
            self.protect[pi] = false;
        }
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn mark_install_rest(
        &mut self,
        p: PkgId,
        depth: u32,
        from_user: bool,
        propagate: bool,
        fail_early: bool,
        mut has_failed: bool,
        to_install: Vec<(VerId, usize)>,
        to_upgrade: Vec<PkgId>,
        delayed_remove: Vec<PkgId>,
    ) -> Result<bool, DepsError> {
        let cand = self.cand(p);
        self.upgrade_other_binaries(p, cand, depth)?;
        if !self.upgrade_or_remove(depth, &to_upgrade, propagate, from_user)? {
            if fail_early {
                self.discard_install(p);
                return Ok(false);
            }
            has_failed = true;
        }
        if !self.install_dependencies(p, depth, &to_install, propagate, from_user)? {
            if fail_early {
                self.discard_install(p);
                return Ok(false);
            }
            has_failed = true;
        }
        for r in delayed_remove {
            if !self.mark_delete(r, depth, false) {
                if fail_early {
                    self.discard_install(p);
                    return Ok(false);
                }
                has_failed = true;
            }
        }
        Ok(!has_failed)
    }

    /// apt's `IsInstallOk`: with one architecture, whether the critical dependencies of
    /// the candidate can be satisfied by installed or candidate versions
    /// (`IsInstallOkDependenciesSatisfiableByCandidates`); if not, the candidate is dropped.
    fn install_ok(&mut self, p: PkgId, auto_inst: bool) -> Result<bool, DepsError> {
        let pi = p as usize;
        let cand = self.cand(p);
        if !auto_inst || cand == NONE || cand == self.cur[pi] {
            return Ok(true);
        }
        let deps = self.deps_of(cand)?;
        for (a, b) in deps.groups() {
            let d = &deps.list[a];
            if !d.kind.critical() || d.kind.negative() {
                continue;
            }
            let found = (a..=b).any(|i| {
                self.dep_ok(p, &deps.list[i], State::Install)
                    || self.dep_ok(p, &deps.list[i], State::Cand)
            });
            if found {
                continue;
            }
            self.fail.insert(
                p,
                Failure::Unsatisfiable {
                    group: group_to_string(&group_deps(&deps.list[a..=b])),
                },
            );
            if !self.protect[pi] {
                let cur = self.cur[pi];
                if cur != NONE {
                    self.set_cand(p, cur);
                } else {
                    self.drop_candidate(p);
                }
                if self.mode[pi] != Mode::Delete {
                    self.mode[pi] = Mode::Keep;
                }
            }
            return Ok(false);
        }
        Ok(true)
    }

    /// apt's `MarkInstall_CollectDependencies`: the groups to install (as the index of
    /// their first alternative) and the negative dependencies to act on.
    fn collect_dependencies(
        &mut self,
        p: PkgId,
        pv: VerId,
        to_install: &mut Vec<(VerId, usize)>,
    ) -> Result<Vec<usize>, DepsError> {
        let propagate = self.protect[p as usize];
        let deps = self.deps_of(pv)?;
        let mut to_remove = Vec::new();
        for (a, b) in deps.groups() {
            let found = (a..=b).any(|i| self.dep_ok(p, &deps.list[i], State::Install));
            if found && !propagate {
                continue;
            }
            if deps.list[a].kind.negative() {
                to_remove.push(a);
            } else {
                to_install.push((pv, a));
            }
        }
        Ok(to_remove)
    }

    /// apt's `getAllPossibleSolutions` for the group `list[a..=b]` of package `owner`.
    fn all_solutions(
        &mut self,
        owner: PkgId,
        list: &[DepRec<'_>],
        a: usize,
        b: usize,
        sel: Select,
        sorted: bool,
    ) -> Vec<VerId> {
        let (mut upgrade, mut new) = (Vec::new(), Vec::new());
        for d in &list[a..=b] {
            let mut vers = Vec::new();
            if matches!(sel, Select::Candidate | Select::CandAndInst) {
                self.versions_for(owner, d, State::Cand, &mut vers);
            }
            if matches!(sel, Select::Installed | Select::CandAndInst) {
                self.versions_for(owner, d, State::Now, &mut vers);
            }
            if !sorted {
                upgrade.extend(vers);
                continue;
            }
            if vers.len() > 1 {
                self.sort_providers(&mut vers, d.target);
            }
            for v in vers {
                if self.cur[self.u.rec(v).name as usize] != NONE {
                    upgrade.push(v);
                } else {
                    new.push(v);
                }
            }
        }
        upgrade.extend(new);
        if !sorted {
            upgrade.sort_unstable();
        }
        upgrade.dedup();
        if !list[b].kind.negative() {
            upgrade.retain(|&v| {
                let q = self.u.rec(v).name as usize;
                !(self.protect[q]
                    && (self.mode[q] == Mode::Delete
                        || (self.mode[q] == Mode::Keep && self.cur[q] == NONE)))
            });
        }
        upgrade
    }

    /// apt's `FromDependency` for one dependency: the target's and providers' versions
    /// in state `s` (candidates or installed) that satisfy it.
    fn versions_for(&mut self, owner: PkgId, d: &DepRec<'_>, s: State, out: &mut Vec<VerId>) {
        let t = d.target;
        if t == NONE {
            return;
        }
        let neg = d.kind.negative();
        // apt skips the search when the cached candidate state says there is nothing.
        if s == State::Cand && self.match_dep(owner, d, State::Cand).is_none() {
            return;
        }
        let tv = self.ver_in(t, s);
        if tv != NONE && !(neg && t == owner) && self.qual_ok(&d.dep) && self.ver_ok(tv, &d.dep) {
            out.push(tv);
        }
        let u = self.u;
        for (pv, pver) in u.providers_of(t) {
            let o = u.rec(pv).name;
            if neg && o == owner {
                continue;
            }
            if self.ver_in(o, s) == pv && Self::prov_ok(pver, &d.dep) {
                out.push(pv);
            }
        }
    }

    fn ver_in(&mut self, p: PkgId, s: State) -> u32 {
        match s {
            State::Now => self.cur[p as usize],
            State::Install => self.inst[p as usize],
            State::Cand => self.cand(p),
        }
    }

    /// Sorts versions by apt's `CompareProviders` (best first) for a dependency on `target`.
    pub(crate) fn sort_providers(&mut self, list: &mut [VerId], target: PkgId) {
        let key = |s: &mut Solver<'_>, v: VerId| {
            let r = s.u.rec(v);
            let (p, prio) = (r.name, r.priority);
            let f = s.flags(p);
            (
                !s.protect[p as usize],
                s.cur[p as usize] == NONE,
                p != target,
                f & ESSENTIAL == 0,
                f & IMPORTANT == 0,
                prio,
            )
        };
        let keys: Vec<_> = list.iter().map(|&v| (key(self, v), v)).collect();
        let tie = (0..keys.len()).any(|i| (i + 1..keys.len()).any(|j| keys[i].0 == keys[j].0));
        if tie {
            let names: Vec<PkgId> = list.iter().map(|&v| self.u.rec(v).name).collect();
            self.ensure_ranks(&names);
        }
        let mut keyed: Vec<_> = keys
            .into_iter()
            .map(|(k, v)| {
                let rank = std::cmp::Reverse(self.rank_of(self.u.rec(v).name));
                ((k, rank), v)
            })
            .collect();
        keyed.sort_by_key(|a| a.0);
        for (slot, (_, v)) in list.iter_mut().zip(keyed) {
            *slot = v;
        }
    }

    /// apt's `MarkInstall_RemoveConflictsIfNotUpgradeable`.
    #[allow(clippy::too_many_arguments)]
    fn remove_conflicts(
        &mut self,
        p: PkgId,
        pv: VerId,
        depth: u32,
        to_remove: &[usize],
        to_upgrade: &mut Vec<PkgId>,
        delayed: &mut Vec<PkgId>,
        propagate: bool,
        from_user: bool,
    ) -> Result<bool, DepsError> {
        let deps = self.deps_of(pv)?;
        let mut failed = false;
        let mut bad_candidate: Vec<PkgId> = Vec::new();
        for &i in to_remove {
            let d = &deps.list[i];
            for v in self.all_solutions(p, &deps.list, i, i, Select::Candidate, true) {
                let q = self.u.rec(v).name;
                if self.cand(q) != v {
                    continue;
                }
                if self.cur[q as usize] != v {
                    if self.mode[q as usize] == Mode::Install && !self.mark_keep(q, false, depth) {
                        self.fail.insert(
                            p,
                            Failure::Conflict {
                                with: v,
                                field: d.kind.name(),
                            },
                        );
                        failed = true;
                        if !propagate && !from_user {
                            break;
                        }
                    } else if propagate {
                        self.discard_candidate(q);
                        if self.cur[q as usize] == NONE {
                            self.protect[q as usize] = true;
                        }
                    } else {
                        bad_candidate.push(q);
                    }
                } else if !self.delete_not_upgradeable(q, depth, propagate, delayed) {
                    self.fail.insert(
                        p,
                        Failure::Conflict {
                            with: v,
                            field: d.kind.name(),
                        },
                    );
                    failed = true;
                    if !propagate && !from_user {
                        break;
                    }
                }
            }
            if failed && !propagate && !from_user {
                break;
            }
            for v in self.all_solutions(p, &deps.list, i, i, Select::Installed, true) {
                let q = self.u.rec(v).name;
                let qc = self.cand(q);
                if qc != v && qc != NONE && !bad_candidate.contains(&q) {
                    to_upgrade.push(q);
                } else if qc == self.cur[q as usize] {
                    // already handled by the loop over candidates
                } else if !self.delete_not_upgradeable(q, depth, propagate, delayed) {
                    failed = true;
                    if !propagate && !from_user {
                        break;
                    }
                }
            }
            if failed && !propagate && !from_user {
                break;
            }
        }
        Ok(!failed)
    }

    /// apt's `MarkInstall_MarkDeleteForNotUpgradeable`.
    fn delete_not_upgradeable(
        &mut self,
        q: PkgId,
        depth: u32,
        propagate: bool,
        delayed: &mut Vec<PkgId>,
    ) -> bool {
        if !propagate {
            if self.mode[q as usize] == Mode::Delete {
                return true;
            }
            if !self.mode_change_ok(Mode::Delete, q, depth, false) || !self.delete_ok(q) {
                return false;
            }
            delayed.push(q);
            return true;
        }
        if self.mode[q as usize] != Mode::Delete && !self.mark_delete(q, depth + 1, false) {
            return false;
        }
        self.discard_candidate(q);
        self.protect[q as usize] = true;
        true
    }

    /// apt's `IsDeleteOkProtectInstallRequests` (for a mark not from the user).
    fn delete_ok(&mut self, q: PkgId) -> bool {
        let qi = q as usize;
        !(self.cur[qi] == NONE && self.inst[qi] != NONE && self.status(q) == 2 && !self.auto[qi])
    }

    /// apt's `MarkInstall_CollectReverseDepends`: installed packages whose dependency on
    /// `p` the current version satisfies and the new version `pv` would not.
    fn collect_reverse_depends(
        &mut self,
        p: PkgId,
        pv: VerId,
        to_upgrade: &mut Vec<PkgId>,
    ) -> Result<(), DepsError> {
        let cur = self.cur[p as usize];
        if cur == NONE {
            return Ok(());
        }
        for (parent, i) in self.installed_rdeps(p)? {
            if self.mode[parent as usize] == Mode::Install {
                continue;
            }
            let pcur = self.cur[parent as usize];
            let deps = self.deps_of(pcur)?;
            let d = &deps.list[i];
            if !d.kind.critical() || d.kind.negative() {
                continue;
            }
            let sat = |s: &Solver<'_>, v: VerId| s.qual_ok(&d.dep) && s.ver_ok(v, &d.dep);
            if !sat(self, cur) || sat(self, pv) || to_upgrade.contains(&parent) {
                continue;
            }
            to_upgrade.push(parent);
        }
        Ok(())
    }

    /// apt's `MarkInstall_UpgradeOrRemoveConflicts`.
    fn upgrade_or_remove(
        &mut self,
        depth: u32,
        to_upgrade: &[PkgId],
        propagate: bool,
        from_user: bool,
    ) -> Result<bool, DepsError> {
        let mut failed = false;
        for &q in to_upgrade {
            if self.mode[q as usize] != Mode::Install
                && !self.mark_install(q, true, depth + 1, false)?
            {
                if !self.mark_delete(q, depth + 1, false) {
                    failed = true;
                    if !propagate && !from_user {
                        break;
                    }
                } else if propagate {
                    self.protect[q as usize] = true;
                }
            }
        }
        Ok(!failed)
    }

    /// apt 2.6's `MarkInstall_UpgradeOtherBinaries` (`Upgrade-By-Source-Package`): the
    /// other installed binaries of the candidate's source follow to the same source version.
    fn upgrade_other_binaries(&mut self, p: PkgId, ver: u32, depth: u32) -> Result<(), DepsError> {
        if ver == NONE {
            return Ok(());
        }
        let u = self.u;
        let (src, src_ver) = u.source_of(ver);
        let mut others = Vec::new();
        for q in self.installed_of_source(src) {
            let qi = q as usize;
            let other = self.cand(q);
            if q == p || other == NONE || self.cur[qi] == other {
                continue;
            }
            if self.mode[qi] == Mode::Install && self.inst[qi] == other {
                continue;
            }
            if u.source_of(other) != (src, src_ver) {
                continue;
            }
            others.push(q);
        }
        if others.is_empty() {
            return Ok(());
        }
        if others.len() > 1 {
            self.ensure_ranks(&others);
            others.sort_by_key(|&q| self.rank_of(q));
        }
        for &q in &others {
            self.mark_install(q, false, depth + 1, false)?;
        }
        for &q in &others {
            self.mark_install(q, true, depth + 1, false)?;
        }
        Ok(())
    }

    /// apt's `MarkInstall_InstallDependencies`.
    fn install_dependencies(
        &mut self,
        p: PkgId,
        depth: u32,
        to_install: &[(VerId, usize)],
        propagate: bool,
        from_user: bool,
    ) -> Result<bool, DepsError> {
        let mut failed = false;
        for &(pv, a) in to_install {
            let deps = self.deps_of(pv)?;
            let b = (a..deps.list.len())
                .find(|&i| !deps.list[i].or)
                .unwrap_or(deps.list.len() - 1);
            let found = (a..=b).any(|i| self.dep_ok(p, &deps.list[i], State::Install));
            if found && !propagate {
                continue;
            }
            let critical = deps.list[a].kind.critical();
            if found {
                if !critical {
                    continue;
                }
                let sols = self.all_solutions(p, &deps.list, a, b, Select::CandAndInst, false);
                if sols.len() != 1 {
                    continue;
                }
                let q = self.u.rec(sols[0]).name;
                if self.protect[q as usize] {
                    continue;
                }
                self.protect[q as usize] = true;
                if !self.mark_install(q, true, depth + 1, false)? {
                    failed = true;
                }
                continue;
            }
            let sols = self.all_solutions(p, &deps.list, a, b, Select::Candidate, true);
            let mut solved = false;
            for &v in &sols {
                let q = self.u.rec(v).name;
                if self.cand(q) != v {
                    continue;
                }
                if propagate && critical && sols.len() == 1 {
                    if !self.mark_install(q, false, depth + 1, false)? {
                        continue;
                    }
                    self.protect[q as usize] = true;
                }
                if !self.mark_install(q, true, depth + 1, false)? {
                    continue;
                }
                solved = true;
                break;
            }
            if !solved && critical {
                self.fail
                    .entry(p)
                    .or_insert_with(|| Failure::Unsatisfiable {
                        group: group_to_string(&group_deps(&deps.list[a..=b])),
                    });
                failed = true;
                if !propagate && !from_user {
                    break;
                }
            }
        }
        Ok(!failed)
    }
}

/// The alternatives of a group, for messages.
pub(crate) fn group_deps<'a>(list: &[DepRec<'a>]) -> Vec<Dep<'a>> {
    list.iter().map(|d| d.dep).collect()
}
