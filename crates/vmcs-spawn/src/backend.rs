//! Hypervisor backends: the Xen `xl` domain config and the QEMU command line for one VM.

use crate::{s, Instance, QemuNet, SpawnOptions};
use serde::Serialize;
use std::path::{Path, PathBuf};
use vmcs_model::{BootMethod, Hypervisor, VmProfile};

/// Which hypervisor runs the VM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Xen,
    Qemu,
}

impl std::str::FromStr for Backend {
    type Err = String;
    fn from_str(v: &str) -> Result<Backend, String> {
        match v {
            "xen" => Ok(Backend::Xen),
            "qemu" => Ok(Backend::Qemu),
            _ => Err(format!("unknown backend `{v}` (expected `xen` or `qemu`)")),
        }
    }
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Xen => "xen",
            Backend::Qemu => "qemu",
        }
    }
    /// The backend `/hardware/hypervisor` asks for.
    pub fn of(p: &VmProfile) -> Backend {
        match p.hardware.hypervisor {
            Hypervisor::Qemu => Backend::Qemu,
            _ => Backend::Xen,
        }
    }
}

/// Where a VM's files live.
#[derive(Debug, Clone)]
pub struct VmPaths {
    pub dir: PathBuf,
    /// (guest device, host path, format, readonly) of each disk, in `/hardware/disks` order.
    pub disks: Vec<(String, PathBuf, &'static str, bool)>,
    pub kernel: PathBuf,
    pub initrd: PathBuf,
}

impl VmPaths {
    pub fn serial_log(&self) -> PathBuf {
        self.dir.join("serial.log")
    }
    pub fn qmp(&self) -> PathBuf {
        self.dir.join("qmp.sock")
    }
    pub fn pidfile(&self) -> PathBuf {
        self.dir.join("qemu.pid")
    }
    pub fn xl_cfg(&self) -> PathBuf {
        self.dir.join("xl.cfg")
    }
}

fn root_device(p: &VmProfile, paths: &VmPaths) -> String {
    let root = crate::layers::root_image(p)
        .map(|(n, _)| n.clone())
        .unwrap_or_default();
    p.hardware
        .disks
        .iter()
        .zip(&paths.disks)
        .find(|(d, _)| d.image == root)
        .map(|(d, _)| d.device.clone())
        .unwrap_or_else(|| s("xvda"))
}

/// The `xl` domain configuration.
pub fn xl_config(p: &VmProfile, inst: &Instance, paths: &VmPaths) -> String {
    let ty = match p.hardware.hypervisor {
        Hypervisor::XenPv => "pv",
        Hypervisor::XenHvm => "hvm",
        Hypervisor::XenPvh | Hypervisor::Qemu => "pvh",
    };
    let mut c = format!(
        "# written by vmcs spawn for {}\nname = \"{}\"\ntype = \"{ty}\"\n",
        p.vm.name, inst.name
    );
    c.push_str(&format!(
        "memory = {}\nmaxmem = {}\nvcpus = {}\n",
        p.hardware.memory, p.hardware.maxmem, p.hardware.vcpus
    ));
    let root = root_device(p, paths);
    match p.system.kernel.boot {
        BootMethod::Pygrub if ty == "pv" => c.push_str("bootloader = \"pygrub\"\n"),
        BootMethod::Bootloader if ty == "hvm" => c.push_str("boot = \"c\"\n"),
        _ => {
            let console = if ty == "hvm" { "ttyS0" } else { "hvc0" };
            c.push_str(&format!(
                "kernel = \"{}\"\nramdisk = \"{}\"\n",
                paths.kernel.display(),
                paths.initrd.display()
            ));
            let cmdline = &p.system.kernel.cmdline;
            let console = if cmdline.contains("console=") {
                String::new()
            } else {
                format!(" console={console}")
            };
            c.push_str(&format!(
                "extra = \"root=/dev/{root} rw{console} {cmdline}\"\n"
            ));
        }
    }
    let mut disks: Vec<String> = paths
        .disks
        .iter()
        .map(|(dev, path, fmt, ro)| {
            format!(
                "'format={fmt}, vdev={dev}, access={}, target={}'",
                if *ro { "ro" } else { "rw" },
                path.display()
            )
        })
        .collect();
    for cd in &p.hardware.cdroms {
        disks.push(format!(
            "'format=raw, vdev={}, access=ro, devtype=cdrom, target={}'",
            cd.device, cd.iso
        ));
    }
    c.push_str(&format!("disk = [ {} ]\n", disks.join(", ")));
    let vifs: Vec<String> = p
        .network
        .interfaces
        .iter()
        .zip(&inst.macs)
        .map(|(n, mac)| format!("'mac={mac}, bridge={}'", n.bridge))
        .collect();
    c.push_str(&format!("vif = [ {} ]\n", vifs.join(", ")));
    if ty == "hvm" {
        c.push_str("serial = \"pty\"\n");
    }
    c.push_str("on_poweroff = \"destroy\"\non_reboot = \"restart\"\non_crash = \"destroy\"\n");
    c
}

/// Tap device name of a VM's interface (at most 15 characters).
pub fn tap_name(inst: &Instance, iface: usize) -> String {
    format!(
        "vt{}",
        &crate::layers::key_of(&[&inst.name, &iface.to_string()])[..10]
    )
}

/// The QEMU command line; `taps` says whether interfaces attach to tap devices on their bridge.
pub fn qemu_argv(
    p: &VmProfile,
    inst: &Instance,
    paths: &VmPaths,
    o: &SpawnOptions,
    taps: bool,
) -> Vec<String> {
    let accel = if o.kvm { "kvm" } else { "tcg" };
    let mut a = vec![
        s("qemu-system-x86_64"),
        s("-name"),
        inst.name.clone(),
        s("-machine"),
        format!("q35,accel={accel}"),
    ];
    a.extend([
        s("-cpu"),
        s(if o.kvm { "host" } else { "max" }),
        s("-smp"),
        p.hardware.vcpus.to_string(),
    ]);
    a.extend([
        s("-m"),
        format!(
            "{}M,slots=1,maxmem={}M",
            p.hardware.memory,
            p.hardware.maxmem.max(p.hardware.memory)
        ),
    ]);
    for (i, (_, path, fmt, ro)) in paths.disks.iter().enumerate() {
        let ro = if *ro { ",readonly=on" } else { "" };
        a.extend([
            s("-drive"),
            format!(
                "file={},format={fmt},if=virtio,index={i}{ro}",
                path.display()
            ),
        ]);
    }
    for cd in &p.hardware.cdroms {
        a.extend([
            s("-drive"),
            format!("file={},format=raw,media=cdrom,readonly=on", cd.iso),
        ]);
    }
    let root = root_device(p, paths);
    let root = root
        .strip_prefix("xv")
        .or_else(|| root.strip_prefix("s"))
        .map(|r| format!("v{r}"))
        .unwrap_or(root);
    a.extend([
        s("-kernel"),
        paths.kernel.display().to_string(),
        s("-initrd"),
        paths.initrd.display().to_string(),
    ]);
    a.extend([
        s("-append"),
        format!("root=/dev/{root} rw {}", p.system.kernel.cmdline),
    ]);
    match (o.qemu_net, taps) {
        (QemuNet::None, _) => a.extend([s("-nic"), s("none")]),
        (QemuNet::User, _) | (QemuNet::Auto, false) => {
            for mac in &inst.macs {
                a.extend([s("-nic"), format!("user,model=virtio-net-pci,mac={mac}")]);
            }
            if inst.macs.is_empty() {
                a.extend([s("-nic"), s("none")]);
            }
        }
        (QemuNet::Auto, true) => {
            for (i, mac) in inst.macs.iter().enumerate() {
                a.extend([
                    s("-netdev"),
                    format!(
                        "tap,id=n{i},ifname={},script=no,downscript=no",
                        tap_name(inst, i)
                    ),
                ]);
                a.extend([
                    s("-device"),
                    format!("virtio-net-pci,netdev=n{i},mac={mac}"),
                ]);
            }
        }
    }
    a.extend([
        s("-display"),
        s("none"),
        s("-serial"),
        format!("file:{}", paths.serial_log().display()),
    ]);
    a.extend([
        s("-qmp"),
        format!("unix:{},server=on,wait=off", paths.qmp().display()),
    ]);
    a.extend([
        s("-pidfile"),
        paths.pidfile().display().to_string(),
        s("-daemonize"),
    ]);
    a
}

/// Ask a QEMU to quit through its QMP socket (no external program involved).
pub fn qmp_quit(socket: &Path) -> std::io::Result<()> {
    use std::io::{BufRead, BufReader, Write};
    let stream = std::os::unix::net::UnixStream::connect(socket)?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?; // greeting
    let mut w = &stream;
    w.write_all(b"{\"execute\":\"qmp_capabilities\"}\n")?;
    line.clear();
    reader.read_line(&mut line)?;
    w.write_all(b"{\"execute\":\"quit\"}\n")?;
    line.clear();
    let _ = reader.read_line(&mut line);
    Ok(())
}
