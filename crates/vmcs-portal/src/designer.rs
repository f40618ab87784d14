//! The designer's drawing and the Pan network template, each made from the other: a
//! [`Drawing`] (switches, VMs, links with addresses, node positions) becomes the object
//! template the CLI's `vmcs up` reads (`include 'vmcs/network/net'`, `/name`, one
//! `/switches/NAME` segment per switch with its members), with missing addresses assigned
//! from the switch's subnet; a compiled network template ([`NetProfile`]) becomes a drawing.
//! Every name is checked with the `vmcs-model` newtypes and every value reaches Pan as a
//! quoted literal.

use crate::panstr::quote;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::Ipv4Addr;
use vmcs_model::network::NetProfile;
use vmcs_model::{IfName, TemplateName, VmName, Word};

pub const MAX_VMS: usize = 64;
pub const MAX_SWITCHES: usize = 16;
pub const MAX_LINKS: usize = 256;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Drawing {
    pub name: String,
    #[serde(default)]
    pub switches: Vec<DSwitch>,
    #[serde(default)]
    pub vms: Vec<DVm>,
    #[serde(default)]
    pub links: Vec<DLink>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DSwitch {
    pub name: String,
    #[serde(default)]
    pub bridge: Option<String>,
    pub network: String,
    #[serde(default = "prefix24")]
    pub prefix: u8,
    #[serde(default)]
    pub gateway: Option<String>,
    #[serde(default)]
    pub dns: Vec<String>,
    #[serde(default = "yes")]
    pub create_bridge: bool,
    #[serde(default)]
    pub x: f64,
    #[serde(default)]
    pub y: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DVm {
    pub name: String,
    /// The object template describing it (default: its name).
    #[serde(default)]
    pub object: Option<String>,
    /// Where it came from in the palette (`profile:ID`, `preset:NAME`); kept in the layout.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub x: f64,
    #[serde(default)]
    pub y: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DLink {
    pub vm: String,
    pub switch: String,
    /// Empty or absent: assigned from the switch's subnet.
    #[serde(default)]
    pub address: Option<String>,
}

fn prefix24() -> u8 {
    24
}
fn yes() -> bool {
    true
}

fn ip(s: &str, what: &str) -> Result<Ipv4Addr, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("{what}: {} is not an IPv4 address", quote(s)))
}

/// Check a drawing and fill in what it leaves out (bridges, gateways, addresses, objects).
pub fn complete(d: &Drawing) -> Result<Drawing, String> {
    let mut d = d.clone();
    VmName::new(d.name.clone()).map_err(|e| format!("network name: {e}"))?;
    if d.vms.len() > MAX_VMS || d.switches.len() > MAX_SWITCHES || d.links.len() > MAX_LINKS {
        return Err(format!(
            "at most {MAX_VMS} VMs, {MAX_SWITCHES} switches and {MAX_LINKS} links"
        ));
    }
    if d.switches.is_empty() {
        return Err("a network needs at least one switch".into());
    }
    for s in d.switches.iter_mut() {
        Word::new(s.name.clone()).map_err(|e| format!("switch name: {e}"))?;
        let bridge = s
            .bridge
            .clone()
            .filter(|b| !b.is_empty())
            .unwrap_or_else(|| {
                let mut b = format!("br-{}", s.name);
                b.truncate(15);
                b
            });
        IfName::new(bridge.clone()).map_err(|e| format!("switch {}: bridge: {e}", s.name))?;
        s.bridge = Some(bridge);
        if !(8..=30).contains(&s.prefix) {
            return Err(format!("switch {}: a prefix is 8 to 30", s.name));
        }
        let net = ip(&s.network, &format!("switch {}", s.name))?;
        let mask = u32::MAX << (32 - u32::from(s.prefix));
        let base = u32::from(net) & mask;
        s.network = Ipv4Addr::from(base).to_string();
        let gw = match s.gateway.as_deref().filter(|g| !g.trim().is_empty()) {
            Some(g) => ip(g, &format!("switch {} gateway", s.name))?,
            None => Ipv4Addr::from(base + 1),
        };
        if u32::from(gw) & mask != base {
            return Err(format!(
                "switch {}: the gateway {gw} is outside {}/{}",
                s.name, s.network, s.prefix
            ));
        }
        s.gateway = Some(gw.to_string());
        for a in &s.dns {
            ip(a, &format!("switch {} dns", s.name))?;
        }
    }
    let mut seen = Vec::new();
    for s in &d.switches {
        if seen.contains(&s.name) {
            return Err(format!("two switches are named {}", quote(&s.name)));
        }
        seen.push(s.name.clone());
    }
    let mut names = Vec::new();
    for v in d.vms.iter_mut() {
        VmName::new(v.name.clone()).map_err(|e| format!("VM name: {e}"))?;
        if names.contains(&v.name) {
            return Err(format!("two VMs are named {}", quote(&v.name)));
        }
        names.push(v.name.clone());
        let obj = v
            .object
            .clone()
            .filter(|o| !o.is_empty())
            .unwrap_or_else(|| v.name.clone());
        TemplateName::new(obj.clone()).map_err(|e| format!("VM {}: object: {e}", v.name))?;
        v.object = Some(obj);
        if let Some(s) = &v.source {
            if s.len() > 80 || s.chars().any(|c| c.is_control()) {
                return Err(format!("VM {}: bad source", v.name));
            }
        }
    }
    // Addresses: given ones checked, then the rest assigned in link order.
    let mut used: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut pairs = Vec::new();
    for l in &d.links {
        let Some(s) = d.switches.iter().find(|s| s.name == l.switch) else {
            return Err(format!(
                "a link goes to the unknown switch {}",
                quote(&l.switch)
            ));
        };
        if !names.contains(&l.vm) {
            return Err(format!("a link comes from the unknown VM {}", quote(&l.vm)));
        }
        if pairs.contains(&(l.vm.clone(), l.switch.clone())) {
            return Err(format!("{} is linked to {} twice", l.vm, l.switch));
        }
        pairs.push((l.vm.clone(), l.switch.clone()));
        let e = used.entry(s.name.clone()).or_default();
        if let Some(g) = &s.gateway {
            let g = u32::from(ip(g, "gateway")?);
            if !e.contains(&g) {
                e.push(g);
            }
        }
    }
    for l in d.links.iter_mut() {
        let s = d
            .switches
            .iter()
            .find(|s| s.name == l.switch)
            .expect("checked above");
        let mask = u32::MAX << (32 - u32::from(s.prefix));
        let base = u32::from(ip(&s.network, "network")?);
        if let Some(a) = l.address.as_deref().filter(|a| !a.trim().is_empty()) {
            let a = u32::from(ip(a, &format!("{} on {}", l.vm, l.switch))?);
            if a & mask != base || a == base || a == base | !mask {
                return Err(format!(
                    "{}: {} is not a host address of {}/{}",
                    l.vm,
                    Ipv4Addr::from(a),
                    s.network,
                    s.prefix
                ));
            }
            let e = used.entry(s.name.clone()).or_default();
            if e.contains(&a) {
                return Err(format!(
                    "{}: the address {} is taken on {}",
                    l.vm,
                    Ipv4Addr::from(a),
                    s.name
                ));
            }
            e.push(a);
            l.address = Some(Ipv4Addr::from(a).to_string());
        }
    }
    for l in d.links.iter_mut() {
        if l.address.as_deref().is_some_and(|a| !a.trim().is_empty()) {
            continue;
        }
        let s = d
            .switches
            .iter()
            .find(|s| s.name == l.switch)
            .expect("checked above");
        let mask = u32::MAX << (32 - u32::from(s.prefix));
        let base = u32::from(ip(&s.network, "network")?);
        let e = used.entry(s.name.clone()).or_default();
        let free = (base + 1..base | !mask).find(|a| !e.contains(a));
        let Some(a) = free else {
            return Err(format!("switch {} has no free address left", s.name));
        };
        e.push(a);
        l.address = Some(Ipv4Addr::from(a).to_string());
    }
    for v in &d.vms {
        if !d.links.iter().any(|l| l.vm == v.name) {
            return Err(format!("VM {} is connected to no switch", v.name));
        }
    }
    Ok(d)
}

/// The Pan network template of a completed drawing.
pub fn to_pan(d: &Drawing) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# {}: a network drawn in the vmcs portal's designer",
        d.name
    );
    let _ = writeln!(t, "object template {};\n", d.name);
    let _ = writeln!(t, "include 'vmcs/network/net';\n");
    let _ = writeln!(t, "'/name' = {};", quote(&d.name));
    for s in &d.switches {
        let _ = writeln!(t, "{} = dict(", quote(&format!("/switches/{}", s.name)));
        let _ = writeln!(t, "    'name', {},", quote(&s.name));
        let _ = writeln!(
            t,
            "    'bridge', {},",
            quote(s.bridge.as_deref().unwrap_or(""))
        );
        let _ = writeln!(t, "    'create_bridge', {},", s.create_bridge);
        let _ = writeln!(t, "    'network', {},", quote(&s.network));
        let _ = writeln!(t, "    'prefix', {},", s.prefix);
        if let Some(g) = &s.gateway {
            let _ = writeln!(t, "    'gateway', {},", quote(g));
        }
        let dns: Vec<String> = s.dns.iter().map(|a| quote(a.trim())).collect();
        let _ = writeln!(t, "    'dns', list({}),", dns.join(", "));
        let members: Vec<String> = d
            .links
            .iter()
            .filter(|l| l.switch == s.name)
            .map(|l| {
                let obj = d
                    .vms
                    .iter()
                    .find(|v| v.name == l.vm)
                    .and_then(|v| v.object.clone())
                    .unwrap_or_else(|| l.vm.clone());
                format!(
                    "        dict('name', {}, 'object', {}, 'address', {})",
                    quote(&l.vm),
                    quote(&obj),
                    quote(l.address.as_deref().unwrap_or(""))
                )
            })
            .collect();
        let _ = writeln!(t, "    'members', list(\n{}\n    )", members.join(",\n"));
        let _ = writeln!(t, ");");
    }
    t
}

/// Positions and palette sources kept beside the Pan (which does not carry them).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Layout {
    #[serde(default)]
    pub nodes: BTreeMap<String, (f64, f64)>,
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
}

impl Layout {
    pub fn of(d: &Drawing) -> Layout {
        let mut l = Layout::default();
        for s in &d.switches {
            l.nodes.insert(format!("switch:{}", s.name), (s.x, s.y));
        }
        for v in &d.vms {
            l.nodes.insert(format!("vm:{}", v.name), (v.x, v.y));
            if let Some(src) = &v.source {
                l.sources.insert(v.name.clone(), src.clone());
            }
        }
        l
    }
}

/// The drawing of a network profile, placed by `layout` where it has a node, else on rows.
pub fn from_net(n: &NetProfile, layout: &Layout) -> Drawing {
    let mut d = Drawing {
        name: n.name.to_string(),
        switches: Vec::new(),
        vms: Vec::new(),
        links: Vec::new(),
    };
    let count = n.switches.len().max(1) as f64;
    for (i, s) in n.switches.values().enumerate() {
        let (x, y) = layout
            .nodes
            .get(&format!("switch:{}", s.name.as_str()))
            .copied()
            .unwrap_or((900.0 * (i as f64 + 0.5) / count, 90.0));
        d.switches.push(DSwitch {
            name: s.name.to_string(),
            bridge: Some(s.bridge.to_string()),
            network: s.network.to_string(),
            prefix: s.prefix,
            gateway: s.gateway.map(|g| g.to_string()),
            dns: s.dns.iter().map(|a| a.to_string()).collect(),
            create_bridge: s.create_bridge,
            x,
            y,
        });
        for m in &s.members {
            d.links.push(DLink {
                vm: m.name.to_string(),
                switch: s.name.to_string(),
                address: Some(m.address.to_string()),
            });
        }
    }
    let members = n.members();
    let count = members.len().max(1) as f64;
    for (i, m) in members.iter().enumerate() {
        let (x, y) = layout
            .nodes
            .get(&format!("vm:{}", m.name.as_str()))
            .copied()
            .unwrap_or((900.0 * (i as f64 + 0.5) / count, 300.0));
        d.vms.push(DVm {
            name: m.name.to_string(),
            object: Some(m.object.to_string()),
            source: layout.sources.get(m.name.as_str()).cloned(),
            x,
            y,
        });
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_vm() -> Drawing {
        serde_json::from_value(serde_json::json!({
            "name": "lab",
            "switches": [{ "name": "lab", "network": "10.20.0.0", "prefix": 24, "x": 100, "y": 50 }],
            "vms": [{ "name": "web", "x": 10, "y": 200 }, { "name": "db", "object": "net/db", "x": 200, "y": 200 }],
            "links": [{ "vm": "web", "switch": "lab", "address": "10.20.0.10" }, { "vm": "db", "switch": "lab" }]
        }))
        .unwrap()
    }

    #[test]
    fn addresses_are_assigned_from_the_subnet() {
        let d = complete(&two_vm()).unwrap();
        assert_eq!(d.switches[0].gateway.as_deref(), Some("10.20.0.1"));
        assert_eq!(d.switches[0].bridge.as_deref(), Some("br-lab"));
        assert_eq!(d.links[1].address.as_deref(), Some("10.20.0.2"));
        let pan = to_pan(&d);
        assert!(
            pan.contains("dict('name', \"db\", 'object', \"net/db\", 'address', \"10.20.0.2\")"),
            "{pan}"
        );
    }

    #[test]
    fn bad_drawings_are_refused() {
        let mut d = two_vm();
        d.links[0].address = Some("10.99.0.1".into());
        assert!(complete(&d).is_err());
        let mut d = two_vm();
        d.links[1].address = Some("10.20.0.10".into());
        assert!(complete(&d).unwrap_err().contains("taken"));
        let mut d = two_vm();
        d.vms[0].name = "Web'; x".into();
        assert!(complete(&d).is_err());
        let mut d = two_vm();
        d.switches[0].name = "a\"b".into();
        assert!(complete(&d).is_err());
        let mut d = two_vm();
        d.vms[1].object = Some("../../etc/passwd".into());
        assert!(complete(&d).is_err());
        let mut d = two_vm();
        d.links.pop();
        assert!(complete(&d).unwrap_err().contains("connected to no switch"));
    }

    #[test]
    fn the_drawing_survives_pan_and_back() {
        let d = complete(&two_vm()).unwrap();
        let pan = to_pan(&d);
        let dir = tempfile::tempdir().unwrap();
        let root =
            crate::compile::build_confined(&vmcs_stdlib::dir().unwrap(), dir.path(), &[], &pan)
                .unwrap_or_else(|e| panic!("{e}: {pan}"))
                .1;
        let json = vmcs_pan::output::json::to_json_string(&root);
        let net = NetProfile::from_json_str(&json).unwrap();
        let back = from_net(&net, &Layout::of(&d));
        assert_eq!(back, d);
    }
}
