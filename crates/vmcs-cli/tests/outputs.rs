//! How `vmcs compile` writes profiles: each file is replaced whole (a temporary file renamed
//! over it, never rewritten in place), an unchanged file is left as it is, no temporary file
//! stays behind, and the `.dep` file gives absolute URIs also for a relative include path.

use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;

fn compile(dir: &Path, include: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_vmcs"))
        .current_dir(dir)
        .args(["compile", "--include-path", include, "--output-dir", "out"])
        .args(["--formats", "pan,json,dep", "site/node.pan"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn inode(file: &Path) -> u64 {
    std::fs::metadata(file).unwrap().ino()
}

#[test]
fn outputs_are_replaced_whole_and_left_alone_when_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("site")).unwrap();
    let write = |v: u32| {
        std::fs::write(
            dir.join("site/node.pan"),
            format!("object template node;\n'/v' = {v};\n"),
        )
        .unwrap()
    };
    write(1);
    // A relative include path, as written on a command line.
    compile(dir, "site");
    let (xml, json) = (dir.join("out/node.xml"), dir.join("out/node.json"));
    let first = (inode(&xml), inode(&json));

    // Nothing changed: the files are not rewritten.
    compile(dir, "site");
    assert_eq!((inode(&xml), inode(&json)), first);

    // The profile changed: each file is a new one, complete.
    write(2);
    compile(dir, "site");
    assert_ne!(inode(&xml), first.0);
    assert_ne!(inode(&json), first.1);
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.contains("\"v\": 2"), "{text}");

    let leftovers: Vec<_> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    let dep = std::fs::read_to_string(dir.join("out/node.dep")).unwrap();
    let want = format!("node PAN file:{}/site/\n", dir.display());
    assert_eq!(dep, want);
}
