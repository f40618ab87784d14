//! `vmcs new`: write a user-level VM template from a preset of the suggestion repository
//! (`vmcs/knowledge/suggestions`), command-line choices, or an earlier profile (`--from`),
//! then apply the knowledge center's fixes until it compiles clean.

use crate::cmd::fix;
use miette::{miette, IntoDiagnostic};
use serde_json::Value as Json;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vmcs_pan::{CompileOptions, Compiler};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The VM name (also the object template's name): `[a-z0-9][a-z0-9-]*`.
    pub name: String,
    /// A preset of the suggestion repository: small, build, web, ...
    #[arg(long)]
    pub preset: Option<String>,
    /// Initial memory, MiB.
    #[arg(long)]
    pub memory: Option<u64>,
    /// Maximum memory, MiB (default: the preset's, at least the memory).
    #[arg(long)]
    pub maxmem: Option<u64>,
    /// Virtual CPUs.
    #[arg(long)]
    pub vcpus: Option<u64>,
    /// Extra packages, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub packages: Vec<String>,
    /// The owner of the VM (adds the user environment `vmcs/user/env`).
    #[arg(long)]
    pub owner: Option<String>,
    /// Start from an earlier profile (`.json` or pan `.xml`) instead of a preset.
    #[arg(long, value_name = "PROFILE")]
    pub from: Option<PathBuf>,
    /// Directories searched for templates, separated by `:` (default: the output's
    /// directory and the vmcs stdlib).
    #[arg(long, value_name = "PATH")]
    pub include_path: Option<String>,
    /// Where to write the template (default: `NAME.pan`).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> miette::Result<ExitCode> {
    if !valid_name(&args.name) {
        return Err(miette!(
            help = "use lower-case letters, digits and `-`, starting with a letter or digit",
            "`{}` is not a valid VM name",
            args.name
        ));
    }
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.pan", args.name)));
    if out.exists() && !args.force {
        return Err(miette!(
            "{} exists; use --force to overwrite it",
            out.display()
        ));
    }
    let dirs = fix::include_dirs_for(args.include_path.as_deref(), &out);
    let header_name = object_name(&out, &dirs);
    let text = match &args.from {
        Some(p) => from_profile(&args, &header_name, p)?,
        None => from_preset(&args, &header_name, &suggestions(&dirs)?)?,
    };
    let fixed = fix::fix_text(&out, &text, &dirs, 25)?;
    for a in &fixed.applied {
        eprintln!(
            "suggestion applied ({}): {} = {}",
            a.rule, a.fix.path, a.fix.value
        );
    }
    if let fix::Outcome::Stuck(e) = &fixed.outcome {
        eprintln!("{:?}", e.to_report());
        eprintln!("warning: the new template does not compile clean yet");
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).into_diagnostic()?;
    }
    std::fs::write(&out, &fixed.text).into_diagnostic()?;
    eprintln!("wrote {}", out.display());
    Ok(if matches!(fixed.outcome, fix::Outcome::Clean) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn valid_name(n: &str) -> bool {
    let b = n.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// The name the template's header must carry: its path below an include directory.
fn object_name(out: &Path, dirs: &[PathBuf]) -> String {
    match Compiler::new(CompileOptions {
        include_dirs: dirs.to_vec(),
        ..CompileOptions::default()
    }) {
        Ok(c) => c.object_name_for(out),
        Err(_) => out
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

/// `VMCS_SUGGESTIONS`, read by compiling a scratch object that includes the repository.
fn suggestions(dirs: &[PathBuf]) -> miette::Result<Json> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let scratch = std::env::temp_dir().join(format!("vmcs-new-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&scratch).into_diagnostic()?;
    let file = scratch.join("vmcs_suggestions.pan");
    std::fs::write(
        &file,
        "object template vmcs_suggestions;\ninclude 'vmcs/knowledge/suggestions';\n'/suggestions' = VMCS_SUGGESTIONS;\n",
    )
    .into_diagnostic()?;
    let results = super::compile_scratch(&scratch, dirs, &file)?;
    let built = match results
        .into_iter()
        .find(|(n, _)| &**n == "vmcs_suggestions")
    {
        Some((_, Ok(b))) => b,
        Some((_, Err(e))) => {
            return Err(miette!(
                "cannot read the suggestion repository: {}",
                e.message
            ))
        }
        None => return Err(miette!("cannot read the suggestion repository")),
    };
    let mut buf = Vec::new();
    vmcs_pan::output::write_json(&built.root, &mut buf);
    let v: Json = serde_json::from_slice(&buf).into_diagnostic()?;
    Ok(v["suggestions"].clone())
}

fn from_preset(args: &Args, header_name: &str, sugg: &Json) -> miette::Result<String> {
    let preset_name = args
        .preset
        .clone()
        .or_else(|| sugg["default"].as_str().map(String::from))
        .unwrap_or_else(|| "small".into());
    let presets = sugg["presets"]
        .as_object()
        .ok_or_else(|| miette!("the suggestion repository has no presets"))?;
    let Some(p) = presets.get(&preset_name) else {
        let names: Vec<_> = presets.keys().cloned().collect();
        return Err(miette!(
            "unknown preset `{preset_name}`; the suggestion repository has: {}",
            names.join(", ")
        ));
    };
    let num = |k: &str| p[k].as_u64();
    let vcpus = args.vcpus.or(num("vcpus")).unwrap_or(1);
    let memory = args.memory.or(num("memory")).unwrap_or(256);
    let maxmem = args
        .maxmem
        .unwrap_or_else(|| num("maxmem").unwrap_or(memory).max(memory));
    let mut packages: Vec<String> = p["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    for extra in &args.packages {
        let extra = extra.trim();
        if !extra.is_empty() && !packages.iter().any(|q| q == extra) {
            packages.push(extra.to_string());
        }
    }
    let template = p["template"].as_str().unwrap_or("vmcs/presets/small");
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# {}: {}",
        args.name,
        p["description"].as_str().unwrap_or(&preset_name)
    );
    let _ = writeln!(
        t,
        "# Written by `vmcs new --preset {preset_name}`; edit freely, then `vmcs fix` applies the"
    );
    let _ = writeln!(t, "# knowledge center's suggestions.");
    let _ = writeln!(t, "object template {header_name};\n");
    let _ = writeln!(t, "include 'vmcs/vm';");
    let _ = writeln!(t, "include '{template}';\n");
    let _ = writeln!(t, "'/hardware/vcpus' = {vcpus};");
    let _ = writeln!(t, "'/hardware/memory' = {memory};");
    let _ = writeln!(t, "'/hardware/maxmem' = {maxmem};");
    if !packages.is_empty() {
        let list: Vec<String> = packages.iter().map(|n| pan_string(n)).collect();
        let _ = writeln!(
            t,
            "'/software/packages' = vmcs_merge(SELF, vmcs_packages(list({})));",
            list.join(", ")
        );
    }
    if p["nic"].as_bool().unwrap_or(true) {
        let bridge = sugg["bridge"].as_str().unwrap_or("xenbr0");
        let _ = writeln!(
            t,
            "'/network/interfaces' = append(vmcs_nic({}));",
            pan_string(bridge)
        );
    }
    owner_lines(&mut t, args.owner.as_deref());
    Ok(t)
}

fn owner_lines(t: &mut String, owner: Option<&str>) {
    if let Some(o) = owner {
        let _ = writeln!(t, "\nvariable VMCS_OWNER = {};", pan_string(o));
        let _ = writeln!(t, "include 'vmcs/user/env';");
    }
}

/// A template reproducing an earlier profile, under the new name: every part assigned field
/// by field, interfaces re-created with `vmcs_nic` (new MACs), the resolved set left out.
fn from_profile(args: &Args, header_name: &str, path: &Path) -> miette::Result<String> {
    let text = std::fs::read_to_string(path).into_diagnostic()?;
    let json = if text.trim_start().starts_with('<') {
        pan_xml_to_json(&text)?
    } else {
        serde_json::from_str(&text).into_diagnostic()?
    };
    // Check it is a VM profile before copying anything from it.
    let profile =
        vmcs_model::VmProfile::from_json_str(&json.to_string()).map_err(|e| miette!("{e}"))?;
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# {}: started from the profile of `{}` ({})",
        args.name,
        profile.vm.name,
        path.display()
    );
    let _ = writeln!(
        t,
        "# Written by `vmcs new --from`; edit freely, then `vmcs fix` applies the knowledge"
    );
    let _ = writeln!(t, "# center's suggestions.");
    let _ = writeln!(t, "object template {header_name};\n");
    let _ = writeln!(t, "include 'vmcs/vm';\n");
    if let Some(d) = json["vm"]["description"].as_str() {
        let _ = writeln!(t, "'/vm/description' = {};", pan_string(d));
    }
    for part in ["hardware", "storage", "system", "software"] {
        let Some(obj) = json[part].as_object() else {
            continue;
        };
        for (k, v) in obj {
            if part == "software" && k == "resolved" {
                continue;
            }
            let v = if part == "system"
                && k == "hostname"
                && v.as_str() == Some(profile.vm.name.as_str())
            {
                Json::String(args.name.clone())
            } else {
                v.clone()
            };
            let _ = writeln!(t, "'/{part}/{k}' = {};", pan_literal(&v));
        }
    }
    if let Some(v) = args.vcpus {
        let _ = writeln!(t, "'/hardware/vcpus' = {v};");
    }
    if let Some(v) = args.memory {
        let _ = writeln!(t, "'/hardware/memory' = {v};");
        let _ = writeln!(
            t,
            "'/hardware/maxmem' = {};",
            args.maxmem
                .unwrap_or(v)
                .max(v)
                .max(profile.hardware.maxmem.get())
        );
    }
    if !args.packages.is_empty() {
        let list: Vec<String> = args.packages.iter().map(|n| pan_string(n.trim())).collect();
        let _ = writeln!(
            t,
            "'/software/packages' = vmcs_merge(SELF, vmcs_packages(list({})));",
            list.join(", ")
        );
    }
    let net = &json["network"];
    for nic in net["interfaces"].as_array().into_iter().flatten() {
        let mut ipv4 = nic["ipv4"].clone();
        if ipv4["method"] == "dhcp" {
            ipv4 = Json::Null;
        }
        let name = pan_string(nic["name"].as_str().unwrap_or("eth0"));
        let bridge = pan_string(nic["bridge"].as_str().unwrap_or("xenbr0"));
        let ipv4 = if ipv4.is_null() {
            "dict('method', 'dhcp')".to_string()
        } else {
            pan_literal(&ipv4)
        };
        let mut nic_expr = format!("vmcs_nic({bridge}, {ipv4}, {name})");
        if nic["create_bridge"].as_bool() == Some(true) {
            nic_expr = format!("vmcs_merge({nic_expr}, dict('create_bridge', true))");
        }
        let _ = writeln!(t, "'/network/interfaces' = append({nic_expr});");
    }
    for k in ["dns", "segment", "hosts"] {
        if !net[k].is_null() {
            let _ = writeln!(t, "'/network/{k}' = {};", pan_literal(&net[k]));
        }
    }
    match (&args.owner, &profile.vm.owner) {
        (Some(_), _) => owner_lines(&mut t, args.owner.as_deref()),
        (None, Some(o)) => {
            let _ = writeln!(t, "'/vm/owner' = {};", pan_string(o));
        }
        (None, None) => {}
    }
    Ok(t)
}

/// A Pan string literal.
pub fn pan_string(s: &str) -> String {
    if !s.chars().any(|c| c.is_control()) {
        return format!("'{}'", s.replace('\'', "''"));
    }
    // A double-quoted string with escapes keeps line feeds and tabs on one source line.
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x100 && c.is_control() => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Pan source for a JSON value.
pub fn pan_literal(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => pan_string(s),
        Json::Array(a) => format!(
            "list({})",
            a.iter().map(pan_literal).collect::<Vec<_>>().join(", ")
        ),
        Json::Object(o) => format!(
            "dict({})",
            o.iter()
                .map(|(k, v)| format!("{}, {}", pan_string(k), pan_literal(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Read panc's XML profile format (`<nlist name="...">`, `<list>`, `<string>`, `<long>`,
/// `<double>`, `<boolean>`) into JSON.
pub fn pan_xml_to_json(text: &str) -> miette::Result<Json> {
    let mut p = XmlReader { s: text, pos: 0 };
    p.skip_prolog();
    let (_, v) = p.element()?;
    Ok(v)
}

struct XmlReader<'a> {
    s: &'a str,
    pos: usize,
}

impl XmlReader<'_> {
    fn rest(&self) -> &str {
        &self.s[self.pos..]
    }
    fn skip_ws(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start().len();
    }
    fn skip_prolog(&mut self) {
        loop {
            self.skip_ws();
            if self.rest().starts_with("<?") || self.rest().starts_with("<!") {
                match self.rest().find('>') {
                    Some(i) => self.pos += i + 1,
                    None => return,
                }
            } else {
                return;
            }
        }
    }
    /// One element: returns its `name` attribute and its value.
    fn element(&mut self) -> miette::Result<(Option<String>, Json)> {
        self.skip_ws();
        if !self.rest().starts_with('<') {
            return Err(miette!("malformed profile XML at byte {}", self.pos));
        }
        let end = self
            .rest()
            .find('>')
            .ok_or_else(|| miette!("malformed profile XML: unterminated tag"))?;
        let tag = &self.s[self.pos + 1..self.pos + end];
        self.pos += end + 1;
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let kind = tag.split_whitespace().next().unwrap_or("").to_string();
        let name = attr(tag, "name");
        if self_closing {
            let v = match kind.as_str() {
                "nlist" => Json::Object(Default::default()),
                "list" => Json::Array(Vec::new()),
                _ => Json::String(String::new()),
            };
            return Ok((name, v));
        }
        let close = format!("</{kind}>");
        let v = match kind.as_str() {
            "nlist" | "list" => {
                let mut map = serde_json::Map::new();
                let mut arr = Vec::new();
                loop {
                    self.skip_ws();
                    if self.rest().starts_with(&close) {
                        self.pos += close.len();
                        break;
                    }
                    let (n, v) = self.element()?;
                    if kind == "nlist" {
                        map.insert(n.unwrap_or_default(), v);
                    } else {
                        arr.push(v);
                    }
                }
                if kind == "nlist" {
                    Json::Object(map)
                } else {
                    Json::Array(arr)
                }
            }
            _ => {
                let i = self
                    .rest()
                    .find(&close)
                    .ok_or_else(|| miette!("malformed profile XML: no {close}"))?;
                let raw = unescape_xml(&self.s[self.pos..self.pos + i]);
                self.pos += i + close.len();
                match kind.as_str() {
                    "long" => raw
                        .trim()
                        .parse::<i64>()
                        .map(Json::from)
                        .into_diagnostic()?,
                    "double" => raw
                        .trim()
                        .parse::<f64>()
                        .map(Json::from)
                        .into_diagnostic()?,
                    "boolean" => Json::Bool(raw.trim() == "true"),
                    _ => Json::String(raw),
                }
            }
        };
        Ok((name, v))
    }
}

fn attr(tag: &str, key: &str) -> Option<String> {
    let pat = format!("{key}=\"");
    let i = tag.find(&pat)? + pat.len();
    let j = tag[i..].find('"')?;
    Some(unescape_xml(&tag[i..i + j]))
}

fn unescape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(j) = rest.find(';') else { break };
        let ent = &rest[1..j];
        match ent {
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "amp" => out.push('&'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            _ => {
                let code = ent
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()));
                match code.and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => out.push_str(&rest[..=j]),
                }
            }
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out
}
