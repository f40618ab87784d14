//! `javafmt::double_to_string` against tables printed by JDK 17's `Double.toString`.
//!
//! The tables under `tests/data/output/` come from `GenDoubles.java` (same directory):
//! `double_bits` (edge values by their bits), `double_decimal` (decimal literals, then the
//! output when it differs), `double_random` (outputs of a seeded pseudo-random sequence that
//! this test regenerates) and `double_random_sha256` (digests of its first 500,000 values).

use std::io::Read;
use std::path::PathBuf;

use sha2::{Digest, Sha256};
use vmcs_pan::javafmt::double_to_string;

fn data(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/output")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if name.ends_with(".gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .unwrap();
        s
    } else {
        String::from_utf8(bytes).unwrap()
    }
}

/// The pseudo-random sequence of `GenDoubles.gen` (splitmix64 and six shapes of doubles).
struct Gen(u64);

const MANT: u64 = (1 << 52) - 1;

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn gen(&mut self, i: usize) -> f64 {
        let r = self.next();
        match i % 6 {
            0 => f64::from_bits(r),
            1 => {
                let e = 1023 - 40 + self.next() % 110;
                f64::from_bits((r & MANT) | (e << 52) | (r & (1 << 63)))
            }
            2 => ((r as i64) >> (self.next() & 63)) as f64,
            3 => (r as i32) as f64 / (1u64 << ((r >> 32) % 50)) as f64,
            4 => f64::from_bits((r & (MANT >> (self.next() & 31))) | (r & (1 << 63))),
            _ => {
                let e = 1023 - 1 + self.next() % 3;
                let k = self.next() % 52;
                f64::from_bits((r & MANT & !((1u64 << k) - 1)) | (e << 52))
            }
        }
    }
}

fn check(failures: &mut Vec<String>, what: &str, x: f64, expected: &str) {
    let got = double_to_string(x);
    if got != expected && failures.len() < 20 {
        failures.push(format!(
            "{what}: bits {:016x}: expected {expected}, got {got}",
            x.to_bits()
        ));
    }
}

#[test]
fn edge_values_by_bits() {
    let mut failures = Vec::new();
    let text = data("double_bits.txt.gz");
    for line in text.lines() {
        let (bits, expected) = line.split_once(' ').unwrap();
        check(
            &mut failures,
            "bits",
            f64::from_bits(u64::from_str_radix(bits, 16).unwrap()),
            expected,
        );
    }
    assert!(text.lines().count() > 18_000);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn decimal_literals() {
    let mut failures = Vec::new();
    let text = data("double_decimal.txt.gz");
    for line in text.lines() {
        let (input, expected) = line.split_once(' ').unwrap_or((line, line));
        check(&mut failures, input, input.parse().unwrap(), expected);
    }
    assert!(text.lines().count() > 49_000);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn random_doubles_listed() {
    let mut failures = Vec::new();
    let mut gen = Gen(20240601);
    let text = data("double_random.txt.gz");
    for (i, expected) in text.lines().enumerate() {
        check(&mut failures, &format!("random #{i}"), gen.gen(i), expected);
    }
    assert_eq!(text.lines().count(), 40_000);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn random_doubles_digested() {
    let mut gen = Gen(20240601);
    let digests = data("double_random_sha256.txt");
    let mut i = 0;
    let mut bad = Vec::new();
    for (chunk, expected) in digests.lines().enumerate() {
        let mut text = String::new();
        for _ in 0..20_000 {
            text.push_str(&double_to_string(gen.gen(i)));
            text.push('\n');
            i += 1;
        }
        if hex::encode(Sha256::digest(text.as_bytes())) != expected {
            bad.push(chunk);
        }
    }
    assert_eq!(i, 500_000);
    assert!(
        bad.is_empty(),
        "chunks of 20000 differing (regenerate with GenDoubles.java to see which values): {bad:?}"
    );
}
