//! libvirt XML written from the machine spec with quick-xml: the domain, the network a
//! profile's created bridge becomes on a host, the vmcs storage pool and its volumes. Every
//! value comes from a checked `Machine` and is escaped by the writer.

use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::Cursor;
use vmcs_image::{Boot, Machine};
use vmcs_model::Arch;

/// A tiny builder over quick-xml: `open`, `text`, `leaf`, `close`.
pub struct Xml {
    w: Writer<Cursor<Vec<u8>>>,
}

impl Default for Xml {
    fn default() -> Self {
        Xml::new()
    }
}

impl Xml {
    pub fn new() -> Xml {
        Xml {
            w: Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2),
        }
    }
    fn start(name: &str, attrs: &[(&str, &str)]) -> BytesStart<'static> {
        let mut e = BytesStart::new(name.to_string());
        for (k, v) in attrs {
            e.push_attribute((*k, *v));
        }
        e
    }
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Xml {
        let _ = self.w.write_event(Event::Start(Xml::start(name, attrs)));
        self
    }
    pub fn close(&mut self, name: &str) -> &mut Xml {
        let _ = self
            .w
            .write_event(Event::End(BytesEnd::new(name.to_string())));
        self
    }
    /// `<name attrs>text</name>`
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> &mut Xml {
        let _ = self.w.write_event(Event::Start(Xml::start(name, attrs)));
        let _ = self.w.write_event(Event::Text(BytesText::new(text)));
        let _ = self
            .w
            .write_event(Event::End(BytesEnd::new(name.to_string())));
        self
    }
    /// `<name attrs/>`
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Xml {
        let _ = self.w.write_event(Event::Empty(Xml::start(name, attrs)));
        self
    }
    pub fn finish(self) -> String {
        String::from_utf8(self.w.into_inner().into_inner()).unwrap_or_default() + "\n"
    }
}

/// The namespace of vmcs's metadata in domain XML.
pub const METADATA_NS: &str = "https://vmcs.invalid/xmlns/instance/1";

/// The bus device name for a disk index (`vda`, `vdb`, ...).
fn virtio_dev(i: usize) -> String {
    let mut n = i;
    let mut s = String::new();
    loop {
        s.insert(0, (b'a' + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    format!("vd{s}")
}

/// Where a machine's files live on a host: its disks, kernel and initrd as volumes of the
/// vmcs pool (`dir`), and its serial log.
#[derive(Debug, Clone)]
pub struct HostFiles {
    pub disks: Vec<String>,
    pub kernel: Option<String>,
    pub initrd: Option<String>,
    pub serial_log: String,
}

/// The domain XML of a machine on a host (`kvm`: use KVM rather than TCG).
pub fn domain(m: &Machine, files: &HostFiles, kvm: bool) -> String {
    let (arch, machine, console) = match m.arch {
        Arch::Amd64 => ("x86_64", "q35", "ttyS0"),
        Arch::I386 => ("i686", "q35", "ttyS0"),
        Arch::Arm64 => ("aarch64", "virt", "ttyAMA0"),
    };
    let mut x = Xml::new();
    x.open("domain", &[("type", if kvm { "kvm" } else { "qemu" })]);
    x.text("name", &[], &m.name);
    x.text("uuid", &[], &m.uuid);
    x.text("title", &[], &format!("vmcs: {} ({})", m.name, m.profile));
    x.text(
        "description",
        &[],
        &format!("spawned by vmcs for {} from profile {}", m.owner, m.profile),
    );
    x.open("metadata", &[]);
    x.leaf(
        "vmcs:instance",
        &[
            ("xmlns:vmcs", METADATA_NS),
            ("owner", &m.owner),
            ("profile", &m.profile),
            ("layer", &m.layer),
            ("profile-hash", &m.profile_hash),
        ],
    );
    x.close("metadata");
    x.text(
        "memory",
        &[("unit", "MiB")],
        &m.maxmem_mib.max(m.memory_mib).to_string(),
    );
    x.text(
        "currentMemory",
        &[("unit", "MiB")],
        &m.memory_mib.to_string(),
    );
    x.text("vcpu", &[("placement", "static")], &m.vcpus.to_string());
    x.open("os", &[]);
    x.text("type", &[("arch", arch), ("machine", machine)], "hvm");
    if let Boot::Direct { cmdline, .. } = &m.boot {
        if let (Some(k), Some(i)) = (&files.kernel, &files.initrd) {
            x.text("kernel", &[], k);
            x.text("initrd", &[], i);
            x.text("cmdline", &[], &format!("console={console} {cmdline}"));
        }
    } else {
        x.leaf("boot", &[("dev", "hd")]);
    }
    x.close("os");
    x.open("features", &[])
        .leaf("acpi", &[])
        .leaf("apic", &[])
        .close("features");
    x.text("on_poweroff", &[], "destroy");
    x.text("on_reboot", &[], "restart");
    x.text("on_crash", &[], "destroy");
    x.open("devices", &[]);
    for (i, (d, path)) in m.disks.iter().zip(&files.disks).enumerate() {
        x.open("disk", &[("type", "file"), ("device", "disk")]);
        x.leaf("driver", &[("name", "qemu"), ("type", d.format.as_str())]);
        x.leaf("source", &[("file", path)]);
        x.leaf("target", &[("dev", &virtio_dev(i)), ("bus", "virtio")]);
        if d.readonly {
            x.leaf("readonly", &[]);
        }
        x.close("disk");
    }
    for (i, (_, iso)) in m.cdroms.iter().enumerate() {
        x.open("disk", &[("type", "file"), ("device", "cdrom")]);
        x.leaf("driver", &[("name", "qemu"), ("type", "raw")]);
        x.leaf("source", &[("file", &iso.display().to_string())]);
        x.leaf(
            "target",
            &[
                ("dev", &format!("sd{}", (b'a' + i as u8 % 26) as char)),
                ("bus", "sata"),
            ],
        );
        x.leaf("readonly", &[]);
        x.close("disk");
    }
    for n in &m.nics {
        x.open("interface", &[("type", "bridge")]);
        x.leaf("source", &[("bridge", &n.bridge)]);
        x.leaf("mac", &[("address", &n.mac)]);
        x.leaf("model", &[("type", "virtio")]);
        x.close("interface");
    }
    for sh in &m.shares {
        x.open(
            "filesystem",
            &[("type", "mount"), ("accessmode", "passthrough")],
        );
        x.leaf("source", &[("dir", &sh.source.display().to_string())]);
        x.leaf("target", &[("dir", &sh.tag)]);
        if sh.readonly {
            x.leaf("readonly", &[]);
        }
        x.close("filesystem");
    }
    x.open("serial", &[("type", "pty")]);
    x.leaf("log", &[("file", &files.serial_log), ("append", "on")]);
    x.leaf("target", &[("port", "0")]);
    x.close("serial");
    x.open("console", &[("type", "pty")]);
    x.leaf("target", &[("type", "serial"), ("port", "0")]);
    x.close("console");
    x.open("rng", &[("model", "virtio")]);
    x.text("backend", &[("model", "random")], "/dev/urandom");
    x.close("rng");
    x.open("memballoon", &[("model", "virtio")]);
    x.leaf("stats", &[("period", "5")]);
    x.close("memballoon");
    x.close("devices");
    x.close("domain");
    x.finish()
}

/// An isolated libvirt network for a bridge a profile asks to create: the bridge, and the
/// gateway address on it (no DHCP, no DNS, no forwarding: the segment's plan is the truth).
pub fn network(name: &str, bridge: &str, address: Option<(&str, u8)>) -> String {
    let mut x = Xml::new();
    x.open("network", &[]);
    x.text("name", &[], name);
    x.leaf(
        "bridge",
        &[("name", bridge), ("stp", "off"), ("delay", "0")],
    );
    x.leaf("dns", &[("enable", "no")]);
    if let Some((ip, prefix)) = address {
        x.leaf("ip", &[("address", ip), ("prefix", &prefix.to_string())]);
    }
    x.close("network");
    x.finish()
}

/// The vmcs storage pool of a host: a directory.
pub fn pool(name: &str, dir: &str) -> String {
    let mut x = Xml::new();
    x.open("pool", &[("type", "dir")]);
    x.text("name", &[], name);
    x.open("target", &[]).text("path", &[], dir).close("target");
    x.close("pool");
    x.finish()
}

/// A volume: `format` raw or qcow2, optionally a qcow2 overlay on `backing`.
pub fn volume(name: &str, capacity: u64, format: &str, backing: Option<(&str, &str)>) -> String {
    let mut x = Xml::new();
    x.open("volume", &[]);
    x.text("name", &[], name);
    x.text("capacity", &[("unit", "bytes")], &capacity.to_string());
    x.open("target", &[])
        .leaf("format", &[("type", format)])
        .close("target");
    if let Some((path, fmt)) = backing {
        x.open("backingStore", &[]);
        x.text("path", &[], path);
        x.leaf("format", &[("type", fmt)]);
        x.close("backingStore");
    }
    x.close("volume");
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_names() {
        assert_eq!(virtio_dev(0), "vda");
        assert_eq!(virtio_dev(25), "vdz");
        assert_eq!(virtio_dev(26), "vdaa");
    }

    #[test]
    fn values_are_escaped() {
        let n = network("vmcs-br0", "br0", Some(("10.0.0.1", 24)));
        assert!(
            n.contains("<bridge name=\"br0\" stp=\"off\" delay=\"0\"/>"),
            "{n}"
        );
        let v = volume("a<b", 10, "qcow2", Some(("/p/base&1", "qcow2")));
        assert!(v.contains("a&lt;b") && v.contains("/p/base&amp;1"), "{v}");
    }
}
