//! From requests to an ordered [`Resolution`]: marking, checking, explaining, ordering.
//!
//! The closure becomes a petgraph graph (an edge from each package to what satisfies each
//! of its dependencies). Tarjan's strongly connected components come out dependencies
//! first; inside a cycle, Pre-Depends edges are honoured and names break ties. Failures
//! are explained as chains: `openssh-server 1:9.2p1-2 -> libssl3 (>= 3.0.0) -> no candidate
//! in bookworm/main amd64`.

use crate::error::DepsError;
use crate::local::{Request, Source};
use crate::output::{Edge, Resolution, ResolvedPackage};
use crate::relation::Dep;
use crate::resolve::{Failure, Solver};
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

    fn resolve_here(&self, requests: &[Request]) -> Result<Resolution, DepsError> {
        let mut s = Solver::new(self);
        let mut picked: Vec<(String, PkgId)> = Vec::new();
        for req in requests {
            let (p, v) = s.pick(req)?;
            s.set_cand(p, v);
            s.mark_install(p, false, 0, true)?;
            picked.push((req.to_string(), p));
        }
        // apt-get installs the dependencies of its requests in cache order.
        let mut second: Vec<PkgId> = picked.iter().map(|x| x.1).collect();
        second.dedup();
        if second.len() > 1 {
            s.ensure_ranks(&second);
            second.sort_by_key(|&p| s.rank_of(p));
            second.dedup();
        }
        for p in second {
            if s.inst_broken(p)? {
                s.mark_install(p, true, 0, true)?;
            }
        }
        check(&mut s, &picked)?;
        build(&mut s, &picked)
    }
}

/// Turns unmet requests, broken packages and conflicts into errors.
fn check(s: &mut Solver<'_>, picked: &[(String, PkgId)]) -> Result<(), DepsError> {
    for (req, p) in picked {
        if s.inst[*p as usize] == NONE || s.inst_broken(*p)? {
            return Err(DepsError::Unsatisfiable {
                request: req.clone(),
                chain: explain(s, *p),
            });
        }
    }
    let marked: Vec<PkgId> = s.marked.clone();
    for &p in &marked {
        if s.mode_install[p as usize] && s.inst_broken(p)? {
            let mut chain = explain(s, p);
            let root = picked.first().map(|x| x.0.clone()).unwrap_or_default();
            chain.insert(0, root.clone());
            return Err(DepsError::Unsatisfiable {
                request: root,
                chain,
            });
        }
    }
    for &p in &marked {
        let v = s.inst[p as usize];
        if !s.mode_install[p as usize] || v == NONE {
            continue;
        }
        let deps = s.deps_of(v)?;
        for (field, d) in &deps.negative {
            if let Some(w) = hit_installed(s, d, p) {
                let u = s.u;
                return Err(DepsError::Conflict {
                    a: format!("{} {}", u.ver_name(v), u.ver_str(v)),
                    b: format!("{} {}", u.ver_name(w), u.ver_str(w)),
                    reason: format!("{} {field} `{d}`", u.ver_name(v)),
                    help: Some(
                        "request one side explicitly, or describe an alternative in Pan".into(),
                    ),
                });
            }
        }
    }
    Ok(())
}

fn hit_installed(s: &Solver<'_>, d: &Dep<'_>, owner: PkgId) -> Option<VerId> {
    let u = s.u;
    let t = u.find(d.name)?;
    let tv = s.inst[t as usize];
    let holds = |v: VerId| {
        d.constraint
            .is_none_or(|(op, want)| op.holds(u.ver_str(v), want))
    };
    if t != owner && tv != NONE && holds(tv) {
        return Some(tv);
    }
    u.providers_of(t).find_map(|(pv, pver)| {
        let q = u.rec(pv).name;
        let ok = d
            .constraint
            .is_none_or(|(op, want)| pver.is_some_and(|x| op.holds(x, want)));
        (q != owner && s.inst[q as usize] == pv && ok).then_some(pv)
    })
}

/// Explains why a package could not be installed, one hop per element.
fn explain(s: &mut Solver<'_>, p: PkgId) -> Vec<String> {
    let mut chain = explain_all(s, p);
    // A very long chain keeps its two ends.
    if chain.len() > 16 {
        let cut = chain.len() - 14;
        chain.splice(8..chain.len() - 6, [format!("({cut} more steps)")]);
    }
    chain
}

fn explain_all(s: &mut Solver<'_>, p: PkgId) -> Vec<String> {
    let mut chain = Vec::new();
    let mut seen = vec![p];
    let mut cur = p;
    let u = s.u;
    loop {
        let head = |v: VerId| format!("{} {}", u.ver_name(v), u.ver_str(v));
        match s.fail.get(&cur).cloned() {
            Some(Failure::Unsatisfiable { ver, group, tried }) => {
                chain.push(head(ver));
                chain.push(group.clone());
                let next = tried
                    .iter()
                    .map(|&v| u.rec(v).name)
                    .find(|q| !seen.contains(q) && s.fail.contains_key(q));
                match next {
                    Some(q) => {
                        seen.push(q);
                        cur = q;
                    }
                    None => {
                        chain.push(no_candidate_reason(s, &group));
                        return chain;
                    }
                }
            }
            Some(Failure::Conflict { ver, with, field }) => {
                chain.push(head(ver));
                chain.push(format!("conflicts with {} ({field})", head(with)));
                return chain;
            }
            Some(Failure::TooDeep) => {
                chain.push(u.name(cur).to_string());
                chain.push("dependency chain deeper than 3000".into());
                return chain;
            }
            Some(Failure::NoCandidate) | None => {
                chain.push(u.name(cur).to_string());
                chain.push(format!("no candidate in {}", u.where_label()));
                return chain;
            }
        }
    }
}

/// Why no alternative of a group (as written) has a usable candidate.
fn no_candidate_reason(s: &mut Solver<'_>, group: &str) -> String {
    let u = s.u;
    let names: Vec<&str> = group
        .split(" | ")
        .map(|a| a.split([' ', ':']).next().unwrap_or(a))
        .collect();
    let mut have = Vec::new();
    for n in &names {
        if let Some(id) = u.find(n) {
            let c = s.cand(id);
            if c != NONE {
                have.push(format!("{} {}", n, u.ver_str(c)));
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

/// Builds the ordered result from the final install state.
fn build(s: &mut Solver<'_>, picked: &[(String, PkgId)]) -> Result<Resolution, DepsError> {
    let u = s.u;
    let mut nodes: Vec<PkgId> = s
        .marked
        .iter()
        .copied()
        .filter(|&p| s.mode_install[p as usize] && s.inst[p as usize] != NONE)
        .collect();
    // Marking order: it makes the graph, and so the order, deterministic.
    let mut first_mark: HashMap<PkgId, usize> = HashMap::new();
    for (i, &p) in s.marked.iter().enumerate() {
        first_mark.entry(p).or_insert(i);
    }
    nodes.sort_unstable_by_key(|p| first_mark[p]);
    nodes.dedup();
    let mut g: DiGraph<PkgId, bool> = DiGraph::new();
    let mut ix: HashMap<PkgId, NodeIndex> = HashMap::new();
    for &p in &nodes {
        ix.insert(p, g.add_node(p));
    }
    let mut edges = Vec::new();
    for &p in &nodes {
        let v = s.inst[p as usize];
        let deps = s.deps_of(v)?;
        for (pre, group) in &deps.critical {
            let Some(w) = group.iter().find_map(|d| s.satisfied(d)) else {
                continue;
            };
            let q = u.rec(w).name;
            if q == p {
                continue;
            }
            let qi = *ix.entry(q).or_insert_with(|| g.add_node(q));
            g.update_edge(ix[&p], qi, *pre);
            edges.push(Edge {
                from: u.name(p).to_string(),
                to: u.name(q).to_string(),
                kind: if *pre { "pre-depends" } else { "depends" },
                relation: crate::relation::group_to_string(group),
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
            None if !s.mode_install[p as usize] => Source::Base,
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
