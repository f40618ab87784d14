//! The full comparison of `vmcs deps` with `apt-get -s install --no-install-recommends`:
//! hundreds of requests (random single packages, random pairs, the known-hard ones, and
//! requests on top of this machine's dpkg status as `--base`), each resolved by vmcs in
//! process and simulated by apt-get on the same lists; prints one line per request and the
//! agreement count. Two requests agree when both fail, or both succeed with the same
//! installed (package, version) set and the same removals.
//!
//! ```sh
//! cargo run --release -p vmcs-deps --example apt_agreement -- [--singles 150] [--pairs 100]
//!     [--base 40] [--seed 13] [--jobs 2] [--verbose]
//! ```
//!
//! Differences listed in `tests/data/apt_known_differences.txt` are counted apart, with
//! their reason. The fast subset of these requests runs as the `apt_closure` test.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use vmcs_deps::{Request, Universe};

/// Requests that once disagreed with apt (issue 13), resolved from an empty status.
const HARD: &[&str] = &[
    "libreoffice",
    "libreoffice-writer",
    "jodconverter",
    "elogind tomcat10",
    "tomcat10 elogind",
    "exim4 postfix",
    "postfix exim4",
    "exim4",
    "curl:amd64",
    "curl/bookworm",
    "libssl3/bookworm-security",
    "curl/bookworm-security",
    "default-mta",
    "mail-transport-agent",
    "systemd-sysv sysvinit-core",
    "sysvinit-core",
    "network-manager ifupdown",
    "pulseaudio pipewire-pulse",
    "xserver-xorg-core",
    "gnome-core",
    "kde-plasma-desktop",
];

/// Requests that once disagreed with apt, resolved on top of this machine's status.
const HARD_BASE: &[&str] = &["libgbm-dev", "apt-utils", "libgbm-dev mesa-va-drivers"];

#[derive(Clone)]
struct Case {
    kind: &'static str,
    request: String,
    base: bool,
}

/// What one side does for a request: install and remove sets, or an error.
type Outcome = Result<(BTreeSet<(String, String)>, BTreeSet<String>), String>;

struct Options {
    singles: usize,
    pairs: usize,
    base: usize,
    seed: u64,
    jobs: usize,
    verbose: bool,
}

fn options() -> Options {
    let mut o = Options {
        singles: 150,
        pairs: 100,
        base: 40,
        seed: 13,
        jobs: 2,
        verbose: false,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let num = |i: usize| -> u64 {
            args.get(i + 1)
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{} needs a number", args[i]))
        };
        match args[i].as_str() {
            "--singles" => o.singles = num(i) as usize,
            "--pairs" => o.pairs = num(i) as usize,
            "--base" => o.base = num(i) as usize,
            "--seed" => o.seed = num(i),
            "--jobs" => o.jobs = num(i).max(1) as usize,
            "--verbose" => {
                o.verbose = true;
                i += 1;
                continue;
            }
            other => panic!("unknown option `{other}`"),
        }
        i += 2;
    }
    o
}

/// A small deterministic generator (xorshift64*), so a seed names a request list.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

fn data_lines(name: &str) -> Vec<String> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn cases(u: &Universe, o: &Options) -> Vec<Case> {
    let mut out = Vec::new();
    let mut add = |kind: &'static str, request: String, base: bool| {
        if !out
            .iter()
            .any(|c: &Case| c.request == request && c.base == base)
        {
            out.push(Case {
                kind,
                request,
                base,
            });
        }
    };
    for r in HARD {
        add("hard", r.to_string(), false);
    }
    for r in HARD_BASE {
        add("hard-base", r.to_string(), true);
    }
    for r in data_lines("apt_requests.txt") {
        add("listed", r, false);
    }
    for r in data_lines("apt_requests_with_base.txt") {
        add("listed-base", r, true);
    }
    // Real packages with a candidate, in a fixed order.
    let real: Vec<&str> = (0..u.name_count() as u32)
        .filter(|&id| u.candidate(id).is_some())
        .map(|id| u.name(id))
        .collect();
    let mut rng = Rng(o.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    for _ in 0..o.singles {
        add("single", real[rng.next(real.len())].to_string(), false);
    }
    for _ in 0..o.pairs {
        let (a, b) = (real[rng.next(real.len())], real[rng.next(real.len())]);
        add("pair", format!("{a} {b}"), false);
    }
    for _ in 0..o.base {
        add("base", real[rng.next(real.len())].to_string(), true);
    }
    out
}

fn vmcs_side(u: &Universe, request: &str) -> Outcome {
    let reqs = request
        .split_whitespace()
        .map(Request::parse)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let r = u.resolve(&reqs).map_err(|e| e.to_string())?;
    let inst = r
        .to_install()
        .map(|p| (p.name.clone(), p.version.clone()))
        .collect();
    Ok((inst, r.removed.iter().cloned().collect()))
}

fn apt_side(request: &str, status: &Path, cache: &Path) -> Outcome {
    let pkgs: Vec<&str> = request.split_whitespace().collect();
    let out = common::apt_command(status, Some(cache), &pkgs)
        .output()
        .map_err(|e| format!("cannot run apt-get: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err.lines().last().unwrap_or("").to_string());
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    Ok((common::parse_inst(&stdout), common::parse_remv(&stdout)))
}

fn main() {
    let o = options();
    let Some(plain) = common::real_universe() else {
        return;
    };
    let base_status = PathBuf::from("/var/lib/dpkg/status");
    let mut based = common::real_universe().expect("indexes");
    let have_base = base_status.exists() && based.load_status("/var/lib/dpkg/status").is_ok();
    let mut all = cases(&plain, &o);
    if !have_base {
        all.retain(|c| !c.base);
    }
    let known: BTreeMap<(String, String, String), String> = data_lines("apt_known_differences.txt")
        .iter()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            (f.len() == 4).then(|| ((f[0].into(), f[1].into(), f[2].into()), f[3].into()))
        })
        .collect();
    let empty = common::empty_status();
    let caches = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    // Build apt's binary caches once, so parallel runs do not race to write them.
    let _ = apt_side("make", empty.path(), caches.0.path());
    if have_base {
        let _ = apt_side("make", &base_status, caches.1.path());
    }
    eprintln!("{} requests, apt-get on {} threads", all.len(), o.jobs);
    let apt: Mutex<BTreeMap<usize, Outcome>> = Mutex::new(BTreeMap::new());
    let next = Mutex::new(0usize);
    std::thread::scope(|s| {
        for _ in 0..o.jobs {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                let Some(c) = all.get(i) else { break };
                let got = if c.base {
                    apt_side(&c.request, &base_status, caches.1.path())
                } else {
                    apt_side(&c.request, empty.path(), caches.0.path())
                };
                apt.lock().unwrap().insert(i, got);
            });
        }
    });
    let apt = apt.into_inner().unwrap();
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut agree, mut known_only) = (0, 0);
    for (i, c) in all.iter().enumerate() {
        let u = if c.base { &based } else { &plain };
        let ours = vmcs_side(u, &c.request);
        let theirs = &apt[&i];
        let mut diffs: Vec<(String, String, String)> = Vec::new();
        let verdict = match (&ours, theirs) {
            (Err(_), Err(_)) => "both fail".to_string(),
            (Ok((oi, or)), Ok((ti, tr))) => {
                for p in oi.difference(ti) {
                    diffs.push((p.0.clone(), "+".into(), format!("{} {}", p.0, p.1)));
                }
                for p in ti.difference(oi) {
                    diffs.push((p.0.clone(), "-".into(), format!("{} {}", p.0, p.1)));
                }
                for p in or.symmetric_difference(tr) {
                    let side = if or.contains(p) { "+" } else { "-" };
                    diffs.push((p.clone(), side.into(), format!("remove {p}")));
                }
                format!("{} packages", oi.len())
            }
            (Ok(_), Err(e)) => {
                diffs.push(("*".into(), "+".into(), format!("apt fails: {e}")));
                String::new()
            }
            (Err(e), Ok(_)) => {
                diffs.push(("*".into(), "-".into(), format!("vmcs fails: {e}")));
                String::new()
            }
        };
        let entry = by_kind.entry(c.kind).or_default();
        entry.0 += 1;
        let unknown: Vec<&(String, String, String)> = diffs
            .iter()
            .filter(|(p, side, _)| {
                !known.contains_key(&(c.request.clone(), p.clone(), side.clone()))
            })
            .collect();
        let base = if c.base { " (--base)" } else { "" };
        if diffs.is_empty() {
            agree += 1;
            entry.1 += 1;
            if o.verbose {
                println!("agree    {}{base}: {verdict}", c.request);
            }
        } else if unknown.is_empty() {
            known_only += 1;
            println!(
                "known    {}{base}: {} known differences",
                c.request,
                diffs.len()
            );
        } else {
            let list: Vec<String> = diffs
                .iter()
                .map(|(_, side, what)| {
                    let who = if side == "+" { "only vmcs" } else { "only apt" };
                    format!("{who}: {what}")
                })
                .collect();
            println!("DIFFER   {}{base}: {}", c.request, list.join("; "));
        }
    }
    for (kind, (n, a)) in &by_kind {
        println!("  {kind:<12} {a:>4} of {n:>4} agree");
    }
    println!(
        "agreement: {agree} of {} requests agree with apt-get -s ({known_only} differ only as listed in apt_known_differences.txt)",
        all.len()
    );
}
