//! The xl driver: a bare Xen dom0 without libvirt. The domain config is written from the
//! machine spec (checked by the real `xl -N create` in tests) and every lifecycle verb maps
//! to an `xl` command (`create`, `shutdown -w`, `destroy`, `reboot`, `pause`, `unpause`,
//! `save`, `restore`, `list`).

use crate::{hostnet, ConsoleStream, DomState, DomStats, Driver, VirtError};
use std::path::{Path, PathBuf};
use std::time::Duration;
use vmcs_image::runner::Runner;
use vmcs_image::{Boot, Machine};
use vmcs_model::Hypervisor;

fn cfg_path(m: &Machine) -> PathBuf {
    m.dir.join("xl.cfg")
}

/// The guest device name Xen uses for a profile device (`vda`/`sda` become `xvda`).
fn xen_device(dev: &str) -> String {
    for p in ["xvd", "vd", "sd", "hd"] {
        if let Some(r) = dev.strip_prefix(p) {
            return format!("xvd{r}");
        }
    }
    dev.to_string()
}

/// The `xl` domain configuration of a machine.
pub fn xl_config(m: &Machine) -> String {
    let ty = match m.hypervisor {
        Hypervisor::XenPv => "pv",
        Hypervisor::XenHvm => "hvm",
        Hypervisor::XenPvh | Hypervisor::Qemu => "pvh",
    };
    let mut c = format!(
        "# written by vmcs for {} (profile {})\nname = \"{}\"\nuuid = \"{}\"\ntype = \"{ty}\"\n",
        m.name, m.profile, m.name, m.uuid
    );
    c.push_str(&format!(
        "memory = {}\nmaxmem = {}\nvcpus = {}\n",
        m.memory_mib, m.maxmem_mib, m.vcpus
    ));
    let console = if ty == "hvm" { "ttyS0" } else { "hvc0" };
    match &m.boot {
        Boot::Direct {
            kernel,
            initrd,
            cmdline,
        } => {
            c.push_str(&format!(
                "kernel = \"{}\"\nramdisk = \"{}\"\nextra = \"console={console} {cmdline}\"\n",
                kernel.display(),
                initrd.display()
            ));
        }
        Boot::Pygrub { cmdline } => {
            c.push_str(&format!(
                "bootloader = \"pygrub\"\nextra = \"console={console} {cmdline}\"\n"
            ));
        }
        Boot::Bootloader => c.push_str("boot = \"c\"\n"),
    }
    let mut disks: Vec<String> = m
        .disks
        .iter()
        .map(|d| {
            format!(
                "'format={}, vdev={}, access={}, target={}'",
                d.format,
                xen_device(&d.device),
                if d.readonly { "ro" } else { "rw" },
                d.path.display()
            )
        })
        .collect();
    let seed = m.dir.join("seed.img");
    if !matches!(m.boot, Boot::Direct { .. }) {
        let n = m.disks.len();
        let letter = (b'a' + (n as u8).min(25)) as char;
        disks.push(format!(
            "'format=raw, vdev=xvd{letter}{letter}, access=ro, target={}'",
            seed.display()
        ));
    }
    for (dev, iso) in &m.cdroms {
        // PVH guests have no emulated IDE: their CD-ROMs are plain read-only Xen disks.
        if ty == "pvh" || ty == "pv" {
            disks.push(format!(
                "'format=raw, vdev={}, access=ro, target={}'",
                xen_device(dev),
                iso.display()
            ));
        } else {
            disks.push(format!(
                "'format=raw, vdev={dev}, access=ro, devtype=cdrom, target={}'",
                iso.display()
            ));
        }
    }
    c.push_str(&format!("disk = [ {} ]\n", disks.join(", ")));
    let vifs: Vec<String> = m
        .nics
        .iter()
        .map(|n| format!("'mac={}, bridge={}'", n.mac, n.bridge))
        .collect();
    c.push_str(&format!("vif = [ {} ]\n", vifs.join(", ")));
    if ty == "hvm" {
        c.push_str("serial = \"pty\"\n");
    }
    c.push_str("on_poweroff = \"destroy\"\non_reboot = \"restart\"\non_crash = \"destroy\"\n");
    c
}

/// The xl driver.
pub struct XlDriver {
    runner: Runner,
}

impl XlDriver {
    pub fn new(log: &Path) -> XlDriver {
        XlDriver {
            runner: Runner::new(log, false),
        }
    }

    fn xl(&self, title: &str, args: &[&str]) -> Result<String, VirtError> {
        let mut argv = vec!["xl".to_string()];
        argv.extend(args.iter().map(|a| a.to_string()));
        Ok(self.runner.run(title, &argv)?)
    }

    fn listed(&self, m: &Machine) -> Result<Option<String>, VirtError> {
        let out = self.xl("list domains", &["list"])?;
        Ok(out
            .lines()
            .skip(1)
            .find(|l| l.split_whitespace().next() == Some(m.name.as_str()))
            .map(str::to_string))
    }
}

impl Driver for XlDriver {
    fn kind(&self) -> &'static str {
        "xl"
    }
    fn define(&self, m: &Machine) -> Result<(), VirtError> {
        std::fs::write(cfg_path(m), xl_config(m)).map_err(|e| VirtError::io("write xl.cfg", e))
    }
    fn undefine(&self, m: &Machine) -> Result<(), VirtError> {
        let _ = std::fs::remove_file(cfg_path(m));
        Ok(())
    }
    fn start(&self, m: &Machine) -> Result<(), VirtError> {
        hostnet::ensure_bridges(m, &self.runner)?;
        let cfg = cfg_path(m).display().to_string();
        self.xl(
            &format!("create Xen domain `{}`", m.name),
            &["create", &cfg],
        )
        .map(|_| ())
    }
    fn shutdown(&self, m: &Machine, wait: Duration) -> Result<(), VirtError> {
        let t = wait.as_secs().to_string();
        self.xl("shut the domain down", &["shutdown", "-w", "-F", &m.name])
            .map(|_| ())
            .map_err(|e| VirtError::state(m, format!("did not shut down within {t} s: {e}")))
    }
    fn destroy(&self, m: &Machine) -> Result<(), VirtError> {
        self.xl("destroy the domain", &["destroy", &m.name])
            .map(|_| ())
    }
    fn reboot(&self, m: &Machine) -> Result<(), VirtError> {
        self.xl("reboot the domain", &["reboot", &m.name])
            .map(|_| ())
    }
    fn suspend(&self, m: &Machine) -> Result<(), VirtError> {
        self.xl("pause the domain", &["pause", &m.name]).map(|_| ())
    }
    fn resume(&self, m: &Machine) -> Result<(), VirtError> {
        self.xl("unpause the domain", &["unpause", &m.name])
            .map(|_| ())
    }
    fn save(&self, m: &Machine, file: &Path) -> Result<(), VirtError> {
        let f = file.display().to_string();
        self.xl("save the domain", &["save", &m.name, &f])
            .map(|_| ())
    }
    fn restore(&self, m: &Machine, file: &Path) -> Result<(), VirtError> {
        let cfg = cfg_path(m).display().to_string();
        let f = file.display().to_string();
        self.xl("restore the domain", &["restore", &cfg, &f])
            .map(|_| ())
    }
    fn state(&self, m: &Machine) -> Result<DomState, VirtError> {
        let Some(line) = self.listed(m)? else {
            return Ok(if crate::save_file(m).exists() {
                DomState::Saved
            } else {
                DomState::Shutoff
            });
        };
        // `Name ID Mem VCPUs State Time(s)`; the state column is like `r-----`.
        let st = line.split_whitespace().nth(4).unwrap_or("");
        Ok(if st.contains('p') {
            DomState::Paused
        } else if st.contains('c') {
            DomState::Crashed
        } else {
            DomState::Running
        })
    }
    fn stats(&self, m: &Machine) -> Result<DomStats, VirtError> {
        let line = self
            .listed(m)?
            .ok_or_else(|| VirtError::state(m, "is not running"))?;
        let f: Vec<&str> = line.split_whitespace().collect();
        let secs: f64 = f.get(5).and_then(|x| x.parse().ok()).unwrap_or(0.0);
        Ok(DomStats {
            cpu_ns: (secs * 1e9) as u64,
            vcpus: f.get(3).and_then(|x| x.parse().ok()).unwrap_or(m.vcpus),
            mem_kib: f.get(2).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0) * 1024,
            ..DomStats::default()
        })
    }
    fn console(&self, _m: &Machine) -> Result<Box<dyn ConsoleStream>, VirtError> {
        Err(VirtError::Unsupported {
            op: "an in-process console (use `xl console NAME`)",
            driver: "xl",
        })
    }
}
