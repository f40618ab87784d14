//! apt's own files, read (never run): which lists it keeps, in which order, at which pin.
//!
//! apt builds its cache from the sources in `sources.list` then `sources.list.d/*`
//! (alphabetically), suites and components in the order written; that order decides ties
//! between otherwise equal providers. A suite whose `Release` says `NotAutomatic: yes`
//! (backports, experimental) is pinned to 1, or 100 with `ButAutomaticUpgrades: yes`, so
//! its versions are not candidates while the main suite has the package.

use std::path::{Path, PathBuf};

/// The default pin of a suite.
pub const DEFAULT_PIN: i32 = 500;

/// One `deb` entry: a URI, a suite and its components.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    pub uri: String,
    pub suite: String,
    pub components: Vec<String>,
}

/// Reads `etc/sources.list` and `etc/sources.list.d/*.{list,sources}` in apt's order.
pub fn read_sources(etc: &Path) -> Vec<SourceEntry> {
    let mut files = vec![etc.join("sources.list")];
    if let Ok(rd) = std::fs::read_dir(etc.join("sources.list.d")) {
        let mut parts: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "list" || x == "sources"))
            .collect();
        parts.sort();
        files.extend(parts);
    }
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        if f.extension().is_some_and(|x| x == "sources") {
            out.extend(parse_deb822_sources(&text));
        } else {
            out.extend(parse_one_line_sources(&text));
        }
    }
    out
}

/// Parses the one-line format: `deb [options] URI SUITE COMPONENT...`.
pub fn parse_one_line_sources(text: &str) -> Vec<SourceEntry> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some(rest) = line.strip_prefix("deb ") else {
            continue;
        };
        let mut rest = rest.trim_start();
        if rest.starts_with('[') {
            rest = rest.split_once(']').map_or("", |(_, r)| r.trim_start());
        }
        let mut words = rest.split_whitespace();
        let (Some(uri), Some(suite)) = (words.next(), words.next()) else {
            continue;
        };
        out.push(SourceEntry {
            uri: uri.to_string(),
            suite: suite.to_string(),
            components: words.map(str::to_string).collect(),
        });
    }
    out
}

/// Parses the deb822 format (`Types:`, `URIs:`, `Suites:`, `Components:`, `Enabled:`).
pub fn parse_deb822_sources(text: &str) -> Vec<SourceEntry> {
    let mut out = Vec::new();
    let stanzas = text.split("\n\n");
    for st in stanzas {
        let get = |key: &str| -> Vec<String> {
            st.lines()
                .filter(|l| !l.starts_with('#'))
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.trim()
                        .eq_ignore_ascii_case(key)
                        .then(|| v.split_whitespace().map(str::to_string).collect())
                })
                .unwrap_or_default()
        };
        let types = get("Types");
        let enabled = get("Enabled");
        if !types.iter().any(|t| t == "deb") || enabled.first().is_some_and(|e| e == "no") {
            continue;
        }
        let comps = get("Components");
        for uri in get("URIs") {
            for suite in get("Suites") {
                out.push(SourceEntry {
                    uri: uri.clone(),
                    suite,
                    components: comps.clone(),
                });
            }
        }
    }
    out
}

/// apt's `URItoFileName`: the scheme and credentials go, `_` becomes `%5f`, `/` becomes `_`.
pub fn uri_to_file_name(uri: &str) -> String {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    rest.trim_end_matches('/')
        .replace('_', "%5f")
        .replace('/', "_")
}

/// The list-file name prefix of `entry`'s suite (`deb.debian.org_debian_dists_bookworm_`).
pub fn suite_prefix(entry: &SourceEntry) -> String {
    format!(
        "{}_dists_{}_",
        uri_to_file_name(&entry.uri),
        entry.suite.trim_end_matches('/').replace('/', "_")
    )
}

/// Orders list files (`*_Packages*` names) as apt reads them; unknown ones go last.
pub fn order_like_apt(files: &mut [(String, String)], sources: &[SourceEntry], arch: &str) {
    let mut wanted: Vec<String> = Vec::new();
    for s in sources {
        let prefix = suite_prefix(s);
        for c in &s.components {
            for a in [arch, "all"] {
                wanted.push(format!("{prefix}{c}_binary-{a}_Packages"));
            }
        }
    }
    files.sort_by_key(|(name, _)| {
        let pos = wanted
            .iter()
            .position(|w| name.starts_with(w.as_str()))
            .unwrap_or(usize::MAX);
        (pos, name.clone())
    });
}

/// The pin apt gives a list file's suite, from the suite's `InRelease` or `Release`
/// beside it (500 when there is none).
pub fn pin_for_list(path: &str) -> i32 {
    release_text(path).map_or(DEFAULT_PIN, |t| pin_from_release(&t))
}

/// What a suite's `Release` file says about it, for `name/release` requests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReleaseInfo {
    pub suite: String,
    pub codename: String,
    pub version: String,
}

impl ReleaseInfo {
    /// Reads the fields from `Release` text (the signed `InRelease` form too).
    pub fn from_text(text: &str) -> ReleaseInfo {
        let get = |key: &str| {
            text.lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    (k == key).then(|| v.trim().to_string())
                })
                .unwrap_or_default()
        };
        ReleaseInfo {
            suite: get("Suite"),
            codename: get("Codename"),
            version: get("Version"),
        }
    }

    /// apt's simple release match: a spec starting with a digit is a release version
    /// (`12`, or a prefix with `*`); else a suite or a codename.
    pub fn matches(&self, spec: &str) -> bool {
        if spec.starts_with(|c: char| c.is_ascii_digit()) {
            return match spec.strip_suffix('*') {
                Some(prefix) => self.version.starts_with(prefix),
                None => self.version == spec,
            };
        }
        !spec.is_empty() && (self.suite == spec || self.codename == spec)
    }
}

/// The `Release` data of a list file's suite, from its `InRelease` or `Release` beside it.
pub fn release_for_list(path: &str) -> Option<ReleaseInfo> {
    let text = release_text(path)?;
    Some(ReleaseInfo::from_text(&text))
}

fn release_text(path: &str) -> Option<String> {
    let p = Path::new(path);
    let dir = p.parent()?;
    let name = p.file_name()?.to_str()?;
    let head = &name[..name.find("_binary-")?];
    let comp = head.rfind('_')?;
    ["InRelease", "Release"].iter().find_map(|release| {
        std::fs::read_to_string(dir.join(format!("{}_{release}", &head[..comp]))).ok()
    })
}

/// The pin a `Release` file implies.
pub fn pin_from_release(text: &str) -> i32 {
    let yes = |key: &str| {
        text.lines().any(|l| {
            l.split_once(':')
                .is_some_and(|(k, v)| k == key && v.trim().eq_ignore_ascii_case("yes"))
        })
    };
    match (yes("NotAutomatic"), yes("ButAutomaticUpgrades")) {
        (true, true) => 100,
        (true, false) => 1,
        _ => DEFAULT_PIN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_source_formats() {
        let one = "deb [arch=amd64 signed-by=/k] http://deb.debian.org/debian bookworm main contrib # x\n# deb http://no/ x y\ndeb-src http://s/ a b\n";
        let e = parse_one_line_sources(one);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].components, vec!["main", "contrib"]);
        let d = "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\n\nTypes: deb-src\nURIs: http://x/\nSuites: s\nComponents: c\n\nTypes: deb\nEnabled: no\nURIs: http://y/\nSuites: s\nComponents: c\n";
        let e = parse_deb822_sources(d);
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].suite, "bookworm-updates");
        assert_eq!(
            suite_prefix(&e[1]),
            "deb.debian.org_debian_dists_bookworm-updates_"
        );
        assert_eq!(
            uri_to_file_name("https://u:p@deb.nodesource.com/node_20.x/"),
            "deb.nodesource.com_node%5f20.x"
        );
    }

    #[test]
    fn orders_and_pins_like_apt() {
        let sources = parse_deb822_sources(
            "Types: deb\nURIs: http://h/d\nSuites: bookworm-backports\nComponents: main\n\nTypes: deb\nURIs: http://h/d\nSuites: bookworm\nComponents: main\n",
        );
        let mut files: Vec<(String, String)> = [
            "h_d_dists_bookworm_main_binary-amd64_Packages.lz4",
            "other_Packages",
            "h_d_dists_bookworm-backports_main_binary-amd64_Packages.lz4",
        ]
        .iter()
        .map(|n| (n.to_string(), n.to_string()))
        .collect();
        order_like_apt(&mut files, &sources, "amd64");
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            names[0],
            "h_d_dists_bookworm-backports_main_binary-amd64_Packages.lz4"
        );
        assert_eq!(names[2], "other_Packages");
        assert_eq!(
            pin_from_release("Origin: Debian\nNotAutomatic: yes\nButAutomaticUpgrades: yes\n"),
            100
        );
        assert_eq!(pin_from_release("NotAutomatic: yes\n"), 1);
        assert_eq!(pin_from_release("Suite: stable\n"), 500);
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("h_d_dists_bp_main_binary-amd64_Packages");
        std::fs::write(
            dir.path().join("h_d_dists_bp_InRelease"),
            "NotAutomatic: yes\n",
        )
        .unwrap();
        assert_eq!(pin_for_list(list.to_str().unwrap()), 1);
        assert_eq!(pin_for_list("/nowhere/Packages"), 500);
    }
}
