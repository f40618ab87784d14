//! From requests to an ordered [`Resolution`]: marking, checking, explaining, ordering.
//!
//! The closure becomes a petgraph graph (an edge from each package to what satisfies each
//! of its dependencies). Tarjan's strongly connected components come out dependencies
//! first; inside a cycle, Pre-Depends edges are honoured and names break ties. Failures
//! are explained as chains: `openssh-server 1:9.2p1-2 -> libssl3 (>= 3.0.0) -> no candidate
//! in bookworm/main amd64`.

use crate::error::DepsError;
use crate::local::{Request, Source};
use crate::mark::group_deps;
use crate::output::{Edge, Resolution, ResolvedPackage};
use crate::problem::Fixer;
use crate::relation::group_to_string;
use crate::resolve::{DepKind, Solver, State};
use crate::universe::{PkgId, Universe, VerId, NONE};
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeSet, HashMap};

impl Universe {
    /// Resolves requests against everything loaded, as
    /// `apt-get install --no-install-recommends` would from the loaded base.
    pub fn resolve(&self, requests: &[Request]) -> Result<Resolution, DepsError> {
        // Marking recurses along dependency chains, up to apt's depth limit of 3000: give
        // it a thread with room for that (the stack is reserved, not used, until needed).
        std::thread::scope(|scope| {
            match std::thread::Builder::new()
                .name("vmcs-deps-resolve".into())
                .stack_size(512 << 20)
                .spawn_scoped(scope, || self.resolve_here(requests))
            {
                Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                Err(_) => self.resolve_here(requests),
            }
        })
    }

    /// apt-get's `DoCacheManipulationFromCommandLine` for `install`: each request, in
    /// command-line order, gets its version as candidate and is marked without its
    /// dependencies (protected from the problem resolver); then each, in the same order,
    /// has its dependencies installed; then the problem resolver fixes what is broken.
    fn resolve_here(&self, requests: &[Request]) -> Result<Resolution, DepsError> {
        let mut s = Solver::new(self);
        let mut fix = Fixer::new(self.name_count());
        let mut picked: Vec<(String, PkgId)> = Vec::new();
        let mut by_release: Vec<(VerId, String)> = Vec::new();
        for req in requests {
            let (p, v) = s.pick(req)?;
            if picked.iter().any(|x| x.1 == p) {
                continue;
            }
            s.set_cand(p, v);
            fix.protect(p);
            s.protect[p as usize] = true;
            s.mark_install(p, false, 0, true)?;
            picked.push((req.to_string(), p));
            if let Some(rel) = &req.release {
                by_release.push((v, rel.clone()));
            }
        }
        // apt's propagateReleaseCandidateSwitching.
        let mut changed: Vec<VerId> = by_release.iter().map(|x| x.0).collect();
        for (v, _) in &by_release {
            s.set_cand(self.rec(*v).name, *v);
        }
        for (v, rel) in &by_release {
            s.set_candidate_release(*v, rel, &mut changed)?;
        }
        for &(_, p) in &picked {
            s.mark_install(p, true, 0, true)?;
        }
        if s.broken_count()? != 0 {
            for p in s.garbage()? {
                fix.garbage[p as usize] = true;
            }
            s.resolve_problems(&mut fix)?;
        }
        check(&mut s, &picked)?;
        s.drop_garbage_installs()?;
        check(&mut s, &picked)?;
        build(&mut s, &picked)
    }
}

/// Turns what is left broken into an error that explains it as a chain.
fn check(s: &mut Solver<'_>, picked: &[(String, PkgId)]) -> Result<(), DepsError> {
    for (req, p) in picked {
        if s.inst[*p as usize] == NONE || s.inst_broken(*p)? {
            return Err(crate::explain::failure(s, req, *p, picked));
        }
    }
    for i in 0..s.active.len() {
        let p = s.active[i];
        if s.inst_broken(p)? {
            let root = picked.first().map(|x| x.0.clone()).unwrap_or_default();
            return Err(crate::explain::failure(s, &root, p, picked));
        }
    }
    Ok(())
}

/// Builds the ordered result from the final install state.
fn build(s: &mut Solver<'_>, picked: &[(String, PkgId)]) -> Result<Resolution, DepsError> {
    let u = s.u;
    let changed = |s: &Solver<'_>, p: PkgId| {
        let (v, cur) = (s.inst[p as usize], s.cur[p as usize]);
        v != NONE && v != cur
    };
    // Activation order (the base, then marks): it makes the graph, and the order,
    // deterministic.
    let nodes: Vec<PkgId> = s
        .active
        .iter()
        .copied()
        .filter(|&p| changed(s, p))
        .collect();
    let mut first_mark: HashMap<PkgId, usize> = HashMap::new();
    for (i, &p) in nodes.iter().enumerate() {
        first_mark.insert(p, i);
    }
    let removed: Vec<String> = s
        .active
        .iter()
        .filter(|&&p| s.cur[p as usize] != NONE && s.inst[p as usize] == NONE)
        .map(|&p| u.name(p).to_string())
        .collect();
    let mut g: DiGraph<PkgId, bool> = DiGraph::new();
    let mut ix: HashMap<PkgId, NodeIndex> = HashMap::new();
    for &p in &nodes {
        ix.insert(p, g.add_node(p));
    }
    let mut edges = Vec::new();
    for &p in &nodes {
        let v = s.inst[p as usize];
        let deps = s.deps_of(v)?;
        for (a, b) in deps.groups() {
            let kind = deps.list[a].kind;
            if kind.negative() {
                continue;
            }
            let Some(w) = (a..=b).find_map(|i| s.match_dep(p, &deps.list[i], State::Install))
            else {
                continue;
            };
            let q = u.rec(w).name;
            if q == p {
                continue;
            }
            let pre = kind == DepKind::PreDepends;
            let qi = *ix.entry(q).or_insert_with(|| g.add_node(q));
            g.update_edge(ix[&p], qi, pre);
            edges.push(Edge {
                from: u.name(p).to_string(),
                to: u.name(q).to_string(),
                kind: if pre { "pre-depends" } else { "depends" },
                relation: group_to_string(&group_deps(&deps.list[a..=b])),
            });
        }
    }
    let (order, cycles) = install_order(&g, u, &first_mark);
    let requested: BTreeSet<PkgId> = picked.iter().map(|x| x.1).collect();
    let mut by: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for e in &edges {
        by.entry(e.to.as_str()).or_default().insert(e.from.as_str());
    }
    let mut packages = Vec::new();
    for (i, &n) in order.iter().enumerate() {
        let p = g[n];
        let v = s.inst[p as usize];
        let meta = u.meta(v);
        let local = u.local(v);
        let source = match local {
            Some(l) => l.source,
            None if !changed(s, p) => Source::Base,
            None => Source::Apt,
        };
        let name = u.name(p);
        packages.push(ResolvedPackage {
            name: name.to_string(),
            version: u.ver_str(v).to_string(),
            arch: meta.architecture.to_string(),
            source,
            requested: requested.contains(&p),
            pulled_in_by: by
                .get(name)
                .map(|b| b.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default(),
            order: i,
            filename: meta.filename.map(str::to_string),
            install: local.and_then(|l| l.install.clone()),
        });
    }
    edges.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
    edges.dedup_by(|a, b| a.from == b.from && a.to == b.to);
    Ok(Resolution {
        arch: u.arch().to_string(),
        requests: picked.iter().map(|x| x.0.clone()).collect(),
        order: packages
            .iter()
            .filter(|p| p.source != Source::Base)
            .map(|p| p.name.clone())
            .collect(),
        packages,
        edges,
        cycles,
        removed,
    })
}

/// The install order: strongly connected components (Tarjan) taken dependencies first;
/// among components that are ready at the same time, base packages first, then the one
/// marked first (requests are marked first, as in apt). Also returns the cycles.
fn install_order(
    g: &DiGraph<PkgId, bool>,
    u: &Universe,
    first_mark: &HashMap<PkgId, usize>,
) -> (Vec<NodeIndex>, Vec<Vec<String>>) {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let sccs = tarjan_scc(g);
    let mut comp = vec![0usize; g.node_count()];
    for (i, scc) in sccs.iter().enumerate() {
        for n in scc {
            comp[n.index()] = i;
        }
    }
    // For each component: the components it needs, and those that need it.
    let mut needs: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); sccs.len()];
    let mut needed_by: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); sccs.len()];
    for e in g.raw_edges() {
        let (a, b) = (comp[e.source().index()], comp[e.target().index()]);
        if a != b {
            needs[a].insert(b);
            needed_by[b].insert(a);
        }
    }
    let key = |i: usize| {
        sccs[i]
            .iter()
            .map(|n| first_mark.get(&g[*n]).map_or(0, |m| m + 1))
            .min()
            .unwrap_or(0)
    };
    let mut waiting: Vec<usize> = needs.iter().map(|n| n.len()).collect();
    let mut ready: BinaryHeap<Reverse<(usize, usize)>> = (0..sccs.len())
        .filter(|&i| waiting[i] == 0)
        .map(|i| Reverse((key(i), i)))
        .collect();
    let (mut order, mut cycles) = (Vec::new(), Vec::new());
    while let Some(Reverse((_, i))) = ready.pop() {
        if sccs[i].len() > 1 {
            let mut names: Vec<String> =
                sccs[i].iter().map(|&n| u.name(g[n]).to_string()).collect();
            names.sort();
            cycles.push(names);
        }
        order.extend(order_cycle(g, &sccs[i], u));
        for &j in &needed_by[i] {
            waiting[j] -= 1;
            if waiting[j] == 0 {
                ready.push(Reverse((key(j), j)));
            }
        }
    }
    (order, cycles)
}

/// Orders one cycle: Pre-Depends targets before their dependents, otherwise by name.
fn order_cycle(g: &DiGraph<PkgId, bool>, scc: &[NodeIndex], u: &Universe) -> Vec<NodeIndex> {
    let inside: BTreeSet<NodeIndex> = scc.iter().copied().collect();
    let mut left: Vec<NodeIndex> = scc.to_vec();
    left.sort_by(|a, b| u.name(g[*a]).cmp(u.name(g[*b])));
    let mut out = Vec::new();
    while !left.is_empty() {
        // A node is ready when none of its Pre-Depends inside the cycle is still waiting.
        let ready = left.iter().position(|&n| {
            g.edges(n).all(|e| {
                use petgraph::visit::EdgeRef;
                !*e.weight() || !inside.contains(&e.target()) || !left.contains(&e.target())
            })
        });
        let i = ready.unwrap_or(0);
        out.push(left.remove(i));
    }
    out
}
