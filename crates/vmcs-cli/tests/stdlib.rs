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
            // A network template binds '/' itself: it is probed as a network, not a VM.
            _ if name == "vmcs/network/net" => format!(
                "include '{name}';\n'/name' = 'probe';\n'/switches/s' = dict('name', 's', \
                 'bridge', 'br-s', 'network', '10.9.0.0', 'members', list(dict('name', 'a', \
                 'object', 'a', 'address', '10.9.0.2')));\n"
            ),
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
        if json.contains("\"switches\"") {
            // A network of VMs (`vmcs up`): it names its members' object templates.
            let net = vmcs_model::network::NetProfile::from_json_str(&json)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                !net.members().is_empty(),
                "{name}: a network without members"
            );
            continue;
        }
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
        (
            p.hardware.vcpus.get(),
            p.hardware.memory.get(),
            p.hardware.maxmem.get()
        ),
        (1, 512, 1024)
    );
    assert_eq!(p.storage.images["root"].size.get(), 2000);
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
        ips.insert(nic.ipv4.address.unwrap());
    }
    assert_eq!((macs.len(), ips.len()), (3, 3));
}

/// Compile the given objects of `examples/` to JSON and return each profile as JSON (read
/// without the model, so these checks do not depend on the Rust profile reader).
fn example_json(names: &[&str]) -> Vec<serde_json::Value> {
    let tmp = tempfile::tempdir().unwrap();
    let inc = include_path(&examples());
    let files: Vec<String> = names.iter().map(|n| format!("{n}.pan")).collect();
    let mut args = vec![
        "compile",
        "--include-path",
        &inc,
        "--output-dir",
        tmp.path().to_str().unwrap(),
        "--formats",
        "json",
    ];
    args.extend(files.iter().map(String::as_str));
    let out = vmcs(&examples(), &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    names
        .iter()
        .map(|n| {
            let json = std::fs::read_to_string(tmp.path().join(format!("{n}.json"))).unwrap();
            serde_json::from_str(&json).unwrap()
        })
        .collect()
}

#[test]
fn network_members_resolve_each_other_by_name() {
    let profiles = example_json(&["net/web", "net/app", "net/db"]);
    let want = serde_json::json!([
        {"name": "web", "address": "10.20.0.10"},
        {"name": "app", "address": "10.20.0.20"},
        {"name": "db", "address": "10.20.0.30"}
    ]);
    for p in &profiles {
        assert_eq!(p["network"]["hosts"], want, "{}", p["vm"]["name"]);
        let nic = &p["network"]["interfaces"][0];
        assert_eq!(nic["create_bridge"], true);
        assert_eq!(nic["ipv4"]["gateway"], "10.20.0.1");
        assert_eq!(nic["ipv4"]["prefix"], 24);
    }
}

#[test]
fn every_example_enables_ssh_with_its_server_and_boots_with_a_plain_cmdline() {
    let names = ["web", "spec-node", "net/web", "net/app", "net/db"];
    for (name, p) in names.iter().zip(example_json(&names)) {
        let services = p["system"]["services"].as_array().unwrap();
        assert!(services.contains(&"ssh".into()), "{name}: {services:?}");
        assert!(
            p["software"]["packages"]["openssh-server"].is_object(),
            "{name} enables ssh without openssh-server"
        );
        assert_eq!(p["system"]["kernel"]["cmdline"], "quiet", "{name}");
    }
}

#[test]
fn net_examples_run_their_services_from_units_files_and_a_populated_volume() {
    let p = example_json(&["net/web", "net/app", "net/db"]);
    let (web, app, db) = (&p[0], &p[1], &p[2]);
    // web: nginx's default site replaced by one that also proxies /app/ to app.
    let site = &web["system"]["files"][0];
    assert_eq!(site["path"], "/etc/nginx/sites-available/default");
    assert!(site["contents"]
        .as_str()
        .unwrap()
        .contains("proxy_pass http://app:8000/;"));
    // app: its own unit, enabled, running gunicorn from the directory of the app file.
    let unit = &app["system"]["units"]["app"];
    assert_eq!(
        unit["exec_start"],
        "/usr/bin/gunicorn --bind 0.0.0.0:8000 app:application"
    );
    assert_eq!(unit["working_directory"], "/srv/app");
    assert_eq!(unit["restart"], "on-failure");
    assert_eq!(unit["after"], serde_json::json!(["network-online.target"]));
    assert!(app["system"]["services"]
        .as_array()
        .unwrap()
        .contains(&"app".into()));
    assert_eq!(app["system"]["files"][0]["path"], "/srv/app/app.py");
    assert_eq!(app["system"]["files"][0]["mode"], 420);
    assert!(app["system"]["files"][0]["contents"]
        .as_str()
        .unwrap()
        .contains("def application(environ, start_response):"));
    // db: the PostgreSQL clusters on a populated ext4 data image.
    let data = &db["storage"]["images"]["data"];
    assert_eq!(
        (&data["filesystem"], &data["mount"], &data["populate"]),
        (
            &"ext4".into(),
            &"/var/lib/postgresql".into(),
            &serde_json::Value::Bool(true)
        )
    );
}

/// Compile one probe object (the small preset, a unit `app` enabled, then `extra`) and
/// return the first error as JSON, or the profile when it compiles.
fn probe(extra: &str) -> Result<serde_json::Value, serde_json::Value> {
    probe_at_site(None, extra)
}

/// [`probe`] with a site template `vmcs/site/knowledge` on the include path.
fn probe_at_site(site: Option<&str>, extra: &str) -> Result<serde_json::Value, serde_json::Value> {
    let tmp = tempfile::tempdir().unwrap();
    if let Some(site) = site {
        std::fs::create_dir_all(tmp.path().join("vmcs/site")).unwrap();
        std::fs::write(
            tmp.path().join("vmcs/site/knowledge.pan"),
            format!("declaration template vmcs/site/knowledge;\n{site}\n"),
        )
        .unwrap();
    }
    let src = format!(
        "object template probe;\ninclude 'vmcs/vm';\ninclude 'vmcs/presets/small';\n\
         '/system/units/app' = dict('description', 'd', 'exec_start', '/bin/true');\n\
         '/system/services' = append('app');\n{extra}\n"
    );
    std::fs::write(tmp.path().join("probe.pan"), src).unwrap();
    let inc = include_path(tmp.path());
    let out = vmcs(
        tmp.path(),
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
            "probe.pan",
        ],
    );
    if out.status.success() {
        let json = std::fs::read_to_string(tmp.path().join("probe.json")).unwrap();
        return Ok(serde_json::from_str(&json).unwrap());
    }
    let stderr = text(&out.stderr);
    Err(serde_json::from_str(stderr.lines().next().unwrap()).unwrap())
}

/// Values that reach a line of a guest file or a command line are checked by the types:
/// each case is an assignment and the element its error must name.
#[test]
fn schema_refuses_values_that_would_break_a_guest_file() {
    let cases = [
        (
            r#"'/system/units/app/exec_start' = "/bin/true\nExecStartPre=/bin/sh";"#,
            "/system/units/app/exec_start",
        ),
        (
            r#"'/system/units/app/description' = "a\rb";"#,
            "/system/units/app/description",
        ),
        (
            r#"'/system/units/app/environment' = dict('A', "x\ny");"#,
            "/system/units/app/environment/A",
        ),
        (
            "'/system/units/app/environment' = dict('a-b', 'x');",
            "/system/units/app/environment",
        ),
        (
            "'/system/units/app/restart' = 'sometimes';",
            "/system/units/app/restart",
        ),
        ("'/system/units/app/user' = 'Root';", "/system/units/app/user"),
        (
            "'/system/units/app/after' = list('a b');",
            "/system/units/app/after/0",
        ),
        (
            "'/system/units/app/working_directory' = 'srv';",
            "/system/units/app/working_directory",
        ),
        (
            "'/system/units/app.service' = dict('description', 'd', 'exec_start', '/bin/true');",
            "/system/units",
        ),
        (
            r#"'/system/kernel/cmdline' = "quiet\ninit=/bin/sh";"#,
            "/system/kernel/cmdline",
        ),
        (
            "'/system/files' = append(dict('path', '/etc/../../x', 'contents', ''));",
            "/system/files/0/path",
        ),
        (
            "'/system/files' = append(dict('path', '/etc/', 'contents', ''));",
            "/system/files/0/path",
        ),
        (
            "'/system/files' = append(dict('path', '/etc/motd', 'contents', '', 'mode', 4096));",
            "/system/files/0/mode",
        ),
        ("'/system/services' = append('ssh; rm');", "/system/services/2"),
        (
            "'/software/repositories' = list(dict('uri', 'http://x.org/debian main', 'suite', 'bookworm'));",
            "/software/repositories/0/uri",
        ),
        (
            "'/software/repositories' = list(dict('uri', 'ftp://x.org/debian', 'suite', 'bookworm'));",
            "/software/repositories/0/uri",
        ),
        (
            "'/software/repositories' = list(dict('uri', 'http://x.org/debian', 'suite', 'bookworm main'));",
            "/software/repositories/0/suite",
        ),
        (
            "'/software/repositories' = list(dict('uri', 'http://x.org/debian', 'suite', 'bookworm', 'components', list()));",
            "/software/repositories/0/components",
        ),
        (
            "'/network/hosts' = list(dict('name', 'Web_1', 'address', '10.0.0.1'));",
            "/network/hosts/0/name",
        ),
        (
            "'/network/hosts' = list(dict('name', 'web', 'address', '10.0.0.256'));",
            "/network/hosts/0/address",
        ),
    ];
    for (extra, path) in cases {
        let e = probe(extra).expect_err(extra);
        assert_eq!(e["class"], "validation", "{extra}: {e}");
        let msg = e["message"].as_str().unwrap();
        assert!(
            msg.ends_with(&format!("element path: '{path}'")),
            "{extra}: {msg}"
        );
    }
}

#[test]
fn default_repositories_are_the_suite_defaults() {
    let p = probe(
        "'/system/os/mirror' = 'http://mirror.example.org/debian';\n\
         '/software/repositories' = vmcs_default_repositories();",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let main = serde_json::json!(["main"]);
    assert_eq!(
        p["software"]["repositories"],
        serde_json::json!([
            {"uri": "http://mirror.example.org/debian", "suite": "bookworm", "components": main},
            {"uri": "http://mirror.example.org/debian", "suite": "bookworm-updates", "components": main},
            {"uri": "http://deb.debian.org/debian-security", "suite": "bookworm-security", "components": main}
        ])
    );
    // Without assignments the new parts are empty: the spawn's defaults apply.
    let p = probe("").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p["software"]["repositories"], serde_json::json!([]));
    assert_eq!(p["network"]["hosts"], serde_json::json!([]));
    assert_eq!(p["system"]["files"], serde_json::json!([]));
    assert_eq!(p["storage"]["images"]["root"]["populate"], true);
}

#[test]
fn services_are_provided_by_units_packages_or_the_base_system() {
    // A template unit's instance, a timer of a required package, a unit given with its
    // suffix and a service whose package comes in through the resolved set all pass.
    let p = probe(
        "'/system/services' = append('getty@tty1');\n\
         '/system/services' = append('serial-getty@ttyS0.service');\n\
         '/system/services' = append('fstrim.timer');\n\
         '/system/services' = append('app.service');\n\
         '/system/services' = append('cron');\n\
         '/software/resolved' = list(dict('name', 'cron', 'version', '3.0', 'arch', 'amd64', \
             'source', 'apt', 'requested', false, 'order', 0));",
    );
    assert!(p.is_ok(), "{}", p.unwrap_err());
    // A site teaches the knowledge center a service; the rule then offers its package.
    let e = probe("'/system/services' = append('grafana-server');").unwrap_err();
    assert_eq!(e["rule"]["id"], "sw.service-without-unit");
    assert!(e["rule"]["fix"].is_null(), "{e}");
    let site = Some(
        "variable VMCS_SERVICE_PACKAGES = merge(VMCS_SERVICE_PACKAGES, dict('grafana-server', list('grafana')));",
    );
    let e = probe_at_site(site, "'/system/services' = append('grafana-server');").unwrap_err();
    assert_eq!(
        e["rule"]["fix"],
        serde_json::json!({"path": "/software/packages/grafana", "value": "dict('name', 'grafana', 'source', 'apt')"})
    );
    let p = probe_at_site(
        site,
        "'/system/services' = append('grafana-server');\n\
         '/software/packages/grafana' = vmcs_package('grafana');",
    );
    assert!(p.is_ok(), "{}", p.unwrap_err());
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
