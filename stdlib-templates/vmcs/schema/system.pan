@{
The operating system of a VM (`/system`).
}
declaration template vmcs/schema/system;

include 'vmcs/schema/basic';

@documentation{
The distribution installed in the guest: only `debian` for now, its `suite` (`bookworm`,
`trixie`...), the userland `arch`, the archive `mirror` and the debootstrap `variant`
(`-` for the default, `minbase` or `buildd`).
}
type vmcs_os = {
    'distribution' : string = 'debian' with SELF == 'debian'
    'suite' : string = 'bookworm' with match(SELF, '^[a-z]+$')
    'arch' : vmcs_arch = 'amd64'
    'mirror' : string = 'http://deb.debian.org/debian' with match(SELF, '^(https?|file)://')
    'variant' : string = '-' with vmcs_one_of(SELF, list('-', 'minbase', 'buildd'))
};

@documentation{
The kernel: the Debian `package` that provides it, how it is booted (`direct`: the
hypervisor loads it from the host; `pygrub`: Xen reads the guest's grub configuration;
`bootloader`: a boot loader inside the disk) and its command line (without `root=`).
}
type vmcs_kernel = {
    'package' : string = 'linux-image-amd64'
    'boot' : string = 'direct' with vmcs_one_of(SELF, list('direct', 'pygrub', 'bootloader'))
    'cmdline' : string = 'console=hvc0 ro quiet'
};

@documentation{
A login account of the guest: `name`, optional `uid` (1000 to 59999), supplementary
`groups`, login `shell`, authorised `ssh_keys` and whether it may use `sudo`.
}
type vmcs_user = {
    'name' : string with match(SELF, '^[a-z_][a-z0-9_-]{0,31}$')
    'uid' ? long(1000..59999)
    'groups' : string[] = list()
    'shell' : vmcs_abspath = '/bin/bash'
    'ssh_keys' : string[] = list()
    'sudo' : boolean = false
};

@documentation{
The root account: whether root may log in by password over ssh (`password_login`), the
crypt(3) `password_hash` (absent: the account is locked) and authorised `ssh_keys`.
}
type vmcs_root_account = {
    'password_login' : boolean = false
    'password_hash' ? string with match(SELF, '^\$[0-9a-z]+\$')
    'ssh_keys' : string[] = list()
};

@documentation{
The system: OS, kernel, `hostname` (an RFC 1123 label, checked by the rule
`sys.hostname-invalid`), DNS `domain`, `locale`, `timezone`, users, root account and the
systemd units to enable (`services`). Defaults: Debian bookworm amd64, `C.UTF-8`, `UTC`.
}
type vmcs_system = {
    'os' : vmcs_os = dict()
    'kernel' : vmcs_kernel = dict()
    'hostname' : string
    'domain' ? string with match(SELF, '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$')
    'locale' : string = 'C.UTF-8'
    'timezone' : string = 'UTC' with match(SELF, '^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$')
    'users' : vmcs_user[] = list()
    'root' : vmcs_root_account = dict()
    'services' : string[] = list()
};
