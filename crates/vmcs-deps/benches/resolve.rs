//! Benchmark: load the real bookworm indexes and resolve `openssh-server python3 gcc`,
//! side by side with `apt-get -s install --no-install-recommends` of the same packages.
//!
//! Also times `libreoffice` alone, a request that runs apt's problem resolver.
//!
//! Prints wall times and peak RSS for both (ours from `/proc/self/status` `VmHWM`, apt's
//! from `/usr/bin/time`), and whether the two install sets agree. Figures only: nothing here
//! asserts a speed. Run with `cargo bench -p vmcs-deps --bench resolve`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::process::Command;
use std::time::{Duration, Instant};
use vmcs_deps::{Request, Universe};

const REQUEST: [&str; 3] = ["openssh-server", "python3", "gcc"];

fn load_all(indexes: &[String]) -> Universe {
    let mut u = Universe::new("amd64");
    for i in indexes {
        u.load_index(i).expect("index loads");
    }
    u
}

fn requests() -> Vec<Request> {
    REQUEST.iter().map(|r| Request::new(r)).collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Runs apt-get under `/usr/bin/time`; returns wall seconds, peak RSS in KiB and the set.
fn run_apt(cache: Option<&std::path::Path>) -> Option<(f64, u64, common::InstallSet)> {
    let status = common::empty_status();
    let apt = common::apt_command(status.path(), cache, &REQUEST);
    let mut c = Command::new("/usr/bin/time");
    c.arg("-f")
        .arg("@@time %e %M")
        .arg(apt.get_program())
        .args(apt.get_args());
    c.env("LC_ALL", "C");
    let out = c.output().ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.lines().find(|l| l.starts_with("@@time"))?;
    let mut f = line.split_whitespace().skip(1);
    let secs: f64 = f.next()?.parse().ok()?;
    let kib: u64 = f.next()?.parse().ok()?;
    Some((
        secs,
        kib,
        common::parse_inst(&String::from_utf8_lossy(&out.stdout)),
    ))
}

fn main() {
    let Some(indexes) = common::real_indexes() else {
        return;
    };
    // First, once, in a fresh process: what peak memory a full load and resolve needs.
    let t = Instant::now();
    let u = load_all(&indexes);
    let load = t.elapsed();
    let t = Instant::now();
    let r = u.resolve(&requests()).expect("resolves");
    let resolve = t.elapsed();
    let rss = common::peak_rss_kib();
    let ours: BTreeSet<(String, String)> = r
        .to_install()
        .map(|p| (p.name.clone(), p.version.clone()))
        .collect();
    println!("indexes: {}", indexes.join(", "));
    println!(
        "universe: {} names, {} versions",
        u.name_count(),
        u.version_count()
    );
    drop(r);
    drop(u);

    // Then timings, several runs each.
    let main_index = indexes
        .iter()
        .find(|i| vmcs_deps::index_label(i) == "bookworm/main")
        .cloned();
    let mut main_times = Vec::new();
    let mut total_times = Vec::new();
    for _ in 0..7 {
        if let Some(m) = &main_index {
            let t = Instant::now();
            let mut u = Universe::new("amd64");
            u.load_index(m).expect("main index loads");
            main_times.push(t.elapsed());
        }
        let t = Instant::now();
        let u = load_all(&indexes);
        let r = u.resolve(&requests()).expect("resolves");
        total_times.push(t.elapsed());
        assert!(!r.packages.is_empty());
    }
    println!(
        "vmcs first run: load {} + resolve {}",
        ms(load),
        ms(resolve)
    );
    if !main_times.is_empty() {
        println!(
            "vmcs load bookworm/main alone: median {} (min {})",
            ms(median(main_times.clone())),
            ms(*main_times.iter().min().unwrap())
        );
    }
    let vmcs_total = median(total_times.clone());
    println!(
        "vmcs load all + resolve {}: median {} (min {}), peak RSS {:.1} MiB, {} packages",
        REQUEST.join(" "),
        ms(vmcs_total),
        ms(*total_times.iter().min().unwrap()),
        rss as f64 / 1024.0,
        ours.len()
    );

    // A request that needs apt's problem resolver (conflicting alternatives).
    let u = load_all(&indexes);
    let hard = [Request::new("libreoffice")];
    let mut hard_times = Vec::new();
    let mut hard_count = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let r = u.resolve(&hard).expect("libreoffice resolves");
        hard_times.push(t.elapsed());
        hard_count = r.to_install().count();
    }
    println!(
        "vmcs resolve libreoffice (problem resolver): median {} (min {}), {} packages",
        ms(median(hard_times.clone())),
        ms(*hard_times.iter().min().unwrap()),
        hard_count
    );
    drop(u);

    let cache = tempfile::tempdir().expect("temp dir");
    for (label, dir) in [
        ("apt-get -s (cold, no binary cache)", None),
        ("apt-get -s (binary cache built)", Some(cache.path())),
        ("apt-get -s (binary cache warm)", Some(cache.path())),
    ] {
        match run_apt(dir) {
            Some((secs, kib, set)) => {
                println!(
                    "{label}: {:.0} ms, peak RSS {:.1} MiB, {} packages, {:.1}x vmcs time, same set: {}",
                    secs * 1e3,
                    kib as f64 / 1024.0,
                    set.len(),
                    secs / vmcs_total.as_secs_f64(),
                    set == ours
                );
            }
            None => println!("{label}: not measured (needs apt-get and /usr/bin/time)"),
        }
    }
}
