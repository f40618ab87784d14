@{
System preset: a lean Debian 12 (bookworm) for amd64 from deb.debian.org (debootstrap's
`minbase`; the spawn adds what a VM needs to boot: systemd, udev, kmod, iproute2, dbus), its
`linux-image-amd64` kernel booted directly by the hypervisor (command line `quiet`: the
backend adds the console and root options), `C.UTF-8`, UTC, root locked for passwords,
ssh enabled (so the VM needs `openssh-server`, which the whole-VM presets ask for). The
host name is the VM name (`VMCS_NAME`). Use it as
`'/system' = create('vmcs/system/debian-bookworm');`.
}
structure template vmcs/system/debian-bookworm;

'os' = dict(
    'distribution', 'debian',
    'suite', 'bookworm',
    'arch', 'amd64',
    'mirror', 'http://deb.debian.org/debian',
    'variant', 'minbase'
);
'kernel' = dict('package', 'linux-image-amd64', 'boot', 'direct', 'cmdline', 'quiet');
'hostname' = VMCS_NAME;
'locale' = 'C.UTF-8';
'timezone' = 'UTC';
'users' = list();
'root' = dict('password_login', false, 'ssh_keys', list());
'services' = list('ssh');
