//! Parse benchmark: parses every `.pan` file of the oracle corpus (or of the directories given)
//! N times and prints the throughput.
//!
//! `cargo run --release -p vmcs-syntax --example parse_bench -- [-n N] [DIR...]`

use std::path::{Path, PathBuf};
use std::time::Instant;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "pan" || e == "tpl") {
            out.push(path);
        }
    }
}

/// Nanoseconds this thread has run on a CPU (Linux), so that a busy machine does not skew
/// the figures; `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn main() {
    let mut rounds = 20;
    let mut dirs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "-n" {
            rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds);
        } else {
            dirs.push(PathBuf::from(arg));
        }
    }
    if dirs.is_empty() {
        dirs.push(PathBuf::from("/work/shared/oracle/cases"));
    }
    let mut files = Vec::new();
    for d in &dirs {
        collect(d, &mut files);
    }
    let t0 = Instant::now();
    let sources: Vec<String> =
        files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect();
    let read = t0.elapsed();
    let bytes: usize = sources.iter().map(String::len).sum();
    let t = Instant::now();
    let cpu0 = cpu_ns();
    let mut errors = 0;
    for _ in 0..rounds {
        for s in &sources {
            errors += vmcs_syntax::parse(s).errors.len();
        }
    }
    let wall = t.elapsed().as_secs_f64();
    let secs = match (cpu0, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => wall,
    };
    let total = (bytes * rounds) as f64;
    println!(
        "{} files, {} KB, read in {:.1} ms; {} rounds in {:.3} s CPU ({:.3} s wall): {:.1} MB/s, {:.1} us/file ({} errors/round)",
        sources.len(),
        bytes / 1024,
        read.as_secs_f64() * 1e3,
        rounds,
        secs,
        wall,
        total / secs / 1e6,
        secs * 1e6 / (sources.len() * rounds) as f64,
        errors / rounds
    );
}
