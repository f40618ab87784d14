//! The result of a resolution and its three renderings: text, JSON and Graphviz dot.
//!
//! One struct, [`Resolution`], feeds every rendering; JSON is its serde form, so the text
//! and the JSON can never disagree about the data.

use crate::local::Source;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};
use std::fmt::Write as _;

/// The widest a text column grows; a longer entry overflows it instead of widening every
/// row (and `format!` widths are limited to 65,535).
pub const COLUMN: usize = 48;

/// `s` followed by spaces up to `width` characters.
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    let mut out = String::with_capacity(s.len() + width.saturating_sub(n));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(n)));
    out
}

/// One package of the closure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolvedPackage {
    pub name: String,
    pub version: String,
    pub arch: String,
    pub source: Source,
    /// Whether the user asked for it (rather than it being pulled in).
    pub requested: bool,
    /// The packages whose dependencies it satisfies.
    pub pulled_in_by: Vec<String>,
    /// Its position in the install order (0 first).
    pub order: usize,
    /// The archive path (`pool/main/...`), for packages from an index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// The install command, for Pan knowledge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub install: Option<String>,
}

/// A dependency edge of the closure: `from` needs `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// `depends` or `pre-depends`.
    pub kind: &'static str,
    /// The dependency as written (`libssl3 (>= 3.0.0)`).
    pub relation: String,
}

/// A resolved, ordered closure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolution {
    pub arch: String,
    /// The requests, as written.
    pub requests: Vec<String>,
    /// Every package of the closure, in install order (base packages included).
    pub packages: Vec<ResolvedPackage>,
    /// Names of the packages to install, dependencies first (base packages excluded).
    pub order: Vec<String>,
    pub edges: Vec<Edge>,
    /// Dependency cycles (strongly connected components of more than one package).
    pub cycles: Vec<Vec<String>>,
    /// Installed packages (of `--base`) the plan removes, as apt would to resolve a
    /// conflict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

impl Resolution {
    /// The packages to install, in order (everything except the installed base).
    pub fn to_install(&self) -> impl Iterator<Item = &ResolvedPackage> {
        self.packages.iter().filter(|p| p.source != Source::Base)
    }

    /// `name=version` for every package apt must install, in order.
    pub fn apt_specs(&self) -> Vec<String> {
        self.to_install()
            .filter(|p| p.source == Source::Apt)
            .map(|p| format!("{}={}", p.name, p.version))
            .collect()
    }

    /// A package of the closure by name.
    pub fn get(&self, name: &str) -> Option<&ResolvedPackage> {
        self.packages.iter().find(|p| p.name == name)
    }

    /// Why a package is in the closure: for each requested package that pulls it in, the
    /// shortest chain from that request down to it. A requested package answers itself.
    pub fn why(&self, name: &str) -> Vec<Vec<String>> {
        if self.get(name).is_none() {
            return Vec::new();
        }
        // Breadth first from `name` up the reverse edges; `next` leads back down.
        let mut next: HashMap<&str, &str> = HashMap::new();
        let mut queue = VecDeque::from([name]);
        let mut seen = vec![name];
        while let Some(cur) = queue.pop_front() {
            for e in self.edges.iter().filter(|e| e.to == cur) {
                if !seen.contains(&e.from.as_str()) {
                    seen.push(&e.from);
                    next.insert(&e.from, cur);
                    queue.push_back(&e.from);
                }
            }
        }
        let mut chains = Vec::new();
        // In the order of the requests.
        let rank = |n: &str| {
            self.requests
                .iter()
                .position(|r| r == n || r.starts_with(&format!("{n} ")))
                .unwrap_or(usize::MAX)
        };
        let mut roots: Vec<&ResolvedPackage> =
            self.packages.iter().filter(|p| p.requested).collect();
        roots.sort_by_key(|p| rank(&p.name));
        for p in roots {
            if !seen.contains(&p.name.as_str()) {
                continue;
            }
            let mut chain = vec![p.name.clone()];
            let mut cur = p.name.as_str();
            while cur != name {
                cur = next[cur];
                chain.push(cur.to_string());
            }
            chains.push(chain);
        }
        chains
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A human table: order, name, version, arch, source, and what pulled it in. Columns
    /// are as wide as their longest entry, up to [`COLUMN`]; longer entries overflow.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let width = |f: fn(&ResolvedPackage) -> usize, min: usize| {
            self.packages.iter().map(f).max().unwrap_or(min).min(COLUMN)
        };
        let w_name = width(|p| p.name.chars().count(), 4);
        let w_ver = width(|p| p.version.chars().count(), 7);
        let new = self.to_install().count();
        let _ = writeln!(
            out,
            "{} packages to install for {} ({}), {} already installed",
            new,
            self.requests.join(", "),
            self.arch,
            self.packages.len() - new
        );
        for p in &self.packages {
            let why = if p.requested {
                "requested".to_string()
            } else {
                format!("by {}", p.pulled_in_by.join(", "))
            };
            let _ = writeln!(
                out,
                "{:>4}  {}  {}  {}  {}  {}",
                p.order + 1,
                pad(&p.name, w_name),
                pad(&p.version, w_ver),
                pad(&p.arch, 5),
                pad(&p.source.to_string(), 4),
                why
            );
        }
        if !self.removed.is_empty() {
            let _ = writeln!(out, "removes: {}", self.removed.join(", "));
        }
        for c in &self.cycles {
            let _ = writeln!(out, "cycle: {}", c.join(" -> "));
        }
        out
    }

    /// The text answer to `why NAME`.
    pub fn why_text(&self, name: &str) -> String {
        let chains = self.why(name);
        if chains.is_empty() {
            return format!("`{name}` is not part of this installation\n");
        }
        chains.iter().map(|c| c.join(" -> ") + "\n").collect()
    }

    /// Graphviz dot: requested packages bold, base packages grey, Pre-Depends edges bold.
    pub fn to_dot(&self) -> String {
        let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
        let q = |s: &str| format!("\"{}\"", esc(s));
        let mut out = String::from(
            "digraph deps {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n",
        );
        for p in &self.packages {
            // `\n` (backslash, n) is dot's line break inside a label.
            let mut attrs = vec![format!("label=\"{}\\n{}\"", esc(&p.name), esc(&p.version))];
            if p.requested {
                attrs.push("style=bold".into());
            }
            match p.source {
                Source::Base => attrs.push("color=grey, fontcolor=grey".into()),
                Source::Iso | Source::Dir => attrs.push("shape=component".into()),
                Source::Apt => {}
            }
            let _ = writeln!(out, "  {} [{}];", q(&p.name), attrs.join(", "));
        }
        for e in &self.edges {
            let style = if e.kind == "pre-depends" {
                ", style=bold"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {} -> {} [tooltip={}{}];",
                q(&e.from),
                q(&e.to),
                q(&e.relation),
                style
            );
        }
        out.push_str("}\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pkg(name: &str, order: usize, requested: bool, by: &[&str]) -> ResolvedPackage {
        ResolvedPackage {
            name: name.into(),
            version: "1.0".into(),
            arch: "amd64".into(),
            source: if name == "libc6" {
                Source::Base
            } else {
                Source::Apt
            },
            requested,
            pulled_in_by: by.iter().map(|s| s.to_string()).collect(),
            order,
            filename: None,
            install: None,
        }
    }

    fn edge(from: &str, to: &str) -> Edge {
        Edge {
            from: from.into(),
            to: to.into(),
            kind: "depends",
            relation: to.into(),
        }
    }

    fn sample() -> Resolution {
        Resolution {
            arch: "amd64".into(),
            requests: vec!["a".into(), "b".into()],
            packages: vec![
                pkg("libc6", 0, false, &["c"]),
                pkg("c", 1, false, &["a", "b"]),
                pkg("a", 2, true, &[]),
                pkg("b", 3, true, &[]),
            ],
            order: vec!["c".into(), "a".into(), "b".into()],
            edges: vec![edge("a", "c"), edge("b", "c"), edge("c", "libc6")],
            cycles: vec![],
            removed: vec![],
        }
    }

    #[test]
    fn huge_fields_do_not_break_the_table() {
        let mut r = sample();
        r.packages[1].name = "n".repeat(70_000);
        r.packages[1].version = "1".repeat(70_000);
        r.removed = vec!["old".into()];
        let text = r.to_text();
        assert!(text.contains(&"n".repeat(70_000)));
        let line = text.lines().find(|l| l.contains("   3  a ")).unwrap();
        assert!(line.len() < 200, "other rows keep a bounded width: {line}");
        assert!(text.contains("removes: old"), "{text}");
    }

    #[test]
    fn why_lists_one_chain_per_request() {
        let r = sample();
        assert_eq!(
            r.why("libc6"),
            vec![vec!["a", "c", "libc6"], vec!["b", "c", "libc6"]]
        );
        assert_eq!(r.why("a"), vec![vec!["a"]]);
        assert!(r.why("zzz").is_empty());
        assert_eq!(r.why_text("c"), "a -> c\nb -> c\n");
    }

    #[test]
    fn text_and_json_come_from_the_same_data() {
        let r = sample();
        let text = r.to_text();
        assert!(text.starts_with("3 packages to install for a, b (amd64), 1 already installed"));
        assert!(
            text.contains("   2  c      1.0  amd64  apt   by a, b"),
            "{text}"
        );
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["packages"][0]["source"], "base");
        assert_eq!(json["packages"][1]["pulled_in_by"][1], "b");
        assert_eq!(r.apt_specs(), vec!["c=1.0", "a=1.0", "b=1.0"]);
        let dot = r.to_dot();
        assert!(dot.contains("\"a\" -> \"c\""), "{dot}");
        assert!(
            dot.contains("[label=\"a\\n1.0\""),
            "one backslash before n: {dot}"
        );
        assert!(!dot.contains("\\\\n"), "{dot}");
        assert!(dot.contains("color=grey"), "{dot}");
    }
}
