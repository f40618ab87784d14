//! Bringing a network of VMs up and down as one unit (what `vmcs up` and `vmcs down` do,
//! here so that other front ends than the CLI can do it too): compile and build every member
//! that does not exist yet (in parallel, through the image cache), place each on its host,
//! create the switches, start everything and record the network; or stop (or remove) every
//! member at once. Errors of single members are handed to the caller as they happen and do
//! not stop the others.

use crate::ops::{Ops, Target};
use crate::VirtError;
use miette::{miette, IntoDiagnostic};
use std::path::{Path, PathBuf};
use std::time::Duration;
use vmcs_image::{define, Machine, SpawnOptions};
use vmcs_model::network::NetProfile;
use vmcs_model::VmProfile;
use vmcs_store::Store;

/// Where members without a `placement` run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// QEMU processes on this machine (no libvirt).
    Qemu,
    /// A host name, `auto`, or (`None`) this machine's libvirt when it runs, else QEMU.
    Host(Option<String>),
}

/// How to bring a network up.
pub struct UpOptions<'a> {
    /// The state directory.
    pub state: &'a Path,
    /// Who owns the members built.
    pub owner: &'a str,
    /// The include path the members' templates are found on.
    pub dirs: &'a [PathBuf],
    pub resolve: define::ResolveOpts,
    /// Ask the guests' archives for new indexes.
    pub refresh: bool,
    pub placement: Placement,
    /// What the network's record names as its template.
    pub template: String,
    /// The members' author runs this (the CLI): profile commands and host paths are
    /// allowed. The portal's users are never trusted.
    pub trusted: bool,
}

/// Compile the network template `file` with the include path `dirs`.
pub fn load(file: &Path, dirs: &[PathBuf]) -> miette::Result<NetProfile> {
    let root = define::compile_object(file, dirs)?;
    let json = vmcs_pan::output::json::to_json_string(&root);
    Ok(NetProfile::from_json_str(&json)?)
}

fn target(
    ops: &Ops<'_>,
    placement: &Placement,
    net: &NetProfile,
    m: &Machine,
    survey: &mut Option<Vec<crate::hosts::Survey>>,
) -> miette::Result<Target> {
    let host = match placement {
        Placement::Qemu => return Ok(Target::local("qemu")),
        Placement::Host(h) => h,
    };
    let want = net
        .placement
        .get(m.name.as_str())
        .map(|h| h.to_string())
        .or_else(|| host.clone());
    match want.as_deref() {
        Some("auto") => place(ops, m, survey),
        Some(h) => {
            crate::hosts::get(ops.store, h)?;
            Ok(Target {
                backend: "libvirt".into(),
                host: h.into(),
            })
        }
        None if Path::new("/run/libvirt/libvirt-sock").exists() && cfg!(feature = "libvirt") => {
            Ok(Target {
                backend: "libvirt".into(),
                host: crate::hosts::LOCAL.into(),
            })
        }
        None => Ok(Target::local("qemu")),
    }
}

#[cfg(feature = "libvirt")]
fn place(
    ops: &Ops<'_>,
    m: &Machine,
    survey: &mut Option<Vec<crate::hosts::Survey>>,
) -> miette::Result<Target> {
    if survey.is_none() {
        *survey = Some(ops.survey()?);
    }
    let s = survey.as_mut().expect("surveyed");
    let h = crate::hosts::place(s, m.memory_mib, &[])
        .ok_or_else(|| miette!("no host has room for `{}` ({} MiB)", m.name, m.memory_mib))?;
    if let Some(x) = s.iter_mut().find(|x| x.name == h) {
        x.free_mib = x.free_mib.saturating_sub(m.memory_mib);
        x.running += 1;
    }
    Ok(Target {
        backend: "libvirt".into(),
        host: h,
    })
}

#[cfg(not(feature = "libvirt"))]
fn place(
    _: &Ops<'_>,
    _: &Machine,
    _: &mut Option<Vec<crate::hosts::Survey>>,
) -> miette::Result<Target> {
    Err(miette!(
        "placing on hosts needs the libvirt driver, which this vmcs was built without"
    ))
}

/// A member to build: its Pan source, its compiled pan XML skeleton and typed profile.
pub struct NewMember {
    pub pan: String,
    pub xml: String,
    pub profile: VmProfile,
}

/// The members of `net` that exist (by name) and those that do not.
pub fn partition<'n>(
    store: &Store,
    net: &'n NetProfile,
) -> miette::Result<(Vec<&'n vmcs_model::network::Member>, Vec<String>)> {
    let mut new = Vec::new();
    let mut existing = Vec::new();
    for m in net.members() {
        if store.instance(&m.name)?.is_some() {
            existing.push(m.name.to_string());
        } else {
            new.push(m);
        }
    }
    Ok((new, existing))
}

/// Bring `net` up: build the members that do not exist (their templates found on
/// `o.dirs`, compiled and resolved here, one after the other; their profiles saved for
/// `o.owner`), place and start them, start the existing ones, record the network as up. Each
/// member's failure goes to `on_error` (member name or `""`, report) as it happens; the
/// result says whether any failed. An error before any member is built (a template
/// missing, a member named differently from its VM, no host) is returned.
pub fn up(
    store: &Store,
    net: &NetProfile,
    o: &UpOptions<'_>,
    on_error: &mut dyn FnMut(&str, miette::Report),
) -> miette::Result<bool> {
    let (new, existing) = partition(store, net)?;
    let mut todo = Vec::new();
    for m in new {
        let file = define::find_template(o.dirs, &m.object).ok_or_else(|| {
            miette!(
                "member `{}`: no template `{}` on the include path",
                m.name,
                m.object
            )
        })?;
        let pan = std::fs::read_to_string(&file).into_diagnostic()?;
        let xml = define::compile_for_guest(&file, o.dirs, &o.resolve, o.state, o.refresh)?;
        let profile = VmProfile::from_pan_xml_str(&xml)?;
        if profile.vm.name.as_str() != m.name.as_str() {
            return Err(miette!(
                "member `{}` of switch lists object `{}`, whose VM is named `{}`",
                m.name,
                m.object,
                profile.vm.name
            ));
        }
        todo.push(NewMember { pan, xml, profile });
    }
    up_compiled(store, net, todo, &existing, o, on_error)
}

/// [`up`] with the new members already compiled (the portal compiles its users' Pan under
/// confinement): build them at once, place and start them, start the `existing` members,
/// record the network as up.
pub fn up_compiled(
    store: &Store,
    net: &NetProfile,
    todo: Vec<NewMember>,
    existing: &[String],
    o: &UpOptions<'_>,
    on_error: &mut dyn FnMut(&str, miette::Report),
) -> miette::Result<bool> {
    let ops = Ops::new(store, o.state);
    // Build the new members at once (layers are locked; shared ones are built once).
    let versions: Vec<(i64, i64)> = todo
        .iter()
        .map(|n| {
            store.save_profile(
                o.owner,
                &n.profile.vm.name,
                Some(&n.pan),
                &n.xml,
                Some(&format!("network {}", net.name)),
            )
        })
        .collect::<Result<_, _>>()?;
    let built: Vec<Result<Vec<Machine>, vmcs_image::SpawnError>> = std::thread::scope(|sc| {
        let hs: Vec<_> = todo
            .iter()
            .zip(&versions)
            .map(|(n, v)| {
                let p = &n.profile;
                let state = o.state.to_path_buf();
                let owner = o.owner.to_string();
                let trusted = o.trusted;
                sc.spawn(move || {
                    let mut so = SpawnOptions::new(&state);
                    so.trusted = trusted;
                    so.owner = Some(owner);
                    so.profile = Some(*v);
                    so.progress = false;
                    vmcs_image::build(p, &so).map(|(_, r)| r.machines)
                })
            })
            .collect();
        hs.into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(vmcs_image::SpawnError::Unsupported(
                        "a build thread panicked".into(),
                    ))
                })
            })
            .collect()
    });
    let mut machines = Vec::new();
    let mut failed = false;
    for r in built {
        match r {
            Ok(ms) => machines.extend(ms),
            Err(e) => {
                failed = true;
                on_error("", miette::Report::new(e));
            }
        }
    }
    let mut survey = None;
    let targets = machines
        .iter()
        .map(|m| target(&ops, &o.placement, net, m, &mut survey))
        .collect::<miette::Result<Vec<_>>>()?;
    for m in &machines {
        store.set_instance_network(&m.name, Some(&net.name))?;
    }
    for name in existing {
        store.set_instance_network(name, Some(&net.name))?;
    }
    let results = ops.deploy(&machines, &targets, true);
    for (m, r) in machines.iter().zip(results) {
        if let Err(e) = r {
            failed = true;
            on_error(&m.name, miette::Report::new(e));
        }
    }
    for name in existing {
        if let Err(e) = ops.start(name) {
            failed = true;
            on_error(name, miette::Report::new(e));
        }
    }
    let spec = serde_json::json!({"template": o.template, "profile": net});
    store.put_network(&vmcs_store::NetworkRow {
        name: net.name.to_string(),
        owner: o.owner.to_string(),
        spec: spec.to_string(),
        state: "up".into(),
        created: 0,
    })?;
    Ok(failed)
}

/// Stop every member of the network `name` at once (`rm`: remove them and their disks, and
/// forget the network); each member's result, then the network is recorded as down.
pub fn down(
    state: &Path,
    store: &Store,
    name: &str,
    rm: bool,
    timeout: Duration,
) -> miette::Result<Vec<(String, Result<(), VirtError>)>> {
    let row = store
        .network(name)?
        .ok_or_else(|| miette!("no network named `{name}` (`vmcs list` shows them)"))?;
    let members: Vec<String> = store
        .instances(None)?
        .into_iter()
        .filter(|r| r.network.as_deref() == Some(name))
        .map(|r| r.name)
        .collect();
    let results: Vec<(String, Result<(), VirtError>)> = std::thread::scope(|sc| {
        let hs: Vec<_> = members
            .iter()
            .map(|n| {
                let state = state.to_path_buf();
                sc.spawn(move || {
                    let r = Store::open(&state).map_err(VirtError::from).and_then(|s| {
                        let ops = Ops::new(&s, &state);
                        if rm {
                            ops.remove(n, true)
                        } else {
                            ops.stop(n, timeout, true)
                        }
                    });
                    (n.clone(), r)
                })
            })
            .collect();
        hs.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    if rm {
        store.delete_network(name)?;
    } else {
        store.put_network(&vmcs_store::NetworkRow {
            state: "down".into(),
            ..row
        })?;
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net() -> NetProfile {
        NetProfile::from_json_str(
            r#"{"name": "lab", "switches": {"lab": {"name": "lab", "bridge": "br-lab",
               "network": "10.20.0.0", "prefix": 24,
               "members": [{"name": "web", "object": "net/web", "address": "10.20.0.10"}]}}}"#,
        )
        .unwrap()
    }

    #[test]
    fn up_stops_before_building_when_a_member_has_no_template() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let o = UpOptions {
            state: dir.path(),
            owner: "alice",
            dirs: &[dir.path().to_path_buf()],
            resolve: define::ResolveOpts::default(),
            refresh: false,
            placement: Placement::Qemu,
            template: "lab.pan".into(),
            trusted: true,
        };
        let mut errors = 0;
        let e = up(&store, &net(), &o, &mut |_, _| errors += 1).unwrap_err();
        assert!(e.to_string().contains("no template `net/web`"), "{e}");
        assert_eq!(errors, 0);
        assert!(store.network("lab").unwrap().is_none(), "nothing recorded");
        assert!(store.instances(None).unwrap().is_empty(), "nothing built");
    }

    #[test]
    fn down_of_an_unknown_network_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let e = down(dir.path(), &store, "nope", false, Duration::from_secs(1)).unwrap_err();
        assert!(e.to_string().contains("no network named `nope`"), "{e}");
    }
}
