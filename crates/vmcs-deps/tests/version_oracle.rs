//! Version ordering against `dpkg --compare-versions`, on versions from the real indexes.
//!
//! Pairs: neighbours in index order, versions of the same package, neighbours in byte
//! order (long shared prefixes, the hard cases), and pseudo-random pairs, plus the
//! hand-written tricky cases of `tests/data/version_pairs.txt`. dpkg runs once per pair
//! inside one shell, so the whole check takes seconds.

mod common;

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};
use vmcs_deps::compare_versions;

/// Asks dpkg for the ordering of every pair (one `<`, `=` or `>` per pair).
fn dpkg_order(pairs: &[(String, String)]) -> Vec<Option<Ordering>> {
    let script = r#"while read -r a b; do
  dpkg --compare-versions "$a" lt "$b" 2>/dev/null; r=$?
  if [ $r = 0 ]; then echo '<';
  elif [ $r != 1 ]; then echo 'E';
  elif dpkg --compare-versions "$a" eq "$b"; then echo '=';
  else echo '>'; fi
done"#;
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("sh runs");
    let mut input = String::new();
    for (a, b) in pairs {
        input.push_str(&format!("{a} {b}\n"));
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| match l {
            "<" => Some(Ordering::Less),
            "=" => Some(Ordering::Equal),
            ">" => Some(Ordering::Greater),
            _ => None,
        })
        .collect()
}

fn check(pairs: &[(String, String)]) {
    let want = dpkg_order(pairs);
    assert_eq!(want.len(), pairs.len(), "dpkg answered every pair");
    let bad: Vec<String> = pairs
        .iter()
        .zip(&want)
        .filter(|((a, b), w)| Some(compare_versions(a, b)) != **w)
        .map(|((a, b), w)| match w {
            Some(w) => format!(
                "{a} vs {b}: dpkg says {w:?}, vmcs {:?}",
                compare_versions(a, b)
            ),
            None => format!("{a} vs {b}: dpkg rejects this pair"),
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{} of {} pairs differ:\n{}",
        bad.len(),
        pairs.len(),
        bad.join("\n")
    );
}

#[test]
fn tricky_pairs_match_dpkg() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/version_pairs.txt"
    ))
    .unwrap();
    let pairs: Vec<(String, String)> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut w = l.split_whitespace();
            (w.next().unwrap().to_string(), w.next().unwrap().to_string())
        })
        .collect();
    assert!(pairs.len() >= 40);
    check(&pairs);
}

#[test]
fn real_index_versions_match_dpkg() {
    let Some(u) = common::real_universe() else {
        return;
    };
    // Every version string, in index order, and grouped by package.
    let mut in_order: Vec<String> = Vec::new();
    let mut same_package: Vec<(String, String)> = Vec::new();
    for id in 0..u.name_count() as u32 {
        let vs: Vec<String> = u
            .versions_of(id)
            .map(|v| u.ver_str(v).to_string())
            .collect();
        for w in vs.windows(2) {
            if w[0] != w[1] {
                same_package.push((w[0].clone(), w[1].clone()));
            }
        }
        in_order.extend(vs);
    }
    assert!(
        in_order.len() > 60_000,
        "the real index has its ~63k versions"
    );
    let mut pairs: Vec<(String, String)> = Vec::new();
    // Neighbours in index order.
    let step = in_order.len() / 1000;
    pairs.extend((0..1000).map(|i| (in_order[i * step].clone(), in_order[i * step + 1].clone())));
    // Versions of the same package (security and updates against the release).
    pairs.extend(same_package.iter().take(1000).cloned());
    // Neighbours in byte order: long common prefixes, `~`, `+`, epochs, revisions.
    let sorted: Vec<&String> = in_order
        .iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let step = sorted.len() / 1000;
    pairs.extend((0..1000).map(|i| (sorted[i * step].clone(), sorted[i * step + 1].clone())));
    // Pseudo-random pairs (a fixed linear congruential generator).
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..1000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let a = (x >> 33) as usize % in_order.len();
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let b = (x >> 33) as usize % in_order.len();
        pairs.push((in_order[a].clone(), in_order[b].clone()));
    }
    println!("comparing {} version pairs with dpkg", pairs.len());
    assert!(pairs.len() >= 3500);
    check(&pairs);
}
