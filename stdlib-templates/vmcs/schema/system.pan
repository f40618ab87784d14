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
`bootloader`: a boot loader inside the disk) and the options of its command line
(`cmdline`, default `quiet`). Leave out `console=`, `root=`, `ro`, `rw` and `init=`: each
hypervisor backend adds the console and root options it needs, and the guest boots its
own systemd (checked by the rule `sys.cmdline-reserved`).
}
type vmcs_kernel = {
    'package' : string = 'linux-image-amd64'
    'boot' : string = 'direct' with vmcs_one_of(SELF, list('direct', 'pygrub', 'bootloader'))
    'cmdline' : vmcs_line = 'quiet'
};

@documentation{
A login account of the guest: `name`, optional `uid` (1000 to 59999), supplementary
`groups`, login `shell`, authorised `ssh_keys` and whether it may use `sudo`.
}
type vmcs_user = {
    'name' : vmcs_user_name
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
A systemd service of your own (`/system/units/NAME` becomes `NAME.service` in the guest):
its `description`, the command it runs (`exec_start`, absolute program path first), the
`user` it runs as (default root), its `working_directory`, its `environment` (variable
name to value), the units it starts `after` and `wants` (default
`network-online.target`), and when systemd restarts it (`restart`: `no`, `on-failure` or
`always`). No value may contain a line break. Defining a unit does not start it: list
`NAME` in `/system/services` too.
}
type vmcs_unit = {
    'description' : vmcs_line
    'exec_start' : vmcs_line
    'user' ? vmcs_user_name
    'working_directory' ? vmcs_abspath
    'environment' : vmcs_line{} = dict() with vmcs_keys_match(SELF, '^[A-Za-z_][A-Za-z0-9_]*$')
    'after' : vmcs_unit_ref[] = list('network-online.target')
    'wants' : vmcs_unit_ref[] = list('network-online.target')
    'restart' : string = 'on-failure' with vmcs_one_of(SELF, list('no', 'on-failure', 'always'))
};

@documentation{
A file the spawn writes into the guest, after the packages are installed (so it replaces
a file a package shipped): its absolute `path` (missing parent directories are created),
its `contents`, its permission bits (`mode`, default 420, that is octal 0644) and its
`owner` (a user name; default root).
}
type vmcs_file = {
    'path' : vmcs_abspath with !match(SELF, '/$')
    'contents' : string
    'mode' : long(0..4095) = 420
    'owner' ? vmcs_user_name
};

@documentation{
The system: OS, kernel, `hostname` (an RFC 1123 label, checked by the rule
`sys.hostname-invalid`), DNS `domain`, `locale`, `timezone`, users, root account, the
systemd units to enable (`services`, checked by the rule `sw.service-without-unit`), your
own services (`units`, keyed by unit name without `.service`: letters, digits, `@`, `_`,
`.`, `-`) and the files to write into the guest (`files`). Defaults: Debian bookworm
amd64, `C.UTF-8`, `UTC`, no units, no files.
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
    'services' : vmcs_unit_ref[] = list()
    'units' : vmcs_unit{} = dict() with vmcs_keys_match(SELF, '^(?!.*[.]service$)[a-zA-Z0-9@_.-]+$')
    'files' : vmcs_file[] = list()
};
