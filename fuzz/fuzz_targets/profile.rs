//! Fuzz target `profile`: arbitrary text as a compiled VM profile, in both forms, through
//! every profile reader: `vmcs_model::VmProfile::from_json_str` and `from_pan_xml_str`, and
//! vmcs-deps' own reader with its `/software/knowledge` and `/software/packages` readers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = vmcs_model::VmProfile::from_json_str(&text);
    let _ = vmcs_model::VmProfile::from_pan_xml_str(&text);
    for path in ["fuzz.json", "fuzz.xml"] {
        if let Ok(v) = vmcs_deps::cli::profile_from_str(&text, path) {
            let _ = vmcs_deps::local_packages_from_json(&v);
            let _ = vmcs_deps::requests_from_json(&v);
        }
    }
});
