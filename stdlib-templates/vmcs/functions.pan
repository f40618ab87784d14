@{
Functions for writing VM templates: MAC addresses, interfaces, packages and the disk
space estimate used by the rule `storage.disk-too-small`.
}
declaration template vmcs/functions;

include 'vmcs/functions/base';
include 'vmcs/knowledge/tables';

@documentation{
`vmcs_mac_from_name(name[, index[, hypervisor]])`: a deterministic, locally administered
MAC address for interface `index` (default 0) of the VM `name`: the first three bytes of
`digest('MD5', name/index)` after the prefix of the hypervisor (`00:16:3e` for Xen,
`52:54:00` for `qemu`).
}
function vmcs_mac_from_name = {
    index = 0;
    if (ARGC > 1) index = ARGV[1];
    pfx = '00:16:3e';
    if (ARGC > 2 && ARGV[2] == 'qemu') pfx = '52:54:00';
    h = digest('MD5', ARGV[0] + '/' + to_string(index));
    format('%s:%s:%s:%s', pfx, substr(h, 0, 2), substr(h, 2, 2), substr(h, 4, 2));
};

@documentation{
`vmcs_nic(bridge[, ipv4[, name]])`: an interface attached to `bridge` with the MAC derived
from the VM name (`/vm/name`) and the interface's position, `ipv4` as given (default
DHCP). Use it as `'/network/interfaces' = append(vmcs_nic('br0'));`.
}
function vmcs_nic = {
    index = 0;
    if (path_exists('/network/interfaces')) index = length(value('/network/interfaces'));
    ifname = 'eth' + to_string(index);
    if (ARGC > 2) ifname = ARGV[2];
    hv = 'xen-pvh';
    if (path_exists('/hardware/hypervisor')) hv = value('/hardware/hypervisor');
    nic = dict(
        'name', ifname,
        'bridge', ARGV[0],
        'mac', vmcs_mac_from_name(value('/vm/name'), index, hv)
    );
    if (ARGC > 1 && is_dict(ARGV[1])) nic['ipv4'] = ARGV[1];
    nic;
};

@documentation{
`vmcs_static_ipv4(address, prefix[, gateway])`: a static IPv4 configuration dict.
}
function vmcs_static_ipv4 = {
    c = dict('method', 'static', 'address', ARGV[0], 'prefix', ARGV[1]);
    if (ARGC > 2) c['gateway'] = ARGV[2];
    c;
};

@documentation{
`vmcs_package(name[, version[, relation[, source]]])`: a package request (`source` apt,
`relation` `>=` when a version is given).
}
function vmcs_package = {
    p = dict('name', ARGV[0], 'source', 'apt');
    if (ARGC > 1 && is_string(ARGV[1])) {
        p['version'] = ARGV[1];
        p['relation'] = '>=';
    };
    if (ARGC > 2 && is_string(ARGV[2])) p['relation'] = ARGV[2];
    if (ARGC > 3) p['source'] = ARGV[3];
    p;
};

@documentation{
`vmcs_packages(names)`: a dict of package requests from a list of names, keyed by the
names; merge it into `/software/packages`.
}
function vmcs_packages = {
    d = dict();
    foreach (i; n; ARGV[0]) {
        d[n] = vmcs_package(n);
    };
    d;
};

@documentation{
`vmcs_package_size(name)`: the estimated installed size in MiB of a package, from
`VMCS_PACKAGE_SIZES` (`VMCS_DEFAULT_PACKAGE_SIZE` when unknown).
}
function vmcs_package_size = {
    k = ARGV[0];
    if (is_defined(VMCS_PACKAGE_SIZES[k])) return(VMCS_PACKAGE_SIZES[k]);
    VMCS_DEFAULT_PACKAGE_SIZE;
};

@documentation{
`vmcs_disk_needed(suite, packages)`: the estimated size in MiB of a root image holding the
base system of `suite` (from `VMCS_SUITES`) and the packages (a dict of package requests),
plus `VMCS_DISK_HEADROOM` percent.
}
function vmcs_disk_needed = {
    base = VMCS_DEFAULT_BASE_SIZE;
    if (is_defined(VMCS_SUITES[ARGV[0]])) base = VMCS_SUITES[ARGV[0]]['base_size'];
    total = base;
    if (is_dict(ARGV[1])) {
        foreach (k; p; ARGV[1]) {
            total = total + vmcs_package_size(p['name']);
        };
    };
    total + (total * VMCS_DISK_HEADROOM) / 100;
};

@documentation{
`vmcs_round_up(n, step)`: `n` rounded up to a multiple of `step`.
}
function vmcs_round_up = ((ARGV[0] + ARGV[1] - 1) / ARGV[1]) * ARGV[1];

@documentation{
`vmcs_default_repositories([os])`: the repositories a guest of `os` (a `/system/os` dict;
default the profile's `/system/os`) gets when `/software/repositories` is empty: the OS
mirror with the suite and `SUITE-updates`, and `http://deb.debian.org/debian-security`
with `SUITE-security`, all with the component `main`. Use it to write them out and extend
them: `'/software/repositories' = vmcs_default_repositories();` then
`'/software/repositories/0/components' = list('main', 'contrib');`.
}
function vmcs_default_repositories = {
    os = undef;
    if (ARGC > 0) {
        os = ARGV[0];
    } else {
        os = value('/system/os');
    };
    suite = os['suite'];
    main = list('main');
    list(
        dict('uri', os['mirror'], 'suite', suite, 'components', main),
        dict('uri', os['mirror'], 'suite', suite + '-updates', 'components', main),
        dict('uri', 'http://deb.debian.org/debian-security', 'suite', suite + '-security', 'components', main)
    );
};
