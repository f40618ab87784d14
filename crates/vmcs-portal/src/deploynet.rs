//! Deploying a design in one click: `POST /api/v1/designs/ID/deploy` (optional JSON
//! `{"host": NAME|"auto"}`) brings the drawn network up as `vmcs up` does
//! (`vmcs_virt::netdeploy::up_compiled`), as a job whose events the page shows.
//!
//! The members are the caller's saved profiles, which know nothing of the design: each new
//! member is compiled from its profile's Pan as the object `deploy/NET/MEMBER`, with the
//! design's switch appended (`VMCS_SEGMENT`, `/network` from `vmcs_segment_network`, the VM
//! and host name set to the member's), so it gets the address, gateway and `/etc/hosts` the
//! drawing planned and the segment rules (`net.duplicate-ip`, `net.duplicate-mac`) check it
//! against the members before it. Members that already exist are started and stand in the
//! segment as a small object holding their planned interface. Everything compiles under the
//! portal's confinement (the user's own templates, the stdlib, the limits), before any job
//! starts: a member that does not compile is a 422 naming it. `"dry_run": true` stops there
//! and answers what each member would be. A network name is one user's: deploying a design
//! whose network another user has deployed is a 409.
//!
//! `POST /api/v1/designs/ID/down` (optional `{"rm": true}`) takes the deployed network down
//! as `vmcs down` does (`vmcs_virt::netdeploy::down`: every member stopped at once; `rm`
//! also removes them and their disks and forgets the network), as a job. Only the owner of
//! the design, of the network and of every member may: otherwise 404 (not theirs) or 409.

use crate::auth::Caller;
use crate::designs::plan_of;
use crate::error::{ApiError, ApiResult};
use crate::ops::with_store;
use crate::panstr::quote;
use crate::state::App;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::fmt::Write as _;
use vmcs_model::network::{NetProfile, Switch};
use vmcs_virt::netdeploy::{self, NewMember, Placement, UpOptions};

pub fn router() -> Router<App> {
    Router::new()
        .route("/api/v1/designs/{id}/deploy", post(deploy))
        .route("/api/v1/designs/{id}/down", post(down))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DeployReq {
    /// A libvirt host name, `auto`, or absent (the design's placement, else this machine).
    #[serde(default)]
    host: Option<String>,
    /// Compile the members only: answer 200 with what each would be (name, bridge,
    /// address, hosts), build and start nothing.
    #[serde(default)]
    dry_run: bool,
}

/// The object a member is compiled as.
pub fn member_object(net: &str, member: &str) -> String {
    format!("deploy/{net}/{member}")
}

/// The switch as a Pan `vmcs_segment` dict, its members' objects named by [`member_object`].
pub fn segment_dict(net: &str, s: &Switch) -> String {
    let mut t = String::from("dict(\n");
    let _ = writeln!(t, "    'name', {},", quote(s.name.as_str()));
    let _ = writeln!(t, "    'bridge', {},", quote(s.bridge.as_str()));
    let _ = writeln!(t, "    'create_bridge', {},", s.create_bridge);
    let _ = writeln!(t, "    'network', {},", quote(&s.network.to_string()));
    let _ = writeln!(t, "    'prefix', {},", s.prefix);
    if let Some(g) = s.gateway {
        let _ = writeln!(t, "    'gateway', {},", quote(&g.to_string()));
    }
    let dns: Vec<String> = s.dns.iter().map(|a| quote(&a.to_string())).collect();
    let _ = writeln!(t, "    'dns', list({}),", dns.join(", "));
    let members: Vec<String> = s
        .members
        .iter()
        .map(|m| {
            format!(
                "        dict('name', {}, 'object', {}, 'address', {})",
                quote(m.name.as_str()),
                quote(&member_object(net, m.name.as_str())),
                quote(&m.address.to_string())
            )
        })
        .collect();
    let _ = write!(t, "    'members', list(\n{}\n    )\n)", members.join(",\n"));
    t
}

/// A profile's Pan made into member `member` of switch `s` of network `net`: the object
/// declaration renamed, the switch appended. `None` when the text declares no object.
pub fn member_pan(profile_pan: &str, net: &str, member: &str, s: &Switch) -> Option<String> {
    // The first line that starts (after blanks) with `object template NAME;`.
    let mut off = 0;
    let mut found = None;
    for line in profile_pan.split_inclusive('\n') {
        let body = line.trim_start();
        let mut words = body.split_whitespace();
        if words.next() == Some("object") && words.next() == Some("template") {
            if let Some(semi) = line.find(';') {
                found = Some((off + line.len() - body.len(), off + semi + 1));
                break;
            }
        }
        off += line.len();
    }
    let (start, end) = found?;
    let mut t = String::with_capacity(profile_pan.len() + 1024);
    t.push_str(&profile_pan[..start]);
    let _ = write!(t, "object template {};", member_object(net, member));
    t.push_str(&profile_pan[end..]);
    let _ = write!(
        t,
        "\n\n# Added by the portal's designer: member `{member}` of network `{net}`.\n\
         variable VMCS_SEGMENT = {};\n\
         '/vm/name' = {};\n\
         '/system/hostname' = {};\n\
         '/network' = vmcs_segment_network(VMCS_SEGMENT);\n",
        segment_dict(net, s),
        quote(member),
        quote(member)
    );
    Some(t)
}

/// A member that is not rebuilt, as the segment rules read it: its planned interface.
pub fn standin_pan(net: &str, member: &str, address: &str) -> String {
    format!(
        "object template {};\n'/network/interfaces' = list(dict('ipv4', dict('address', {})));\n",
        member_object(net, member),
        quote(address)
    )
}

/// The one switch `member` is on (a member drawn on two switches cannot be deployed: a
/// profile has one segment).
fn switch_of<'n>(net: &'n NetProfile, member: &str) -> ApiResult<&'n Switch> {
    let on: Vec<&Switch> = net
        .switches
        .values()
        .filter(|s| s.members.iter().any(|m| m.name.as_str() == member))
        .collect();
    match on.as_slice() {
        [s] => Ok(s),
        _ => Err(ApiError::Conflict(format!(
            "`{member}` is on {} switches; a deployed member joins exactly one",
            on.len()
        ))),
    }
}

async fn deploy(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
    body: Option<Json<DeployReq>>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let req = body.map(|Json(r)| r).unwrap_or_default();
    if let Some(h) = req.host.as_deref().filter(|h| *h != "auto") {
        if vmcs_model::checked::check_vm_name(h).is_err() {
            return Err(ApiError::BadRequest(format!("`{h}` is not a host name")));
        }
        let h = h.to_string();
        app.db(move |s| {
            vmcs_virt::hosts::get(s, &h).map_err(|e| ApiError::BadRequest(e.to_string()))
        })
        .await?;
    }
    let (net, plan) = plan_of(&app, &caller, id).await?;
    if plan["ready"] != json!(true) {
        let why: Vec<String> = plan["members"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| Some(format!("{}: {}", m["vm"].as_str()?, m["problem"].as_str()?)))
            .collect();
        return Err(ApiError::Conflict(format!(
            "the design cannot be deployed: {}",
            why.join("; ")
        )));
    }
    let netname = net.name.to_string();
    let (n2, u2) = (netname.clone(), caller.user.clone());
    let theirs = app
        .db(move |s| Ok(s.network(&n2)?.filter(|r| r.owner != u2).is_some()))
        .await?;
    if theirs {
        return Err(ApiError::Conflict(format!(
            "a network named `{netname}` is another user's; give the design another name"
        )));
    }
    // The members to build (name, profile id) and those that exist (name, planned address).
    let mut build = Vec::new();
    let mut existing = Vec::new();
    for m in plan["members"].as_array().into_iter().flatten() {
        let vm = m["vm"].as_str().unwrap_or_default().to_string();
        match m["action"].as_str() {
            Some("build") => {
                if !build.iter().any(|(n, _)| *n == vm) {
                    build.push((vm, m["profile_id"].as_i64().unwrap_or(-1)));
                }
            }
            _ => {
                if !existing.iter().any(|(n, _): &(String, String)| *n == vm) {
                    existing.push((vm, m["address"].as_str().unwrap_or_default().to_string()));
                }
            }
        }
    }
    let user = caller.user.clone();
    let ids: Vec<i64> = build.iter().map(|b| b.1).collect();
    let (own, sources) = app
        .db(move |s| {
            let own: Vec<(String, String)> = s
                .templates(&user)?
                .into_iter()
                .map(|t| (t.name, t.text))
                .collect();
            let mut sources = Vec::new();
            for id in ids {
                sources.push(s.profile_version(id, None)?.pan);
            }
            Ok((own, sources))
        })
        .await?;
    // Every member's object: the new ones from their profiles, stand-ins for the others.
    let mut objects: Vec<(String, String)> = Vec::new();
    for ((vm, _), src) in build.iter().zip(&sources) {
        let sw = switch_of(&net, vm)?;
        let pan = src
            .as_deref()
            .and_then(|p| member_pan(p, &netname, vm, sw))
            .ok_or_else(|| {
                ApiError::Conflict(format!(
                    "`{vm}`: its profile has no Pan template to build from"
                ))
            })?;
        objects.push((member_object(&netname, vm), pan));
    }
    for (vm, addr) in &existing {
        objects.push((member_object(&netname, vm), standin_pan(&netname, vm, addr)));
    }
    let mut all_own = own;
    all_own.extend(objects.iter().cloned());
    let mut todo = Vec::new();
    for (vm, _) in &build {
        let obj = member_object(&netname, vm);
        let pan = objects
            .iter()
            .find(|(o, _)| *o == obj)
            .map(|(_, p)| p.clone())
            .unwrap_or_default();
        let compiled = crate::compiles::compile_with(&app, all_own.clone(), pan.clone())
            .await
            .map_err(|e| match e {
                ApiError::Compile { message, detail } => ApiError::Compile {
                    message: format!("member `{vm}`: {message}"),
                    detail,
                },
                e => e,
            })?;
        let profile = vmcs_model::VmProfile::from_pan_xml_str(&compiled.xml)
            .map_err(|e| ApiError::BadRequest(format!("member `{vm}`: {e}")))?;
        todo.push(NewMember {
            pan,
            xml: compiled.xml,
            profile,
        });
    }
    if req.dry_run {
        let members: Vec<Value> = todo
            .iter()
            .map(|n| {
                let p = &n.profile;
                json!({
                    "name": p.vm.name, "hostname": p.system.hostname,
                    "interfaces": p.network.interfaces.iter().map(|i| json!({
                        "bridge": i.bridge, "address": i.ipv4.address, "prefix": i.ipv4.prefix,
                        "gateway": i.ipv4.gateway})).collect::<Vec<_>>(),
                    "hosts": p.network.hosts,
                })
            })
            .collect();
        return Ok((
            StatusCode::OK,
            Json(
                json!({"network": netname, "dry_run": true, "build": members, "start": existing.iter().map(|e| &e.0).collect::<Vec<_>>()}),
            ),
        ));
    }
    let job = app.0.jobs.create(&caller.user, "deploy");
    job.push(
        json!({"stage": "queued", "detail": format!("network {netname}: build {}, start {}",
        build.len(), existing.len()), "done": 0, "total": build.len() + existing.len()}),
    );
    let (j, owner) = (job.clone(), caller.user.clone());
    let existing: Vec<String> = existing.into_iter().map(|e| e.0).collect();
    let template = format!("design {id}");
    tokio::spawn(async move {
        let j2 = j.clone();
        let r = with_store(&app, move |store, dir| {
            let o = UpOptions {
                state: dir,
                owner: &owner,
                dirs: &[],
                resolve: Default::default(),
                refresh: false,
                placement: Placement::Host(req.host.clone()),
                template,
                trusted: false,
            };
            j2.push(
                json!({"stage": "build", "detail": "building and starting the members",
                "done": 0, "total": 0}),
            );
            let failed = netdeploy::up_compiled(store, &net, todo, &existing, &o, &mut |m, e| {
                j2.push(
                    json!({"stage": "error", "member": m, "detail": format!("{e:?}"),
                    "done": 0, "total": 0}),
                )
            })
            .map_err(|e| ApiError::Conflict(format!("{e:?}")))?;
            let rows: Vec<Value> = store
                .instances(None)
                .map_err(|e| ApiError::Internal(e.to_string()))?
                .into_iter()
                .filter(|i| i.network.as_deref() == Some(net.name.as_str()))
                .map(|i| json!({"name": i.name, "host": i.host, "state": i.state}))
                .collect();
            Ok(json!({"ok": !failed, "network": net.name, "members": rows}))
        })
        .await;
        j.finish_with(r);
    });
    Ok(job.accepted())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DownReq {
    /// Remove the members and their disks too, and forget the network.
    #[serde(default)]
    rm: bool,
    /// Seconds each guest gets to power off before it is stopped at once (default 60).
    #[serde(default)]
    timeout: Option<u64>,
}

async fn down(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<i64>,
    body: Option<Json<DownReq>>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let req = body.map(|Json(r)| r).unwrap_or_default();
    let timeout = std::time::Duration::from_secs(req.timeout.unwrap_or(60).min(600));
    // Only the network's name is needed: no deployment plan (it reads every member's state).
    let row = crate::designs::owned(&app, &caller, id).await?;
    let net = crate::designs::compile_net(&app, &caller.user, row.pan).await?;
    let netname = net.name.to_string();
    let (n2, u2) = (netname.clone(), caller.user.clone());
    let members = app
        .db(move |s| {
            let row = s
                .network(&n2)?
                .ok_or_else(|| ApiError::Conflict(format!("network `{n2}` is not deployed")))?;
            if row.owner != u2 {
                return Err(ApiError::Conflict(format!(
                    "network `{n2}` is another user's"
                )));
            }
            let members: Vec<(String, String)> = s
                .instances(None)?
                .into_iter()
                .filter(|i| i.network.as_deref() == Some(n2.as_str()))
                .map(|i| (i.name, i.owner))
                .collect();
            if let Some((vm, _)) = members.iter().find(|(_, o)| *o != u2) {
                return Err(ApiError::Conflict(format!(
                    "member `{vm}` of network `{n2}` is another user's VM"
                )));
            }
            Ok(members)
        })
        .await?;
    let job = app.0.jobs.create(&caller.user, "down");
    job.push(
        json!({"stage": "queued", "detail": format!("network {netname}: {} {} members",
        if req.rm { "remove" } else { "stop" }, members.len()),
        "done": 0, "total": members.len()}),
    );
    let j = job.clone();
    tokio::spawn(async move {
        let (j2, rm) = (j.clone(), req.rm);
        let r = with_store(&app, move |store, dir| {
            j2.push(json!({"stage": if rm { "remove" } else { "stop" },
                "detail": "taking the members down", "done": 0, "total": 0}));
            let results = netdeploy::down(dir, store, &netname, rm, timeout)
                .map_err(|e| ApiError::Conflict(format!("{e:?}")))?;
            let mut ok = true;
            let rows: Vec<Value> = results
                .into_iter()
                .map(|(vm, r)| match r {
                    Ok(()) => json!({"name": vm, "ok": true}),
                    Err(e) => {
                        ok = false;
                        let e = format!("{:?}", miette::Report::new(e));
                        j2.push(json!({"stage": "error", "member": vm, "detail": e,
                            "done": 0, "total": 0}));
                        json!({"name": vm, "ok": false, "error": e})
                    }
                })
                .collect();
            Ok(json!({"ok": ok, "network": netname, "removed": rm, "members": rows}))
        })
        .await;
        j.finish_with(r);
    });
    Ok(job.accepted())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lan() -> Switch {
        serde_json::from_value(json!({
            "name": "lan", "bridge": "br-lan", "network": "10.9.0.0", "prefix": 24,
            "gateway": "10.9.0.1",
            "members": [{"name": "a", "object": "a", "address": "10.9.0.10"},
                        {"name": "b", "object": "b", "address": "10.9.0.11"}]
        }))
        .unwrap()
    }

    #[test]
    fn the_profile_is_renamed_and_joins_the_switch() {
        let src = "# my web server\n# object template not/this;\nobject template web;\n\ninclude 'vmcs/vm';\n";
        let t = member_pan(src, "lab", "a", &lan()).unwrap();
        assert!(
            t.starts_with(
                "# my web server\n# object template not/this;\nobject template deploy/lab/a;\n"
            ),
            "{t}"
        );
        assert!(t.contains("variable VMCS_SEGMENT = dict("), "{t}");
        assert!(t.contains("'/vm/name' = \"a\";"), "{t}");
        assert!(
            t.contains("dict('name', \"a\", 'object', \"deploy/lab/a\", 'address', \"10.9.0.10\")"),
            "{t}"
        );
        assert!(member_pan("template x;\n", "lab", "a", &lan()).is_none());
    }
}
