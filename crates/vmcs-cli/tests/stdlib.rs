//! The Pan stdlib and the examples, through the real `vmcs` binary: every stdlib template
//! compiles, every example compiles to a VM profile the model reads, every broken example
//! fails with its snapshotted rule diagnostic and `vmcs fix` repairs it, `vmcs new` writes
//! templates that compile clean, and the library reference in the book is up to date.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The broken examples (object names) and the rule each must trip first.
const BROKEN: &[(&str, &str)] = &[
    ("broken/hardware", "hw.arch-64bit-os"),
    ("broken/storage", "storage.disk-too-small"),
    ("broken/software", "sw.suite-conflict"),
    ("broken/system", "sys.hostname-invalid"),
    ("broken/network", "net.no-bridge"),
    ("broken/segment/b", "net.duplicate-mac"),
];

/// Object templates under `examples/broken` that are valid helpers of a broken one.
const BROKEN_HELPERS: &[&str] = &["broken/segment/a"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn stdlib() -> PathBuf {
    root().join("stdlib-templates").canonicalize().unwrap()
}

fn examples() -> PathBuf {
    root().join("examples").canonicalize().unwrap()
}

fn vmcs(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vmcs"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("VMCS_STDLIB", stdlib())
        .output()
        .expect("run vmcs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn pan_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "pan"))
        .collect();
    v.sort();
    v
}

/// The template name of a file below `base` (`examples/net/web.pan` gives `net/web`).
fn tpl_name(base: &Path, file: &Path) -> String {
    file.strip_prefix(base)
        .unwrap()
        .with_extension("")
        .to_string_lossy()
        .replace('\\', "/")
}

fn header_kind(file: &Path) -> String {
    let parsed = vmcs_syntax::parse(&std::fs::read_to_string(file).unwrap());
    let tpl = parsed
        .template
        .unwrap_or_else(|| panic!("{} does not parse: {:?}", file.display(), parsed.errors));
    format!("{:?}", tpl.kind).to_lowercase()
}

fn object_templates(base: &Path) -> Vec<PathBuf> {
    pan_files(base)
        .into_iter()
        .filter(|f| header_kind(f) == "object")
        .collect()
}

fn include_path(extra: &Path) -> String {
    format!("{}:{}", extra.display(), stdlib().display())
}

#[test]
fn every_stdlib_template_compiles_in_a_probe_object() {
    let tmp = tempfile::tempdir().unwrap();
    let mut probes = Vec::new();
    for (i, f) in pan_files(&stdlib()).iter().enumerate() {
        let name = tpl_name(&stdlib(), f);
        let body = match header_kind(f).as_str() {
            "structure" => format!(
                "variable VMCS_NAME = 'probe';\ninclude 'vmcs/functions';\n'/probe' = create('{name}');\n"
            ),
            "declaration" => format!("include '{name}';\n"),
            _ => format!("include 'vmcs/vm';\ninclude '{name}';\n"),
        };
        let probe = tmp.path().join(format!("probe{i}.pan"));
        std::fs::write(&probe, format!("object template probe{i};\n{body}")).unwrap();
        probes.push(probe.to_string_lossy().into_owned());
    }
    assert!(
        probes.len() >= 30,
        "expected the whole stdlib, found {} templates",
        probes.len()
    );
    let out_dir = tmp.path().join("out");
    let inc = include_path(tmp.path());
    let mut args = vec![
        "compile",
        "--include-path",
        &inc,
        "--output-dir",
        out_dir.to_str().unwrap(),
        "--formats",
        "json",
    ];
    args.extend(probes.iter().map(String::as_str));
    let out = vmcs(tmp.path(), &args);
    assert!(
        out.status.success(),
        "stdlib probes failed:\n{}",
        text(&out.stderr)
    );
}

#[test]
fn every_example_compiles_to_a_vm_profile() {
    let tmp = tempfile::tempdir().unwrap();
    let inc = include_path(&examples());
    let objects: Vec<PathBuf> = object_templates(&examples())
        .into_iter()
        .filter(|f| !f.starts_with(examples().join("broken")))
        .collect();
    assert!(objects.len() >= 5, "examples missing: {objects:?}");
    for f in &objects {
        let out = vmcs(
            &examples(),
            &[
                "compile",
                "--include-path",
                &inc,
                "--output-dir",
                tmp.path().to_str().unwrap(),
                "--formats",
                "json,pan",
                f.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{} failed:\n{}",
            f.display(),
            text(&out.stderr)
        );
        let name = tpl_name(&examples(), f);
        let json = std::fs::read_to_string(tmp.path().join(format!("{name}.json"))).unwrap();
        let profile =
            vmcs_model::VmProfile::from_json_str(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(profile.vm.name, name.rsplit('/').next().unwrap());
    }
}

#[test]
fn spec_node_matches_the_paper() {
    let tmp = tempfile::tempdir().unwrap();
    let inc = include_path(&examples());
    let out = vmcs(
        &examples(),
        &[
            "compile",
            "--include-path",
            &inc,
            "--output-dir",
            tmp.path().to_str().unwrap(),
            "--formats",
            "json",
            "spec-node.pan",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let p = vmcs_model::VmProfile::from_json_str(
        &std::fs::read_to_string(tmp.path().join("spec-node.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (p.hardware.vcpus, p.hardware.memory, p.hardware.maxmem),
        (1, 512, 1024)
    );
    assert_eq!(p.storage.images["root"].size, 2000);
    assert_eq!(p.hardware.cdroms.len(), 1);
    let bench = &p.software.knowledge["speccpu2000"];
    assert_eq!(bench.source, vmcs_model::Source::Iso);
    assert!(bench.install.is_some());
    assert!(
        p.software.packages.contains_key("gcc") && p.software.packages.contains_key("gfortran")
    );
}

#[test]
fn network_members_get_distinct_addresses_on_one_bridge() {
    let tmp = tempfile::tempdir().unwrap();
    let inc = include_path(&examples());
    let out = vmcs(
        &examples(),
        &[
            "compile",
            "--include-path",
            &inc,
            "--output-dir",
            tmp.path().to_str().unwrap(),
            "--formats",
            "json",
            "net/web.pan",
            "net/app.pan",
            "net/db.pan",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut macs = std::collections::BTreeSet::new();
    let mut ips = std::collections::BTreeSet::new();
    for n in ["web", "app", "db"] {
        let p = vmcs_model::VmProfile::from_json_str(
            &std::fs::read_to_string(tmp.path().join(format!("net/{n}.json"))).unwrap(),
        )
        .unwrap();
        let nic = &p.network.interfaces[0];
        assert_eq!(nic.bridge, "br-lab");
        assert_eq!(p.network.segment.as_deref(), Some("lab"));
        macs.insert(nic.mac.clone());
        ips.insert(nic.ipv4.address.clone().unwrap());
    }
    assert_eq!((macs.len(), ips.len()), (3, 3));
}

/// Replace the machine-specific parts of a diagnostic.
fn normalise(s: &str) -> String {
    s.replace(&stdlib().display().to_string(), "<stdlib>")
        .replace(&root().display().to_string(), "<root>")
}

#[test]
fn broken_examples_fail_with_their_rule() {
    let listed: Vec<&str> = BROKEN
        .iter()
        .map(|b| b.0)
        .chain(BROKEN_HELPERS.iter().copied())
        .collect();
    for f in object_templates(&examples().join("broken")) {
        let name = tpl_name(&examples(), &f);
        assert!(
            listed.contains(&name.as_str()),
            "{name} is not listed in BROKEN"
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let inc = include_path(&examples());
    for (name, rule) in BROKEN {
        let file = format!("{name}.pan");
        let out = vmcs(
            &examples(),
            &[
                "compile",
                "--include-path",
                &inc,
                "--output-dir",
                tmp.path().to_str().unwrap(),
                "--formats",
                "json",
                "--error-format",
                "json",
                &file,
            ],
        );
        assert!(!out.status.success(), "{name} compiled");
        let stderr = normalise(&text(&out.stderr));
        let first: serde_json::Value =
            serde_json::from_str(stderr.lines().next().unwrap()).unwrap();
        assert_eq!(first["rule"]["id"], *rule, "{name}: {stderr}");
        assert!(first["hint"].is_string(), "{name} has no help: {stderr}");
        assert!(
            first["rule"]["fix"]["path"].is_string(),
            "{name} has no fix: {stderr}"
        );
        let snap = format!(
            "broken_{}",
            name.trim_start_matches("broken/").replace('/', "_")
        );
        let pretty = serde_json::to_string_pretty(&first).unwrap();
        insta::assert_snapshot!(snap.clone(), pretty);
        // The human form (NO_COLOR, no terminal: miette's default width).
        let out = vmcs(
            &examples(),
            &[
                "compile",
                "--include-path",
                &inc,
                "--output-dir",
                tmp.path().to_str().unwrap(),
                "--formats",
                "json",
                &file,
            ],
        );
        let human = normalise(&text(&out.stderr));
        assert!(human.contains(&format!("rule {rule}:")), "{human}");
        insta::assert_snapshot!(format!("{snap}_human"), human);
    }
}

/// Copy the examples to a scratch directory (so fixes do not touch the repository).
fn scratch_examples() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for f in pan_files(&examples()) {
        let to = tmp.path().join(f.strip_prefix(examples()).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&f, &to).unwrap();
    }
    tmp
}

#[test]
fn fix_repairs_every_broken_example() {
    let tmp = scratch_examples();
    let inc = include_path(tmp.path());
    let out_dir = tmp.path().join("out");
    for (name, _) in BROKEN {
        let file = format!("{name}.pan");
        let before = std::fs::read_to_string(tmp.path().join(&file)).unwrap();
        let out = vmcs(tmp.path(), &["fix", "--include-path", &inc, &file]);
        assert!(
            out.status.success(),
            "vmcs fix {name} failed:\n{}",
            text(&out.stderr)
        );
        let orig = std::fs::read_to_string(tmp.path().join(format!("{file}.orig"))).unwrap();
        assert_eq!(orig, before, "{name}: the backup is not the original");
        let snap = format!(
            "fix_{}",
            name.trim_start_matches("broken/").replace('/', "_")
        );
        insta::assert_snapshot!(snap, text(&out.stdout));
        let out = vmcs(
            tmp.path(),
            &[
                "compile",
                "--include-path",
                &inc,
                "--output-dir",
                out_dir.to_str().unwrap(),
                "--formats",
                "json",
                &file,
            ],
        );
        assert!(
            out.status.success(),
            "{name} still fails after vmcs fix:\n{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn fix_dry_run_only_prints_the_diff() {
    let tmp = scratch_examples();
    let inc = include_path(tmp.path());
    let file = "broken/hardware.pan";
    let before = std::fs::read_to_string(tmp.path().join(file)).unwrap();
    let out = vmcs(
        tmp.path(),
        &["fix", "--dry-run", "--include-path", &inc, file],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("+'/hardware/maxmem' = 1024;"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join(file)).unwrap(),
        before
    );
    assert!(!tmp.path().join("broken/hardware.pan.orig").exists());
}

#[test]
fn fix_leaves_a_clean_template_alone() {
    let tmp = scratch_examples();
    let inc = include_path(tmp.path());
    let out = vmcs(tmp.path(), &["fix", "--include-path", &inc, "web.pan"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).is_empty());
    assert!(!tmp.path().join("web.pan.orig").exists());
}

fn compile_clean(dir: &Path, file: &str) {
    let inc = include_path(dir);
    let out_dir = dir.join("out");
    let out = vmcs(
        dir,
        &[
            "compile",
            "--include-path",
            &inc,
            "--output-dir",
            out_dir.to_str().unwrap(),
            "--formats",
            "json",
            file,
        ],
    );
    assert!(
        out.status.success(),
        "{file} does not compile:\n{}\n{}",
        text(&out.stderr),
        std::fs::read_to_string(dir.join(file)).unwrap()
    );
    let stem = Path::new(file).with_extension("");
    let json = std::fs::read_to_string(out_dir.join(stem).with_extension("json")).unwrap();
    vmcs_model::VmProfile::from_json_str(&json).unwrap();
}

#[test]
fn new_with_each_preset_compiles_clean() {
    let tmp = tempfile::tempdir().unwrap();
    for preset in ["small", "build", "web"] {
        let name = format!("n-{preset}");
        let out = vmcs(tmp.path(), &["new", &name, "--preset", preset]);
        assert!(
            out.status.success(),
            "vmcs new --preset {preset}:\n{}",
            text(&out.stderr)
        );
        compile_clean(tmp.path(), &format!("{name}.pan"));
    }
    let out = vmcs(
        tmp.path(),
        &[
            "new",
            "custom",
            "--preset",
            "small",
            "--memory",
            "2048",
            "--vcpus",
            "2",
            "--packages",
            "gcc,g++,postgresql",
            "--owner",
            "carol",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    compile_clean(tmp.path(), "custom.pan");
    let t = std::fs::read_to_string(tmp.path().join("custom.pan")).unwrap();
    assert!(
        t.contains("'/hardware/memory' = 2048;") && t.contains("'/hardware/maxmem' = 2048;"),
        "{t}"
    );
}

#[test]
fn new_applies_suggestions_until_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let out = vmcs(
        tmp.path(),
        &[
            "new",
            "heavy",
            "--packages",
            "openjdk-17-jre-headless,postgresql,mariadb-server,build-essential",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("storage.disk-too-small"),
        "{}",
        text(&out.stderr)
    );
    compile_clean(tmp.path(), "heavy.pan");
}

#[test]
fn new_from_an_earlier_profile_compiles_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let inc = include_path(&examples());
    let prof = tmp.path().join("prof");
    let out = vmcs(
        &examples(),
        &[
            "compile",
            "--include-path",
            &inc,
            "--output-dir",
            prof.to_str().unwrap(),
            "--formats",
            "json,pan",
            "spec-node.pan",
            "net/db.pan",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    for (name, from) in [("spec2", "prof/spec-node.json"), ("db2", "prof/net/db.xml")] {
        let out = vmcs(tmp.path(), &["new", name, "--from", from]);
        assert!(
            out.status.success(),
            "vmcs new --from {from}:\n{}",
            text(&out.stderr)
        );
        compile_clean(tmp.path(), &format!("{name}.pan"));
    }
    let a = vmcs_model::VmProfile::from_json_str(
        &std::fs::read_to_string(prof.join("spec-node.json")).unwrap(),
    )
    .unwrap();
    let b = vmcs_model::VmProfile::from_json_str(
        &std::fs::read_to_string(tmp.path().join("out/spec2.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(a.hardware, b.hardware);
    assert_eq!(a.software, b.software);
    assert_ne!(a.network.interfaces[0].mac, b.network.interfaces[0].mac);
}

// ------------------------------------------------------------- the library reference

/// One documented statement of a template.
struct Doc {
    kind: &'static str,
    name: String,
    text: String,
}

/// The `@documentation{...}` annotations of a file, each with the statement it precedes,
/// and the template's own `@{...}` description.
fn docs_of(file: &Path) -> (String, String, Vec<Doc>) {
    let src = std::fs::read_to_string(file).unwrap();
    let tpl = vmcs_syntax::parse(&src).template.unwrap();
    let mut about = String::new();
    let mut docs = Vec::new();
    for a in &tpl.annotations {
        if a.name.is_empty() && a.span.start < tpl.header_span.start {
            about = dedent(&a.body);
            continue;
        }
        if a.name != "documentation" {
            continue;
        }
        let next = tpl.statements.iter().find(|s| s.span.start >= a.span.end);
        let Some(stmt) = next else { continue };
        let (kind, name) = match &stmt.kind {
            vmcs_syntax::StmtKind::Type { name, .. } => ("type", name.name.clone()),
            vmcs_syntax::StmtKind::Function { name, .. } => ("function", name.name.clone()),
            vmcs_syntax::StmtKind::Variable { name, .. } => ("variable", name.name.clone()),
            _ => continue,
        };
        docs.push(Doc {
            kind,
            name,
            text: dedent(&a.body),
        });
    }
    (tpl.name.clone(), about, docs)
}

fn dedent(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| {
            if l.len() >= indent {
                &l[indent..]
            } else {
                l.trim()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// `book/src/reference/*.md`: one page per directory of the stdlib, plus the rule table.
fn generate_reference() -> Vec<(String, String)> {
    let mut pages: std::collections::BTreeMap<String, String> = Default::default();
    let mut rules = String::from(
        "# Rules and suggestions\n\n<!-- generated from the @documentation of stdlib-templates/vmcs/knowledge/rules; do not edit -->\n\n\
         Every rule is a Pan function of `vmcs/knowledge/rules/*` bound by `vmcs/knowledge/rules`. \
         When one fails, `vmcs compile` reports `rule ID: text` at your assignment, with the suggestion as help, \
         and `vmcs fix` applies the fix.\n\n| Rule | Checks | Suggestion and fix |\n|---|---|---|\n",
    );
    for f in pan_files(&stdlib()) {
        let (tpl, about, docs) = docs_of(&f);
        let section = tpl
            .rsplit_once('/')
            .map(|(d, _)| d.to_string())
            .unwrap_or_else(|| "vmcs".into());
        let page = pages.entry(section.clone()).or_insert_with(|| {
            format!("# `{section}`\n\n<!-- generated from the @documentation annotations of stdlib-templates/{section}; do not edit -->\n")
        });
        page.push_str(&format!("\n## `{tpl}`\n\n"));
        if !about.is_empty() {
            page.push_str(&about);
            page.push('\n');
        }
        for d in &docs {
            page.push_str(&format!("\n### {} `{}`\n\n{}\n", d.kind, d.name, d.text));
            if d.kind == "function" && d.name.starts_with("vmcs_rule_") {
                let mut id = String::new();
                let mut checks = String::new();
                let mut suggestion = String::new();
                let flat = d.text.replace('\n', " ");
                if let Some(rest) = flat.strip_prefix("Rule `") {
                    if let Some((i, r)) = rest.split_once("`:") {
                        id = i.to_string();
                        let (c, s) = r.split_once("Suggestion:").unwrap_or((r, ""));
                        checks = c.trim().to_string();
                        suggestion = s.trim().to_string();
                    }
                }
                if !id.is_empty() {
                    rules.push_str(&format!("| `{id}` | {checks} | {suggestion} |\n"));
                }
            }
        }
    }
    let mut out: Vec<(String, String)> = pages
        .into_iter()
        .map(|(section, text)| (format!("{}.md", section.replace('/', "-")), text))
        .collect();
    out.push(("rules.md".into(), rules));
    out
}

#[test]
fn every_type_and_function_is_documented() {
    for f in pan_files(&stdlib()) {
        let src = std::fs::read_to_string(&f).unwrap();
        let tpl = vmcs_syntax::parse(&src).template.unwrap();
        let (_, _, docs) = docs_of(&f);
        for s in &tpl.statements {
            let name = match &s.kind {
                vmcs_syntax::StmtKind::Type { name, .. }
                | vmcs_syntax::StmtKind::Function { name, .. } => &name.name,
                _ => continue,
            };
            assert!(
                docs.iter().any(|d| &d.name == name),
                "{} in {} has no @documentation",
                name,
                f.display()
            );
        }
    }
}

#[test]
fn library_reference_is_up_to_date() {
    let dir = root().join("book/src/reference");
    let bless = std::env::var_os("VMCS_BLESS").is_some();
    let pages = generate_reference();
    let rules = pages.iter().find(|p| p.0 == "rules.md").unwrap();
    assert!(
        rules.1.matches("\n| `").count() >= 15,
        "fewer than 15 rules documented"
    );
    for (file, text) in &pages {
        let path = dir.join(file);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, text).unwrap();
            continue;
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == *text,
            "{} is out of date: run `VMCS_BLESS=1 cargo test -p vmcs-cli --test stdlib`",
            path.display()
        );
    }
}

/// `tests/rules/*.pan`: one case per rule, each with `# @expect RULE-ID` (and `# @nofix`
/// when no automatic fix exists). The rule must be the first failure, and `vmcs fix` must
/// make the case compile clean.
#[test]
fn every_rule_fires_on_its_case_and_its_fix_works() {
    let cases_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let tmp = tempfile::tempdir().unwrap();
    let inc = include_path(tmp.path());
    let mut seen = std::collections::BTreeSet::new();
    for case in pan_files(&cases_dir) {
        let src = std::fs::read_to_string(&case).unwrap();
        let expect = src
            .lines()
            .find_map(|l| l.strip_prefix("# @expect "))
            .expect("@expect line")
            .trim()
            .to_string();
        let file = case.file_name().unwrap().to_str().unwrap().to_string();
        std::fs::write(tmp.path().join(&file), &src).unwrap();
        let out_dir = tmp.path().join("out");
        let args = [
            "compile",
            "--include-path",
            &inc,
            "--output-dir",
            out_dir.to_str().unwrap(),
            "--formats",
            "json",
            "--error-format",
            "json",
            &file,
        ];
        let out = vmcs(tmp.path(), &args);
        let stderr = text(&out.stderr);
        let first: serde_json::Value =
            serde_json::from_str(stderr.lines().next().unwrap_or("{}")).unwrap();
        assert_eq!(first["rule"]["id"], expect.as_str(), "{file}: {stderr}");
        seen.insert(expect.clone());
        let fixed = vmcs(tmp.path(), &["fix", "--include-path", &inc, &file]);
        if src.contains("# @nofix") {
            assert!(!fixed.status.success(), "{file}: vmcs fix claims success");
            continue;
        }
        assert!(
            fixed.status.success(),
            "{file}: vmcs fix failed:\n{}",
            text(&fixed.stderr)
        );
        let again = vmcs(tmp.path(), &args);
        assert!(
            again.status.success(),
            "{file} still fails after vmcs fix:\n{}",
            text(&again.stderr)
        );
    }
    let rules = generate_reference()
        .into_iter()
        .find(|p| p.0 == "rules.md")
        .unwrap()
        .1;
    let documented: Vec<String> = rules
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(String::from)
        .collect();
    for id in &documented {
        assert!(
            seen.contains(id) || id == "net.duplicate-ip",
            "rule {id} has no case in tests/rules"
        );
    }
}
