//! A network of several VMs as one unit (`vmcs up`, `vmcs down`, `vmcs graph`): the typed
//! form of a profile bound to the stdlib's `vmcs_net` (`vmcs/network/net`).

use crate::{IfName, ModelError, TemplateName, VmName, Word};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::Ipv4Addr;

/// A network profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetProfile {
    pub name: VmName,
    pub switches: BTreeMap<Word, Switch>,
    /// Member name to host name.
    #[serde(default)]
    pub placement: BTreeMap<VmName, VmName>,
}

/// One switch (a segment): its bridge, subnet and members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Switch {
    pub name: Word,
    pub bridge: IfName,
    #[serde(default = "yes")]
    pub create_bridge: bool,
    pub network: Ipv4Addr,
    pub prefix: u8,
    #[serde(default)]
    pub gateway: Option<Ipv4Addr>,
    #[serde(default)]
    pub dns: Vec<Ipv4Addr>,
    #[serde(default)]
    pub members: Vec<Member>,
}

fn yes() -> bool {
    true
}

/// A member of a switch: the VM and the object template describing it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: VmName,
    pub object: TemplateName,
    pub address: Ipv4Addr,
}

impl NetProfile {
    /// Read a network profile from its JSON form.
    pub fn from_json_str(text: &str) -> Result<NetProfile, ModelError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let n: NetProfile = serde_path_to_error::deserialize(de).map_err(crate::schema_error)?;
        for (k, s) in &n.switches {
            if s.prefix > 32 {
                return Err(ModelError::Schema {
                    path: format!("/switches/{k}/prefix"),
                    message: "an IPv4 prefix is at most 32".into(),
                });
            }
        }
        Ok(n)
    }

    /// Every member once (a VM on two switches is one member), in switch then list order.
    pub fn members(&self) -> Vec<&Member> {
        let mut out: Vec<&Member> = Vec::new();
        for s in self.switches.values() {
            for m in &s.members {
                if !out.iter().any(|o| o.name == m.name) {
                    out.push(m);
                }
            }
        }
        out
    }

    /// The topology in Graphviz's DOT language.
    pub fn dot(&self) -> String {
        let mut s = format!(
            "graph \"{}\" {{\n  layout=neato; overlap=false;\n  node [fontname=\"sans\"];\n",
            self.name
        );
        for (k, sw) in &self.switches {
            s.push_str(&format!(
                "  \"switch:{k}\" [shape=box, style=filled, fillcolor=\"#dde7f3\", label=\"{k}\\n{} {}/{}\"];\n",
                sw.bridge, sw.network, sw.prefix
            ));
        }
        for m in self.members() {
            let host = self
                .placement
                .get(&m.name)
                .map(|h| format!("\\n@{h}"))
                .unwrap_or_default();
            s.push_str(&format!(
                "  \"vm:{}\" [shape=ellipse, label=\"{}\\n{}{host}\"];\n",
                m.name, m.name, m.address
            ));
        }
        for (k, sw) in &self.switches {
            for m in &sw.members {
                s.push_str(&format!("  \"switch:{k}\" -- \"vm:{}\";\n", m.name));
            }
        }
        s.push_str("}\n");
        s
    }

    /// The topology as SVG: switches in a row, their members around them.
    pub fn svg(&self) -> String {
        let esc = |t: &str| {
            t.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let members = self.members();
        let w = 220 * members.len().max(self.switches.len()).max(1) + 40;
        let mut s = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"300\" font-family=\"sans-serif\" font-size=\"13\">\n<title>{}</title>\n",
            esc(&self.name)
        );
        let sx = |i: usize, n: usize| 20 + (w - 40) * (2 * i + 1) / (2 * n.max(1));
        let sw: Vec<_> = self.switches.iter().collect();
        for (i, m) in members.iter().enumerate() {
            let x = sx(i, members.len());
            for (j, (_, sw1)) in sw.iter().enumerate() {
                if sw1.members.iter().any(|o| o.name == m.name) {
                    s.push_str(&format!(
                        "<line x1=\"{}\" y1=\"70\" x2=\"{x}\" y2=\"200\" stroke=\"#557\"/>\n",
                        sx(j, sw.len())
                    ));
                }
            }
        }
        for (j, (k, sw1)) in sw.iter().enumerate() {
            let x = sx(j, sw.len());
            s.push_str(&format!(
                "<rect x=\"{}\" y=\"40\" width=\"180\" height=\"50\" rx=\"6\" fill=\"#dde7f3\" stroke=\"#557\"/>\n<text x=\"{x}\" y=\"61\" text-anchor=\"middle\">{}</text>\n<text x=\"{x}\" y=\"79\" text-anchor=\"middle\">{} {}/{}</text>\n",
                x - 90,
                esc(k),
                esc(&sw1.bridge),
                sw1.network,
                sw1.prefix
            ));
        }
        for (i, m) in members.iter().enumerate() {
            let x = sx(i, members.len());
            let host = self
                .placement
                .get(&m.name)
                .map(|h| format!(" @{h}"))
                .unwrap_or_default();
            s.push_str(&format!(
                "<ellipse cx=\"{x}\" cy=\"220\" rx=\"90\" ry=\"30\" fill=\"#fff\" stroke=\"#557\"/>\n<text x=\"{x}\" y=\"216\" text-anchor=\"middle\">{}{}</text>\n<text x=\"{x}\" y=\"233\" text-anchor=\"middle\">{}</text>\n",
                esc(&m.name),
                esc(&host),
                m.address
            ));
        }
        s.push_str("</svg>\n");
        s
    }
}
