//! The QEMU driver: runs each VM as a QEMU process of its own (no daemon), controlled over
//! its QMP socket, with its serial console on a unix socket and in `serial.log`, and its
//! NICs on tap devices on the profile's bridges. Used where libvirt is not wanted (and
//! inside network namespaces: `ip netns exec NS vmcs start NAME`).

use crate::qmp::Qmp;
use crate::{hostnet, wait_until, ConsoleStream, DomState, DomStats, Driver, VirtError};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;
use vmcs_image::runner::Runner;
use vmcs_image::{Boot, Machine};
use vmcs_model::Arch;

/// Whether KVM can work here: the CPU offers virtualisation and `/dev/kvm` opens read-write
/// (a `/dev/kvm` without the CPU flag exists in nested setups and hangs guests).
pub fn kvm_works() -> bool {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let flag = cpu
        .lines()
        .any(|l| l.starts_with("flags") && l.split_whitespace().any(|f| f == "vmx" || f == "svm"));
    flag && std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/kvm")
        .is_ok()
}

/// QEMU's option escaping: a comma in a value is doubled.
fn esc(p: &Path) -> String {
    p.display().to_string().replace(',', ",,")
}

fn qmp_path(m: &Machine) -> PathBuf {
    m.dir.join("qmp.sock")
}
fn pid_path(m: &Machine) -> PathBuf {
    m.dir.join("qemu.pid")
}
fn console_path(m: &Machine) -> PathBuf {
    m.dir.join("console.sock")
}

/// The QEMU driver.
pub struct QemuDriver {
    runner: Runner,
    kvm: bool,
}

impl QemuDriver {
    /// A driver logging its commands to `log`.
    pub fn new(log: &Path) -> QemuDriver {
        QemuDriver {
            runner: Runner::new(log, false),
            kvm: kvm_works(),
        }
    }

    /// Force TCG or KVM.
    pub fn with_kvm(mut self, kvm: bool) -> QemuDriver {
        self.kvm = kvm;
        self
    }

    /// The QEMU command line of a machine (`incoming`: restore from a saved file).
    pub fn argv(&self, m: &Machine, incoming: Option<&Path>) -> Result<Vec<String>, VirtError> {
        let (bin, machine) = match m.arch {
            Arch::Amd64 => ("qemu-system-x86_64", "q35"),
            Arch::I386 => ("qemu-system-i386", "q35"),
            Arch::Arm64 => ("qemu-system-aarch64", "virt"),
        };
        let accel = if self.kvm { "kvm" } else { "tcg" };
        let mut a: Vec<String> = vec![
            bin.into(),
            "-name".into(),
            format!("{},process=vmcs-{}", m.name, m.name),
            "-uuid".into(),
            m.uuid.clone(),
            "-machine".into(),
            format!("{machine},accel={accel}"),
            "-cpu".into(),
            if self.kvm {
                "host".into()
            } else {
                "max".into()
            },
            "-smp".into(),
            m.vcpus.to_string(),
            "-m".into(),
            format!("{}M", m.memory_mib),
            "-nodefaults".into(),
            "-no-user-config".into(),
            "-display".into(),
            "none".into(),
        ];
        match &m.boot {
            Boot::Direct {
                kernel,
                initrd,
                cmdline,
            } => {
                let console = if m.arch == Arch::Arm64 { "ttyAMA0" } else { "ttyS0" };
                a.extend([
                    "-kernel".into(),
                    kernel.display().to_string(),
                    "-initrd".into(),
                    initrd.display().to_string(),
                    "-append".into(),
                    format!("console={console} {cmdline}"),
                ]);
            }
            Boot::Pygrub { .. } => {
                return Err(VirtError::Config(format!(
                    "VM `{}` boots with pygrub, which only Xen has; use boot `direct` for QEMU",
                    m.name
                )))
            }
            Boot::Bootloader => {
                return Err(VirtError::Config(format!(
                    "VM `{}` boots a boot loader inside its disk, which vmcs images do not have; use boot `direct`",
                    m.name
                )))
            }
        }
        for (i, d) in m.disks.iter().enumerate() {
            let ro = if d.readonly { ",readonly=on" } else { "" };
            a.extend([
                "-drive".into(),
                format!(
                    "file={},format={},if=virtio,index={i},cache=writeback{ro}",
                    esc(&d.path),
                    d.format
                ),
            ]);
        }
        for (i, (_, iso)) in m.cdroms.iter().enumerate() {
            a.extend([
                "-drive".into(),
                format!(
                    "file={},format=raw,if=none,id=cd{i},media=cdrom,readonly=on",
                    esc(iso)
                ),
                "-device".into(),
                format!("ide-cd,drive=cd{i}"),
            ]);
        }
        for (i, n) in m.nics.iter().enumerate() {
            a.extend([
                "-netdev".into(),
                format!(
                    "tap,id=n{i},ifname={},script=no,downscript=no",
                    hostnet::tap_name(&m.name, i)
                ),
                "-device".into(),
                format!("virtio-net-pci,netdev=n{i},mac={}", n.mac),
            ]);
        }
        for (i, sh) in m.shares.iter().enumerate() {
            let ro = if sh.readonly { ",readonly=on" } else { "" };
            a.extend([
                "-virtfs".into(),
                format!(
                    "local,path={},mount_tag={},security_model=passthrough,id=fs{i}{ro}",
                    esc(&sh.source),
                    sh.tag
                ),
            ]);
        }
        a.extend([
            "-device".into(),
            "virtio-rng-pci".into(),
            "-device".into(),
            "virtio-balloon-pci".into(),
            "-chardev".into(),
            format!(
                "socket,id=ser0,path={},server=on,wait=off,logfile={},logappend=on",
                esc(&console_path(m)),
                esc(&m.serial_log())
            ),
            "-serial".into(),
            "chardev:ser0".into(),
            "-qmp".into(),
            format!("unix:{},server=on,wait=off", esc(&qmp_path(m))),
            "-pidfile".into(),
            pid_path(m).display().to_string(),
            "-daemonize".into(),
        ]);
        if let Some(f) = incoming {
            a.extend(["-incoming".into(), format!("exec:cat {}", sh_quote(f))]);
        }
        Ok(a)
    }

    fn pid(&self, m: &Machine) -> Option<i32> {
        let pid: i32 = std::fs::read_to_string(pid_path(m))
            .ok()?
            .trim()
            .parse()
            .ok()?;
        let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
        let uuid = m.uuid.as_bytes();
        cmd.windows(uuid.len()).any(|w| w == uuid).then_some(pid)
    }

    fn qmp(&self, m: &Machine) -> Result<Qmp, VirtError> {
        Qmp::connect(&qmp_path(m))
            .map_err(|e| VirtError::state(m, format!("cannot reach QEMU: {e}")))
    }

    fn exec(&self, m: &Machine, cmd: &str, args: Value) -> Result<Value, VirtError> {
        self.runner.note(&format!("qmp {}: {cmd} {args}", m.name));
        self.qmp(m)?
            .execute(cmd, args)
            .map_err(|e| VirtError::state(m, e.to_string()))
    }

    fn wait_gone(&self, m: &Machine, t: Duration) -> bool {
        wait_until(t, || self.pid(m).is_none())
    }

    fn launch(&self, m: &Machine, incoming: Option<&Path>) -> Result<(), VirtError> {
        if self.pid(m).is_some() {
            return Err(VirtError::state(m, "is already running"));
        }
        let argv = self.argv(m, incoming)?;
        hostnet::ensure_bridges(m, &self.runner)?;
        hostnet::add_taps(m, &self.runner)?;
        for p in [qmp_path(m), console_path(m), pid_path(m)] {
            let _ = std::fs::remove_file(p);
        }
        if let Err(e) = self
            .runner
            .run(&format!("start QEMU for `{}`", m.name), &argv)
        {
            hostnet::del_taps(m, &self.runner);
            return Err(e.into());
        }
        Ok(())
    }

    fn cleanup(&self, m: &Machine) {
        hostnet::del_taps(m, &self.runner);
        for p in [qmp_path(m), console_path(m), pid_path(m)] {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Quote a path for the `exec:` migration URI (QEMU runs it with `/bin/sh -c`).
fn sh_quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

fn proc_counter(pid: i32) -> (u64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = 100u64; // USER_HZ on Linux
    let cpu = f.get(11).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let rss = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .unwrap_or(0);
    (cpu * 1_000_000_000 / ticks, rss)
}

fn read_u64(p: PathBuf) -> u64 {
    std::fs::read_to_string(p)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

impl Driver for QemuDriver {
    fn kind(&self) -> &'static str {
        "qemu"
    }

    fn define(&self, m: &Machine) -> Result<(), VirtError> {
        // Checks the machine fits QEMU; the command line is built again at each start.
        let argv = self.argv(m, None)?;
        let text = vmcs_image::runner::command_line(&argv) + "\n";
        std::fs::write(m.dir.join("qemu.cmdline"), text)
            .map_err(|e| VirtError::io("write qemu.cmdline", e))
    }

    fn undefine(&self, m: &Machine) -> Result<(), VirtError> {
        if self.pid(m).is_some() {
            return Err(VirtError::state(m, "is running; stop it first"));
        }
        self.cleanup(m);
        let _ = std::fs::remove_file(m.dir.join("qemu.cmdline"));
        Ok(())
    }

    fn start(&self, m: &Machine) -> Result<(), VirtError> {
        self.launch(m, None)
    }

    fn shutdown(&self, m: &Machine, wait: Duration) -> Result<(), VirtError> {
        if self.pid(m).is_none() {
            self.cleanup(m);
            return Ok(());
        }
        self.exec(m, "system_powerdown", Value::Null)?;
        if !self.wait_gone(m, wait) {
            return Err(VirtError::state(
                m,
                format!(
                    "did not power off within {} s (use `vmcs destroy` to stop it at once)",
                    wait.as_secs()
                ),
            ));
        }
        self.cleanup(m);
        Ok(())
    }

    fn destroy(&self, m: &Machine) -> Result<(), VirtError> {
        if let Some(pid) = self.pid(m) {
            if self.exec(m, "quit", Value::Null).is_err()
                || !self.wait_gone(m, Duration::from_secs(5))
            {
                let _ = nix::sys::signal::kill(
                    nix::unistd::Pid::from_raw(pid),
                    nix::sys::signal::Signal::SIGKILL,
                );
                self.wait_gone(m, Duration::from_secs(5));
            }
        }
        self.cleanup(m);
        Ok(())
    }

    fn reboot(&self, m: &Machine) -> Result<(), VirtError> {
        self.exec(m, "system_reset", Value::Null).map(|_| ())
    }

    fn suspend(&self, m: &Machine) -> Result<(), VirtError> {
        self.exec(m, "stop", Value::Null).map(|_| ())
    }

    fn resume(&self, m: &Machine) -> Result<(), VirtError> {
        self.exec(m, "cont", Value::Null).map(|_| ())
    }

    fn save(&self, m: &Machine, file: &Path) -> Result<(), VirtError> {
        let tmp = file.with_extension("partial");
        self.exec(m, "stop", Value::Null)?;
        self.exec(
            m,
            "migrate",
            json!({ "uri": format!("exec:cat > {}", sh_quote(&tmp)) }),
        )?;
        let done = wait_until(Duration::from_secs(600), || {
            self.exec(m, "query-migrate", Value::Null)
                .ok()
                .and_then(|r| {
                    r.get("status")
                        .and_then(|s| s.as_str())
                        .map(|s| s != "active" && s != "setup")
                })
                .unwrap_or(true)
        });
        let status = self
            .exec(m, "query-migrate", Value::Null)
            .ok()
            .and_then(|r| r.get("status").and_then(|s| s.as_str()).map(str::to_string))
            .unwrap_or_default();
        if !done || status != "completed" {
            let _ = self.exec(m, "cont", Value::Null);
            let _ = std::fs::remove_file(&tmp);
            return Err(VirtError::state(
                m,
                format!("saving failed (migration {status})"),
            ));
        }
        std::fs::rename(&tmp, file).map_err(|e| VirtError::io(file.display().to_string(), e))?;
        self.destroy(m)
    }

    fn restore(&self, m: &Machine, file: &Path) -> Result<(), VirtError> {
        if !file.exists() {
            return Err(VirtError::state(
                m,
                format!("no saved state at {}", file.display()),
            ));
        }
        self.launch(m, Some(file))?;
        let loaded = wait_until(Duration::from_secs(600), || {
            self.qmp(m)
                .and_then(|mut q| q.status().map_err(|e| VirtError::state(m, e.to_string())))
                .is_ok_and(|s| s != "inmigrate")
        });
        if !loaded {
            return Err(VirtError::state(m, "the saved state did not load"));
        }
        self.exec(m, "cont", Value::Null)?;
        Ok(())
    }

    fn state(&self, m: &Machine) -> Result<DomState, VirtError> {
        if self.pid(m).is_none() {
            if m.dir.join("saved.state").exists() {
                return Ok(DomState::Saved);
            }
            return Ok(DomState::Shutoff);
        }
        let status = self
            .qmp(m)
            .and_then(|mut q| q.status().map_err(|e| VirtError::state(m, e.to_string())))?;
        Ok(match status.as_str() {
            "running" => DomState::Running,
            "internal-error" | "guest-panicked" => DomState::Crashed,
            _ => DomState::Paused,
        })
    }

    fn stats(&self, m: &Machine) -> Result<DomStats, VirtError> {
        let pid = self
            .pid(m)
            .ok_or_else(|| VirtError::state(m, "is not running"))?;
        let (cpu_ns, mem_kib) = proc_counter(pid);
        let mut st = DomStats {
            cpu_ns,
            vcpus: m.vcpus,
            mem_kib,
            ..DomStats::default()
        };
        if let Ok(Value::Array(devs)) = self.exec(m, "query-blockstats", Value::Null) {
            for d in devs {
                let s = &d["stats"];
                st.disk_rd_bytes += s["rd_bytes"].as_u64().unwrap_or(0);
                st.disk_wr_bytes += s["wr_bytes"].as_u64().unwrap_or(0);
            }
        }
        for i in 0..m.nics.len() {
            let dir = Path::new("/sys/class/net")
                .join(hostnet::tap_name(&m.name, i))
                .join("statistics");
            // The tap's transmit is the guest's receive.
            st.net_rx_bytes += read_u64(dir.join("tx_bytes"));
            st.net_tx_bytes += read_u64(dir.join("rx_bytes"));
        }
        Ok(st)
    }

    fn console(&self, m: &Machine) -> Result<Box<dyn ConsoleStream>, VirtError> {
        let s = std::os::unix::net::UnixStream::connect(console_path(m))
            .map_err(|e| VirtError::state(m, format!("cannot open the console: {e}")))?;
        Ok(Box::new(s))
    }
}
