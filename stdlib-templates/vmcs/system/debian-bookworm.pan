@{
System preset: Debian 12 (bookworm) for amd64 from deb.debian.org, the cloud kernel booted
directly by the hypervisor, `C.UTF-8`, UTC, root locked for passwords, ssh enabled. The
host name is the VM name (`VMCS_NAME`). Use it as
`'/system' = create('vmcs/system/debian-bookworm');`.
}
structure template vmcs/system/debian-bookworm;

'os' = dict(
    'distribution', 'debian',
    'suite', 'bookworm',
    'arch', 'amd64',
    'mirror', 'http://deb.debian.org/debian',
    'variant', '-'
);
'kernel' = dict('package', 'linux-image-amd64', 'boot', 'direct', 'cmdline', 'console=hvc0 ro quiet');
'hostname' = VMCS_NAME;
'locale' = 'C.UTF-8';
'timezone' = 'UTC';
'users' = list();
'root' = dict('password_login', false, 'ssh_keys', list());
'services' = list('ssh');
