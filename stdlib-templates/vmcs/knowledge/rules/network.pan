@{
Knowledge-center rules about the network (`/network`), including the rules across the
VMs of one segment.
}
declaration template vmcs/knowledge/rules/network;

include 'vmcs/functions';
include 'vmcs/network/segment';

@documentation{
Rule `net.no-bridge`: every interface must attach to a host bridge.
Suggestion: attach it to the default bridge (fix: the interface's `bridge` =
`VMCS_DEFAULT_BRIDGE`).
}
function vmcs_rule_bridge = {
    foreach (i; nic; value('/network/interfaces')) {
        if (!is_defined(nic['bridge'])) {
            p = format('/network/interfaces/%d/bridge', i);
            vmcs_rule_fail('net.no-bridge',
                format('interface %s is not attached to a bridge', nic['name']),
                p, format("attach it to a host bridge, e.g. '%s'", VMCS_DEFAULT_BRIDGE), p, VMCS_DEFAULT_BRIDGE);
        };
    };
    true;
};

@documentation{
Rule `net.mac-missing`: every interface needs a MAC address.
Suggestion: the address derived from the VM name (`vmcs_mac_from_name`).
}
function vmcs_rule_mac = {
    foreach (i; nic; value('/network/interfaces')) {
        if (!is_defined(nic['mac'])) {
            p = format('/network/interfaces/%d/mac', i);
            mac = vmcs_mac_from_name(value('/vm/name'), i, value('/hardware/hypervisor'));
            vmcs_rule_fail('net.mac-missing',
                format('interface %s has no MAC address', nic['name']),
                p, format('use %s (derived from the VM name) or vmcs_nic()', mac), p, mac);
        };
    };
    true;
};

@documentation{
Rule `net.static-incomplete`: a static IPv4 configuration needs an address and a prefix.
Suggestion: give the prefix (fix: 24) or, without an address, use DHCP (fix: `method` =
`dhcp`).
}
function vmcs_rule_static = {
    foreach (i; nic; value('/network/interfaces')) {
        c = nic['ipv4'];
        if (c['method'] == 'static') {
            base = format('/network/interfaces/%d/ipv4', i);
            if (!is_defined(c['address'])) {
                vmcs_rule_fail('net.static-incomplete',
                    format('interface %s is static but has no address', nic['name']),
                    base + '/method', 'give ipv4/address and ipv4/prefix, or use DHCP', base + '/method', 'dhcp');
            };
            if (!is_defined(c['prefix'])) {
                vmcs_rule_fail('net.static-incomplete',
                    format('interface %s is static but has no prefix length', nic['name']),
                    base + '/prefix', 'give the prefix length of the subnet (24 for a /24)', base + '/prefix', 24);
            };
        };
    };
    true;
};

@documentation{
Rule `net.address-with-dhcp`: an address given to an interface configured by DHCP would be
ignored.
Suggestion: make the interface static (fix: `method` = `static`).
}
function vmcs_rule_dhcp_address = {
    foreach (i; nic; value('/network/interfaces')) {
        c = nic['ipv4'];
        if (c['method'] != 'static' && is_defined(c['address'])) {
            p = format('/network/interfaces/%d/ipv4/method', i);
            vmcs_rule_fail('net.address-with-dhcp',
                format("interface %s has the address %s but its method is '%s'", nic['name'], c['address'], c['method']),
                p, 'make it static, or drop the address', p, 'static');
        };
    };
    true;
};

@documentation{
Rule `net.gateway-outside-subnet`: the gateway must be in the interface's subnet.
Suggestion: the first address of the subnet (fix: `gateway`).
}
function vmcs_rule_gateway = {
    foreach (i; nic; value('/network/interfaces')) {
        c = nic['ipv4'];
        if (c['method'] == 'static' && is_defined(c['address']) && is_defined(c['prefix']) && is_defined(c['gateway'])) {
            if (!vmcs_ipv4_same_subnet(c['address'], c['gateway'], c['prefix'])) {
                p = format('/network/interfaces/%d/ipv4/gateway', i);
                first = vmcs_long_to_ipv4(vmcs_ipv4_network(c['address'], c['prefix']) + 1);
                vmcs_rule_fail('net.gateway-outside-subnet',
                    format('the gateway %s is outside the subnet %s/%d', c['gateway'], c['address'], c['prefix']),
                    p, format('use a gateway in the subnet, e.g. %s', first), p, first);
            };
        };
    };
    true;
};

@documentation{
`vmcs_segment_used()`: the MAC and IPv4 addresses used by the members of `VMCS_SEGMENT`
listed before this VM, read from their profiles: a dict with `macs` and `ips` (each a dict
from escaped address to the VM name), plus the planned addresses of all other members
under `planned`.
}
function vmcs_segment_used = {
    used = dict('macs', dict(), 'ips', dict(), 'planned', dict());
    me = value('/vm/name');
    pos = vmcs_segment_member_index(VMCS_SEGMENT, me);
    if (pos < 0) return(used);
    foreach (j; m; VMCS_SEGMENT['members']) {
        if (j != pos) used['planned'][escape(m['address'])] = m['name'];
        if (j < pos) {
            foreach (k; nic; value(m['object'] + ':/network/interfaces')) {
                if (is_defined(nic['mac'])) used['macs'][escape(nic['mac'])] = m['name'];
                if (is_defined(nic['ipv4']['address'])) used['ips'][escape(nic['ipv4']['address'])] = m['name'];
            };
        };
    };
    used;
};

@documentation{
Rule `net.duplicate-mac`: MAC addresses must be unique among the interfaces of a VM and
among the VMs of its segment.
Suggestion: the address derived from the VM name (fix: the interface's `mac`).
}
function vmcs_rule_duplicate_mac = {
    used = vmcs_segment_used();
    mine = dict();
    foreach (i; nic; value('/network/interfaces')) {
        if (is_defined(nic['mac'])) {
            k = escape(nic['mac']);
            who = undef;
            if (is_defined(mine[k])) who = 'this VM';
            if (is_defined(used['macs'][k])) who = used['macs'][k];
            if (is_defined(who)) {
                p = format('/network/interfaces/%d/mac', i);
                mac = vmcs_mac_from_name(value('/vm/name'), i, value('/hardware/hypervisor'));
                vmcs_rule_fail('net.duplicate-mac',
                    format('the MAC address %s of %s is also used by %s', nic['mac'], nic['name'], who),
                    p, format('use %s (derived from the VM name)', mac), p, mac);
            };
            mine[k] = true;
        };
    };
    true;
};

@documentation{
Rule `net.duplicate-ip`: IPv4 addresses must be unique among the VMs of a segment (the
members listed before this one, read from their profiles, and the planned addresses of
all members).
Suggestion: this VM's planned address, or the next free address of the subnet.
}
function vmcs_rule_duplicate_ip = {
    used = vmcs_segment_used();
    foreach (i; nic; value('/network/interfaces')) {
        c = nic['ipv4'];
        if (is_defined(c['address'])) {
            k = escape(c['address']);
            who = undef;
            if (is_defined(used['planned'][k])) who = used['planned'][k] + ' (planned)';
            if (is_defined(used['ips'][k])) who = used['ips'][k];
            if (is_defined(who)) {
                p = format('/network/interfaces/%d/ipv4/address', i);
                free = undef;
                pos = vmcs_segment_member_index(VMCS_SEGMENT, value('/vm/name'));
                planned = VMCS_SEGMENT['members'][pos]['address'];
                if (!is_defined(used['ips'][escape(planned)]) && planned != c['address']) free = planned;
                n = vmcs_ipv4_to_long(c['address']);
                while (!is_defined(free)) {
                    n = n + 1;
                    cand = vmcs_long_to_ipv4(n);
                    if (!is_defined(used['ips'][escape(cand)]) && !is_defined(used['planned'][escape(cand)])) free = cand;
                };
                vmcs_rule_fail('net.duplicate-ip',
                    format('the address %s of %s is also used by %s', c['address'], nic['name'], who),
                    p, format('use %s', free), p, free);
            };
        };
    };
    true;
};
