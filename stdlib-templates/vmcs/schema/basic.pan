@{
The basic value types of a VM description: names, enumerations, addresses and sizes.
}
declaration template vmcs/schema/basic;

include 'vmcs/functions/base';

@documentation{
A guest CPU architecture, as Debian names it: `i386`, `amd64` or `arm64`.
}
type vmcs_arch = string with vmcs_one_of(SELF, list('i386', 'amd64', 'arm64'));

@documentation{
How the VM is virtualised: `xen-pv`, `xen-pvh`, `xen-hvm` or `qemu`.
}
type vmcs_hypervisor = string with vmcs_one_of(SELF, list('xen-pv', 'xen-pvh', 'xen-hvm', 'qemu'));

@documentation{
A VM (domain) name: lower-case letters, digits and `-`, starting with a letter or digit,
at most 63 characters.
}
type vmcs_vm_name = string with match(SELF, '^[a-z0-9][a-z0-9-]{0,62}$');

@documentation{
A size in MiB (at least 1).
}
type vmcs_mib = long(1..);

@documentation{
A dotted-quad IPv4 address such as `10.0.0.5`.
}
type vmcs_ipv4 = string with vmcs_is_ipv4(SELF);

@documentation{
An IPv4 prefix length (0 to 32).
}
type vmcs_ipv4_prefix = long(0..32);

@documentation{
A MAC address written as six colon-separated pairs of lower-case hex digits
(`52:54:00:12:34:56`).
}
type vmcs_mac = string with match(SELF, '^[0-9a-f]{2}(:[0-9a-f]{2}){5}$');

@documentation{
An absolute path: starts with `/`, has no `..` component and no control character (line
feeds included).
}
type vmcs_abspath = string with match(SELF, '^/[^\x00-\x1f]*$') && !match(SELF, '(^|/)\.\.(/|$)');

@documentation{
A string on one line (no line feed or carriage return): a value the spawn writes into one
line of a configuration file, such as a field of a systemd unit.
}
type vmcs_line = string with !match(SELF, '[\n\r]');

@documentation{
A user or group name as `useradd` takes it: a lower-case letter or `_`, then up to 31
lower-case letters, digits, `_` or `-`.
}
type vmcs_user_name = string with match(SELF, '^[a-z_][a-z0-9_-]{0,31}$');

@documentation{
A host name label (RFC 1123): lower-case letters, digits and inner `-`, at most 63
characters.
}
type vmcs_host_label = string with match(SELF, '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$');

@documentation{
A systemd unit name as `systemctl` and `After=`/`Wants=` take it (`nginx`,
`network-online.target`, `getty@tty1`): letters, digits and `:`, `_`, `.`, `@`, `-`.
}
type vmcs_unit_ref = string with match(SELF, '^[a-zA-Z0-9:_.@-]+$');

@documentation{
A Debian version relation as written in `Depends:` fields: `>=`, `<=`, `=`, `<<`, `>>`
(and the deprecated `>`, `<`).
}
type vmcs_relation = string with vmcs_one_of(SELF, list('>=', '<=', '=', '<<', '>>', '>', '<'));

@documentation{
Where a package comes from: `apt` (the suite's archive), `iso` (a CD-ROM of the VM),
`dir` (a host directory) or `base` (part of the base system).
}
type vmcs_source = string with vmcs_one_of(SELF, list('apt', 'iso', 'dir', 'base'));
