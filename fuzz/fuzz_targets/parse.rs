//! Fuzz target `parse`: `vmcs_syntax::parse` on arbitrary text must return (a tree and
//! errors), never panic or overflow. Non-UTF-8 input is read lossily, as a file would be.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = vmcs_syntax::parse(&text);
    std::hint::black_box(&parsed);
});
