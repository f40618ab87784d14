//! Fuzz target `packages`: arbitrary bytes as a Debian `Packages` index (sniffed for lz4,
//! xz or gzip like a real one) and as a dpkg status, through vmcs-deps' reader; when they
//! load, every relation is parsed, the first package is resolved and the result rendered
//! in all three formats. Errors are fine; a panic, abort, hang or runaway memory is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vmcs_deps::cli::{render, Format};
use vmcs_deps::{IndexKind, Request, Universe};

fuzz_target!(|data: &[u8]| {
    let mut u = Universe::new("amd64");
    // Compressed input goes through the streaming loader (a decompression thread); plain
    // text through the in-memory scanner, which is faster per execution.
    let loaded = match vmcs_deps::fetch::Encoding::sniff(data) {
        Ok(vmcs_deps::fetch::Encoding::Plain) => {
            u.add_buffer("fuzz", "fuzz", data.to_vec(), IndexKind::Packages)
        }
        _ => match vmcs_deps::fetch::decoder_for_bytes("fuzz", data.to_vec()) {
            Ok(dec) => u.load_stream("fuzz", "fuzz", dec, IndexKind::Packages),
            Err(e) => Err(e),
        },
    };
    if loaded.is_err() {
        return;
    }
    let _ = u.add_buffer("status", "status", data.to_vec(), IndexKind::Status);
    let _ = u.validate();
    let first = (0..u.name_count() as u32)
        .map(|id| u.name(id).to_string())
        .find(|n| Request::parse(n).is_ok());
    let Some(name) = first else { return };
    let Ok(req) = Request::parse(&name) else {
        return;
    };
    if let Ok(r) = u.resolve(&[req]) {
        for f in [Format::Text, Format::Json, Format::Dot] {
            std::hint::black_box(render(&r, None, f));
            std::hint::black_box(render(&r, Some(&name), f));
        }
    }
});
