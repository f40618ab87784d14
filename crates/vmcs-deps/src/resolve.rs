//! The marking state of apt 2.6's `pkgDepCache`, mirrored: per package a candidate, an
//! install version and a mode; dependency checks against the now, install and candidate
//! states (apt's `CheckDep`); and the simple marks (keep, delete, candidate changes).
//!
//! `mark.rs` holds `MarkInstall` and `problem.rs` the problem resolver; both work on this
//! [`Solver`]. Package ids are the universe's; an installed version is mapped to the index
//! version with the same version string, as apt merges the two into one cache version.

use crate::error::DepsError;
use crate::index::Field;
use crate::relation::Dep;
use crate::universe::{PkgId, Universe, VerId, ESSENTIAL, HELD, IMPORTANT, LOCAL, NONE};
use std::collections::HashMap;
use std::rc::Rc;

const UNSET: u32 = u32::MAX - 1;
/// apt's depth limit for recursive marking (`IsModeChangeOk`).
pub(crate) const MAX_DEPTH: u32 = 3000;

/// A package's mode in the install state (apt's `ModeKeep`, `ModeInstall`, `ModeDelete`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Keep,
    Install,
    Delete,
}

/// The kinds of relation apt stores, in the order it stores them for a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DepKind {
    PreDepends,
    Depends,
    Conflicts,
    Breaks,
    Recommends,
    Suggests,
    Replaces,
    Enhances,
}

impl DepKind {
    /// The fields a version's dependency list is made of, in apt's order.
    pub const ALL: [DepKind; 8] = [
        DepKind::PreDepends,
        DepKind::Depends,
        DepKind::Conflicts,
        DepKind::Breaks,
        DepKind::Recommends,
        DepKind::Suggests,
        DepKind::Replaces,
        DepKind::Enhances,
    ];

    /// Pre-Depends, Depends, Conflicts and Breaks: what must hold for a package to work.
    pub fn critical(self) -> bool {
        matches!(
            self,
            DepKind::PreDepends | DepKind::Depends | DepKind::Conflicts | DepKind::Breaks
        )
    }

    pub fn negative(self) -> bool {
        matches!(self, DepKind::Conflicts | DepKind::Breaks)
    }

    pub fn field(self) -> Field {
        match self {
            DepKind::PreDepends => Field::PreDepends,
            DepKind::Depends => Field::Depends,
            DepKind::Conflicts => Field::Conflicts,
            DepKind::Breaks => Field::Breaks,
            DepKind::Recommends => Field::Recommends,
            DepKind::Suggests => Field::Suggests,
            DepKind::Replaces => Field::Replaces,
            DepKind::Enhances => Field::Enhances,
        }
    }

    pub fn name(self) -> &'static str {
        self.field().name()
    }
}

/// One dependency (one alternative of an or-group), as apt stores it.
#[derive(Debug, Clone)]
pub(crate) struct DepRec<'u> {
    pub kind: DepKind,
    pub dep: Dep<'u>,
    /// The package named (`NONE` when no index knows the name).
    pub target: PkgId,
    /// Another alternative of the same group follows (apt's `Dep::Or`).
    pub or: bool,
}

/// The parsed dependency list of one version: Pre-Depends, Depends, Conflicts, Breaks
/// (the critical part, which comes first in apt's order too).
pub(crate) struct VerDeps<'u> {
    pub list: Vec<DepRec<'u>>,
}

impl VerDeps<'_> {
    /// The or-groups as inclusive index ranges `(start, end)`.
    pub fn groups(&self) -> Vec<(usize, usize)> {
        groups_of(&self.list)
    }
}

/// The or-groups of a dependency list as inclusive index ranges.
pub(crate) fn groups_of(list: &[DepRec<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, d) in list.iter().enumerate() {
        if !d.or {
            out.push((start, i));
            start = i + 1;
        }
    }
    if start < list.len() {
        out.push((start, list.len() - 1));
    }
    out
}

/// Which version of each package a dependency is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    /// The installed base.
    Now,
    /// The install state being built.
    Install,
    /// The candidates.
    Cand,
}

/// Why a package could not be installed, recorded where apt gives up on it.
#[derive(Debug, Clone)]
pub(crate) enum Failure {
    /// A critical dependency has no candidate that satisfies it.
    Unsatisfiable {
        group: String,
    },
    /// It conflicts with a package that must stay.
    Conflict {
        with: VerId,
        field: &'static str,
    },
    TooDeep,
}

/// The marking state, one slot per package name.
pub(crate) struct Solver<'u> {
    pub u: &'u Universe,
    cand: Vec<u32>,
    status: Vec<i8>,
    pub inst: Vec<u32>,
    pub cur: Vec<u32>,
    pub mode: Vec<Mode>,
    pub protect: Vec<bool>,
    pub auto: Vec<bool>,
    pkg_flags: Vec<u8>,
    deps: HashMap<VerId, Rc<VerDeps<'u>>>,
    rank: HashMap<PkgId, u64>,
    /// Every package with an install version at some point: the base, then marks.
    pub active: Vec<PkgId>,
    active_seen: Vec<bool>,
    pub fail: HashMap<PkgId, Failure>,
    /// Reverse dependencies among installed versions: target -> (parent, index in deps).
    rev_installed: Option<HashMap<PkgId, Vec<(PkgId, usize)>>>,
    /// Installed packages by the source package of their current and candidate versions.
    by_source: Option<HashMap<&'u str, Vec<PkgId>>>,
}

impl<'u> Solver<'u> {
    pub fn new(u: &'u Universe) -> Solver<'u> {
        let n = u.name_count();
        let mut s = Solver {
            u,
            cand: vec![UNSET; n],
            status: vec![0; n],
            inst: vec![NONE; n],
            cur: vec![NONE; n],
            mode: vec![Mode::Keep; n],
            protect: vec![false; n],
            auto: vec![false; n],
            pkg_flags: vec![u8::MAX; n],
            deps: HashMap::new(),
            rank: HashMap::new(),
            active: Vec::new(),
            active_seen: vec![false; n],
            fail: HashMap::new(),
            rev_installed: None,
            by_source: None,
        };
        let mut base: Vec<(PkgId, VerId)> = u.installed.iter().map(|(&p, &v)| (p, v)).collect();
        base.sort_unstable();
        for (p, v) in base {
            // apt merges the installed version with the index version of the same string.
            let same = u.versions_of(p).find(|&w| {
                w != v
                    && u.rec(w).index != LOCAL
                    && !u.is_installed(w)
                    && u.ver_str(w) == u.ver_str(v)
            });
            let v = same.unwrap_or(v);
            s.cur[p as usize] = v;
            s.inst[p as usize] = v;
            s.activate(p);
        }
        s
    }

    fn activate(&mut self, p: PkgId) {
        if !self.active_seen[p as usize] {
            self.active_seen[p as usize] = true;
            self.active.push(p);
        }
    }

    /// Sets the install version (and remembers the package as active).
    pub fn set_inst(&mut self, p: PkgId, v: u32) {
        self.inst[p as usize] = v;
        if v != NONE {
            self.activate(p);
        }
    }

    /// The candidate version (apt's policy; `NONE` when there is none).
    pub fn cand(&mut self, p: PkgId) -> u32 {
        let c = self.cand[p as usize];
        if c != UNSET {
            return c;
        }
        let c = self.u.candidate(p).unwrap_or(NONE);
        let c = if c != NONE
            && self.cur[p as usize] != NONE
            && self.same_ver(c, self.cur[p as usize])
        {
            self.cur[p as usize]
        } else {
            c
        };
        self.cand[p as usize] = c;
        self.status[p as usize] = self.compute_status(p, c);
        c
    }

    fn same_ver(&self, a: VerId, b: VerId) -> bool {
        a == b || self.u.ver_str(a) == self.u.ver_str(b)
    }

    fn compute_status(&self, p: PkgId, cand: u32) -> i8 {
        let cur = self.cur[p as usize];
        if cur == NONE || cand == NONE {
            return 2;
        }
        match crate::version::compare(self.u.ver_str(cand), self.u.ver_str(cur)) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }
    }

    /// apt's `StateCache::Status`: 2 for a new install, else the candidate against current.
    pub fn status(&mut self, p: PkgId) -> i8 {
        self.cand(p);
        self.status[p as usize]
    }

    /// The id apt would use for a version: one per version string of a package.
    pub fn canonical(&mut self, p: PkgId, v: VerId) -> VerId {
        let (c, cur) = (self.cand(p), self.cur[p as usize]);
        for w in [c, cur] {
            if w != NONE && self.u.ver_str(w) == self.u.ver_str(v) {
                return w;
            }
        }
        v
    }

    /// apt's `SetCandidateVersion`.
    pub fn set_cand(&mut self, p: PkgId, v: VerId) {
        let old = self.cand(p);
        if old == v {
            return;
        }
        if old == self.inst[p as usize] && self.mode[p as usize] == Mode::Install {
            self.set_inst(p, v);
        }
        self.cand[p as usize] = v;
        self.status[p as usize] = self.compute_status(p, v);
    }

    /// apt's `MarkInstall_DiscardCandidate`: the candidate becomes the install version
    /// (the status stays what it was).
    pub fn discard_candidate(&mut self, p: PkgId) {
        self.cand(p);
        self.cand[p as usize] = self.inst[p as usize];
    }

    /// Forgets the candidate entirely (apt sets `CandidateVer` to null and updates).
    pub fn drop_candidate(&mut self, p: PkgId) {
        self.cand(p);
        self.cand[p as usize] = NONE;
        self.status[p as usize] = 2;
    }

    pub fn upgradable(&mut self, p: PkgId) -> bool {
        self.status(p) >= 1 && self.cand(p) != NONE
    }

    /// Essential, Important (or Protected) and held flags of a package.
    pub fn flags(&mut self, p: PkgId) -> u8 {
        let f = self.pkg_flags[p as usize];
        if f != u8::MAX {
            return f;
        }
        let u = self.u;
        let mut f = u
            .versions_of(p)
            .fold(0u8, |a, v| a | (u.rec(v).flags & (ESSENTIAL | IMPORTANT)));
        if u.installed(p).is_some_and(|v| u.rec(v).flags & HELD != 0) {
            f |= HELD;
        }
        self.pkg_flags[p as usize] = f;
        f
    }

    pub fn has_versions(&self, p: PkgId) -> bool {
        self.u.versions_of(p).next().is_some()
    }

    /// The parsed critical relations of a version (cached).
    pub fn deps_of(&mut self, v: VerId) -> Result<Rc<VerDeps<'u>>, DepsError> {
        if let Some(d) = self.deps.get(&v) {
            return Ok(d.clone());
        }
        let list = self.parse_deps(v, &DepKind::ALL[..4])?;
        let d = Rc::new(VerDeps { list });
        self.deps.insert(v, d.clone());
        Ok(d)
    }

    /// The parsed relations of the given kinds, in apt's order (not cached).
    pub fn parse_deps(&self, v: VerId, kinds: &[DepKind]) -> Result<Vec<DepRec<'u>>, DepsError> {
        let u = self.u;
        let mut list = Vec::new();
        for &kind in kinds {
            for g in u.relations(v, kind.field())? {
                let n = g.len();
                for (i, dep) in g.into_iter().enumerate() {
                    list.push(DepRec {
                        kind,
                        dep,
                        target: u.find(dep.name).unwrap_or(NONE),
                        or: !kind.negative() && i + 1 < n,
                    });
                }
            }
        }
        Ok(list)
    }

    pub fn qual_ok(&self, d: &Dep<'_>) -> bool {
        match d.arch_qual {
            None | Some("any") | Some("native") => true,
            Some(a) => a == self.u.arch(),
        }
    }

    /// Whether version `v` satisfies the version part of `d` (apt's `IsSatisfied(Ver)`).
    pub fn ver_ok(&self, v: VerId, d: &Dep<'_>) -> bool {
        match d.constraint {
            None => true,
            Some((op, want)) => op.holds(self.u.ver_str(v), want),
        }
    }

    /// Whether a provide (with its version, if any) satisfies `d`.
    pub fn prov_ok(pver: Option<&str>, d: &Dep<'_>) -> bool {
        match d.constraint {
            None => true,
            Some((op, want)) => pver.is_some_and(|pv| op.holds(pv, want)),
        }
    }

    fn state_ver(&mut self, p: PkgId, s: State) -> u32 {
        match s {
            State::Now => self.cur[p as usize],
            State::Install => self.inst[p as usize],
            State::Cand => self.cand(p),
        }
    }

    /// apt's `CheckDep`: the version in state `s` that matches `d` (a dependency of
    /// package `owner`); for Conflicts and Breaks, the version it conflicts with.
    pub fn match_dep(&mut self, owner: PkgId, d: &DepRec<'_>, s: State) -> Option<VerId> {
        let t = d.target;
        if t == NONE {
            return None;
        }
        let neg = d.kind.negative();
        if !(neg && t == owner) {
            let tv = self.state_ver(t, s);
            if tv != NONE && self.qual_ok(&d.dep) && self.ver_ok(tv, &d.dep) {
                return Some(tv);
            }
        }
        let u = self.u;
        for (pv, pver) in u.providers_of(t) {
            let o = u.rec(pv).name;
            if neg && o == owner {
                continue;
            }
            if self.state_ver(o, s) == pv && Self::prov_ok(pver, &d.dep) {
                return Some(pv);
            }
        }
        None
    }

    /// The dependency holds in state `s` (a negative one: nothing conflicts). This is
    /// apt's per-dependency state bit after its inversion for Conflicts and Breaks.
    pub fn dep_ok(&mut self, owner: PkgId, d: &DepRec<'_>, s: State) -> bool {
        self.match_dep(owner, d, s).is_some() != d.kind.negative()
    }

    /// The or-group `list[start..=end]` holds in state `s` (apt's `DepG*` bits).
    pub fn group_ok(
        &mut self,
        owner: PkgId,
        list: &[DepRec<'_>],
        start: usize,
        end: usize,
        s: State,
    ) -> bool {
        if list[end].kind.negative() {
            return (start..=end).all(|i| self.dep_ok(owner, &list[i], s));
        }
        (start..=end).any(|i| self.dep_ok(owner, &list[i], s))
    }

    /// Whether version `v` (of package `p`) has a critical group failing in state `s`.
    fn ver_broken(&mut self, p: PkgId, v: u32, s: State) -> Result<bool, DepsError> {
        if v == NONE {
            return Ok(false);
        }
        let deps = self.deps_of(v)?;
        for (a, b) in deps.groups() {
            if !self.group_ok(p, &deps.list, a, b, s) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// apt's `InstBroken`: the install version misses a critical dependency.
    pub fn inst_broken(&mut self, p: PkgId) -> Result<bool, DepsError> {
        let v = self.inst[p as usize];
        self.ver_broken(p, v, State::Install)
    }

    /// apt's `NowBroken`: the installed version misses a critical dependency now.
    pub fn now_broken(&mut self, p: PkgId) -> Result<bool, DepsError> {
        let v = self.cur[p as usize];
        self.ver_broken(p, v, State::Now)
    }

    /// Whether the candidate's critical dependencies hold in the install state (apt's
    /// `DepCandMin`).
    pub fn cand_deps_ok(&mut self, p: PkgId, v: VerId) -> Result<bool, DepsError> {
        Ok(!self.ver_broken(p, v, State::Install)?)
    }

    /// apt's `BrokenCount`.
    pub fn broken_count(&mut self) -> Result<usize, DepsError> {
        let mut n = 0;
        for i in 0..self.active.len() {
            let p = self.active[i];
            if self.inst_broken(p)? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// apt's `IsModeChangeOk`.
    pub fn mode_change_ok(&mut self, mode: Mode, p: PkgId, depth: u32, from_user: bool) -> bool {
        if depth > MAX_DEPTH {
            self.fail.insert(p, Failure::TooDeep);
            return false;
        }
        if !self.has_versions(p) {
            return false;
        }
        if from_user || self.mode[p as usize] == mode {
            return true;
        }
        if self.protect[p as usize] {
            return false;
        }
        let f = self.flags(p);
        if mode != Mode::Keep && f & HELD != 0 {
            return false;
        }
        !(mode == Mode::Delete && f & (ESSENTIAL | IMPORTANT) != 0)
    }

    /// apt's `MarkKeep`.
    pub fn mark_keep(&mut self, p: PkgId, from_user: bool, depth: u32) -> bool {
        if !self.mode_change_ok(Mode::Keep, p, depth, from_user) {
            return false;
        }
        if self.mode[p as usize] == Mode::Keep {
            return true;
        }
        self.mode[p as usize] = Mode::Keep;
        let cur = self.cur[p as usize];
        self.set_inst(p, cur);
        true
    }

    /// apt's `MarkDelete` (never a purge).
    pub fn mark_delete(&mut self, p: PkgId, depth: u32, from_user: bool) -> bool {
        if !self.mode_change_ok(Mode::Delete, p, depth, from_user) {
            return false;
        }
        let pi = p as usize;
        if self.mode[pi] == Mode::Delete || self.inst[pi] == NONE {
            return true;
        }
        // apt's IsDeleteOkProtectInstallRequests.
        if !from_user
            && self.cur[pi] == NONE
            && self.inst[pi] != NONE
            && self.status(p) == 2
            && !self.auto[pi]
        {
            return false;
        }
        self.mode[pi] = if self.cur[pi] == NONE {
            Mode::Keep
        } else {
            Mode::Delete
        };
        self.inst[pi] = NONE;
        true
    }

    /// apt's `MarkInstall_StateChange`.
    pub fn state_change(&mut self, p: PkgId, from_user: bool) {
        let pi = p as usize;
        let cand = self.cand(p);
        if self.protect[pi] && self.inst[pi] == cand {
            return;
        }
        self.mode[pi] = Mode::Install;
        self.set_inst(p, cand);
        if from_user {
            self.auto[pi] = false;
        } else if self.status(p) == 2 {
            self.auto[pi] = true;
        }
        if cand == self.cur[pi] {
            self.mode[pi] = Mode::Keep;
        }
    }

    /// apt's `MarkInstall_DiscardInstall`.
    pub fn discard_install(&mut self, p: PkgId) {
        let pi = p as usize;
        let cur = self.cur[pi];
        if self.mode[pi] == Mode::Keep && self.inst[pi] == self.cand(p) && self.cand(p) == cur {
            return;
        }
        self.set_inst(p, cur);
        self.mode[pi] = Mode::Keep;
        self.discard_candidate(p);
    }

    /// apt's cache order for some names (computed where missing), to break ties.
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

    /// Reverse dependencies among installed versions: `(parent, index into its deps)`.
    pub fn installed_rdeps(&mut self, target: PkgId) -> Result<Vec<(PkgId, usize)>, DepsError> {
        if self.rev_installed.is_none() {
            let mut map: HashMap<PkgId, Vec<(PkgId, usize)>> = HashMap::new();
            let mut base: Vec<(PkgId, VerId)> = (0..self.cur.len() as PkgId)
                .filter(|&p| self.cur[p as usize] != NONE)
                .map(|p| (p, self.cur[p as usize]))
                .collect();
            // apt prepends reverse dependencies: the last parsed comes first.
            base.sort_by_key(|&(_, v)| std::cmp::Reverse(v));
            for (p, v) in base {
                let deps = self.deps_of(v)?;
                for (i, d) in deps.list.iter().enumerate() {
                    if d.target != NONE {
                        map.entry(d.target).or_default().push((p, i));
                    }
                }
            }
            self.rev_installed = Some(map);
        }
        Ok(self
            .rev_installed
            .as_ref()
            .and_then(|m| m.get(&target).cloned())
            .unwrap_or_default())
    }

    /// Installed packages whose current or candidate version comes from source `src`.
    pub fn installed_of_source(&mut self, src: &str) -> Vec<PkgId> {
        if self.by_source.is_none() {
            let u = self.u;
            let mut map: HashMap<&'u str, Vec<PkgId>> = HashMap::new();
            for p in 0..self.cur.len() as PkgId {
                let cur = self.cur[p as usize];
                if cur == NONE {
                    continue;
                }
                let a = u.source_of(cur).0;
                map.entry(a).or_default().push(p);
                let c = self.cand(p);
                if c != NONE && u.source_of(c).0 != a {
                    map.entry(u.source_of(c).0).or_default().push(p);
                }
            }
            self.by_source = Some(map);
        }
        self.by_source
            .as_ref()
            .and_then(|m| m.get(src).cloned())
            .unwrap_or_default()
    }
}
