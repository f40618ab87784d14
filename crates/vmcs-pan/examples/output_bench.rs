//! Throughput of the output writers: a 5000-node profile written 1000 times in each format.
//!
//! `cargo run --release -p vmcs-pan --example output_bench [ROUNDS]` prints MB/s and the time
//! per profile for pan XML, JSON, text, dot and gzipped XML, and the cost of `Double.toString`.

use std::hint::black_box;
use std::time::Instant;

use vmcs_pan::output::{gzip, write_dot, write_json, write_pan_xml, write_text};
use vmcs_pan::{javafmt, Dict, Key, Value};

/// A profile shaped like a real one: nested dicts of mixed properties, lists, some escapes.
fn profile() -> (Value, usize) {
    let mut nodes = 0;
    let mut root = Dict::new();
    for s in 0..10 {
        let mut section = Dict::new();
        for c in 0..10 {
            let mut component = Dict::new();
            for p in 0..20 {
                let v = match p % 5 {
                    0 => Value::Long(p * 1000 + c),
                    1 => Value::str(&format!("/etc/service-{s}/conf.d/item_{p}.conf")),
                    2 => Value::Bool(p % 2 == 0),
                    3 => Value::Double(p as f64 * 0.25 + c as f64),
                    _ => Value::str("value with <markup> & \"quotes\""),
                };
                component.insert(Key::new(&format!("key_{p}")), v);
                nodes += 1;
            }
            let list = (0..28).map(|i| Value::str(&format!("pkg-{i}"))).collect();
            component.insert(Key::new("packages"), Value::list(list));
            nodes += 30;
            section.insert(Key::new(&format!("component{c}")), Value::dict(component));
        }
        nodes += 11;
        root.insert(Key::new(&format!("section{s}")), Value::dict(section));
    }
    (Value::dict(root), nodes)
}

fn bench(name: &str, rounds: usize, write: impl Fn(&mut Vec<u8>)) {
    let mut out = Vec::new();
    write(&mut out);
    let size = out.len();
    let start = Instant::now();
    for _ in 0..rounds {
        out.clear();
        write(&mut out);
        black_box(&out);
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name:>8}: {:>8.1} MB/s, {:>7.1} µs per profile ({size} bytes)",
        (size * rounds) as f64 / secs / 1e6,
        secs * 1e6 / rounds as f64
    );
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let (root, nodes) = profile();
    println!("profile of {nodes} nodes, {rounds} rounds");
    bench("xml", rounds, |out| write_pan_xml(&root, out));
    bench("json", rounds, |out| write_json(&root, out));
    bench("text", rounds, |out| write_text(&root, out));
    bench("dot", rounds / 10, |out| write_dot(&root, out));
    bench("xml.gz", rounds / 10, |out| {
        let mut xml = Vec::new();
        write_pan_xml(&root, &mut xml);
        out.extend_from_slice(&gzip(&xml));
    });
    let doubles: Vec<f64> = (0..100_000u64)
        .map(|i| f64::from_bits(i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 2))
        .collect();
    let simple: Vec<f64> = (0..100_000).map(|i| i as f64 * 0.25).collect();
    for (label, xs) in [("random", &doubles), ("k/4", &simple)] {
        let start = Instant::now();
        let mut out = Vec::new();
        for &x in xs {
            out.clear();
            javafmt::push_double(&mut out, x);
            black_box(&out);
        }
        println!(
            "{label:>8}: {:>8.0} ns per Double.toString",
            start.elapsed().as_secs_f64() * 1e9 / xs.len() as f64
        );
    }
}
