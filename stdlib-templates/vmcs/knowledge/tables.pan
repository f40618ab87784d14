@{
The knowledge center's tables: what the rules compare a VM against. Administrators extend
them without touching Rust: a site template `vmcs/site/knowledge` (found on the include
path; optional) may redefine any of these variables, e.g.
`variable VMCS_PACKAGE_SIZES = merge(VMCS_PACKAGE_SIZES, dict('octave', 400));`.
}
declaration template vmcs/knowledge/tables;

@documentation{
The host the VMs run on: the most vCPUs (`max_vcpus`) and MiB of memory (`max_memory`) one
VM may have. Checked by `hw.vcpus-host-limit` and `hw.memory-host-limit`.
}
variable VMCS_HOST ?= dict('max_vcpus', 8, 'max_memory', 16384);

@documentation{
The Debian suites vmcs knows: release number, size in MiB of the installed base system
(`base_size`, kernel included), the architectures it supports and the install ISO a CD-ROM
is mapped to by default.
}
variable VMCS_SUITES ?= dict(
    'bullseye', dict('release', '11', 'base_size', 1000, 'archs', list('i386', 'amd64', 'arm64'),
                     'iso', '/srv/vmcs/iso/debian-11-amd64-DVD-1.iso'),
    'bookworm', dict('release', '12', 'base_size', 1100, 'archs', list('i386', 'amd64', 'arm64'),
                     'iso', '/srv/vmcs/iso/debian-12-amd64-DVD-1.iso'),
    'trixie', dict('release', '13', 'base_size', 1200, 'archs', list('amd64', 'arm64'),
                   'iso', '/srv/vmcs/iso/debian-13-amd64-DVD-1.iso')
);

@documentation{
The base size in MiB assumed for a suite missing from `VMCS_SUITES`.
}
variable VMCS_DEFAULT_BASE_SIZE ?= 1200;

@documentation{
Estimated installed size in MiB of packages with their dependencies, keyed by package
name. Used by `storage.disk-too-small`.
}
variable VMCS_PACKAGE_SIZES ?= dict(
    'gcc', 180,
    'g++', 60,
    'gfortran', 60,
    'make', 2,
    'build-essential', 250,
    'git', 45,
    'nginx', 15,
    'apache2', 25,
    'php-fpm', 40,
    'python3', 60,
    'openjdk-17-jre-headless', 220,
    'postgresql', 120,
    'mariadb-server', 180,
    'redis-server', 10,
    'openssh-server', 8,
    'speccpu2000', 400
);

@documentation{
The size in MiB assumed for a package missing from `VMCS_PACKAGE_SIZES`.
}
variable VMCS_DEFAULT_PACKAGE_SIZE ?= 50;

@documentation{
Extra space (percent of the estimate) a root image must have beyond the base system and
the packages.
}
variable VMCS_DISK_HEADROOM ?= 10;

@documentation{
Packages that cannot be installed on a suite, with the reason and the replacement to
offer: `VMCS_SUITE_CONFLICTS[suite][package] = dict('reason', ..., 'instead', ...)`.
Checked by `sw.suite-conflict`.
}
variable VMCS_SUITE_CONFLICTS ?= dict(
    'bookworm', dict(
        'python2', dict('reason', 'Python 2 was removed after bullseye', 'instead', 'python3'),
        'python', dict('reason', 'the python package (Python 2) was removed after bullseye', 'instead', 'python3'),
        'mysql-server', dict('reason', 'Debian ships MariaDB instead of MySQL', 'instead', 'mariadb-server'),
        'libssl1.1', dict('reason', 'bookworm has OpenSSL 3 (libssl3)', 'instead', 'libssl3'),
        'gcc-9', dict('reason', 'GCC 9 is not in bookworm', 'instead', 'gcc')
    ),
    'trixie', dict(
        'python2', dict('reason', 'Python 2 was removed after bullseye', 'instead', 'python3'),
        'mysql-server', dict('reason', 'Debian ships MariaDB instead of MySQL', 'instead', 'mariadb-server'),
        'libssl1.1', dict('reason', 'trixie has OpenSSL 3', 'instead', 'libssl3t64'),
        'gcc-10', dict('reason', 'GCC 10 is not in trixie', 'instead', 'gcc')
    ),
    'bullseye', dict(
        'mysql-server', dict('reason', 'Debian ships MariaDB instead of MySQL', 'instead', 'mariadb-server'),
        'gcc-13', dict('reason', 'GCC 13 is not in bullseye', 'instead', 'gcc')
    )
);

@documentation{
The kernel package for each architecture. Checked by `sys.kernel-arch`.
}
variable VMCS_KERNEL_PACKAGES ?= dict(
    'i386', 'linux-image-686-pae',
    'amd64', 'linux-image-amd64',
    'arm64', 'linux-image-arm64'
);

@documentation{
Hypervisor modes whose disk backend only takes raw images (Xen PV with the `phy:`/`file:`
blkback backends). Checked by `storage.qcow2-raw-only`.
}
variable VMCS_RAW_ONLY_HYPERVISORS ?= list('xen-pv');

@documentation{
Hypervisor modes that can boot with Xen's pygrub. Checked by `sys.pygrub-not-xen`.
}
variable VMCS_PYGRUB_HYPERVISORS ?= list('xen-pv', 'xen-pvh');

@documentation{
The host bridge offered when an interface has none.
}
variable VMCS_DEFAULT_BRIDGE ?= 'xenbr0';

@documentation{
Which Debian packages provide each systemd service (bookworm unit names, without
`.service`; timers keep their `.timer`): `VMCS_SERVICE_PACKAGES[service]` lists the
packages whose installation ships that unit, the usual choice first (the one the rule
`sw.service-without-unit` offers). A template unit is listed under its name up to the `@`,
escaped because a Pan key cannot hold `@`: `escape('getty@')` covers `getty@tty1`.
A site adds its own in `vmcs/site/knowledge`:
`variable VMCS_SERVICE_PACKAGES = merge(VMCS_SERVICE_PACKAGES, dict('grafana-server', list('grafana')));`.
}
variable VMCS_SERVICE_PACKAGES ?= dict(
    'ssh', list('openssh-server'),
    'nginx', list('nginx', 'nginx-light', 'nginx-full', 'nginx-extras', 'nginx-core'),
    'apache2', list('apache2'),
    'lighttpd', list('lighttpd'),
    'haproxy', list('haproxy'),
    'php8.2-fpm', list('php8.2-fpm', 'php-fpm'),
    'postgresql', list('postgresql', 'postgresql-15'),
    'mariadb', list('mariadb-server'),
    'redis-server', list('redis-server'),
    'memcached', list('memcached'),
    'named', list('bind9'),
    'dnsmasq', list('dnsmasq'),
    'postfix', list('postfix'),
    'nfs-server', list('nfs-kernel-server'),
    'smbd', list('samba'),
    'nmbd', list('samba'),
    'docker', list('docker.io'),
    'cron', list('cron'),
    'chrony', list('chrony'),
    'ntpsec', list('ntpsec'),
    'rsyslog', list('rsyslog'),
    'fail2ban', list('fail2ban'),
    'unattended-upgrades', list('unattended-upgrades'),
    'systemd-networkd', list('systemd'),
    'systemd-resolved', list('systemd-resolved'),
    'systemd-timesyncd', list('systemd-timesyncd'),
    escape('getty@'), list('systemd'),
    escape('serial-getty@'), list('systemd'),
    'fstrim.timer', list('util-linux'),
    'e2scrub_all.timer', list('e2fsprogs')
);

@documentation{
Packages every guest has whatever its debootstrap variant: Debian's required packages
that ship units, and systemd, which the spawn installs so that the guest boots its own
init. The rule `sw.service-without-unit` counts them as installed.
}
variable VMCS_BASE_PACKAGES ?= list('systemd', 'systemd-sysv', 'util-linux', 'e2fsprogs', 'apt');
