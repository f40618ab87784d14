@{
Virtual networks shared by several VMs (CIVIC's virtual switch): a segment lists its
members in order, with the object template and planned address of each. A VM joins with
`variable VMCS_SEGMENT = create('my/segment');` and
`'/network' = vmcs_segment_network(VMCS_SEGMENT);`. The rules `net.duplicate-ip` and
`net.duplicate-mac` then compare the VM with the members listed before it by reading their
profiles (`value('OBJECT:/network/interfaces')`), so every pair is checked once and no two
objects read each other.
}
declaration template vmcs/network/segment;

include 'vmcs/schema/basic';
include 'vmcs/functions';

@documentation{
A member of a segment: the VM `name`, the object template that describes it (`object`) and
its planned IPv4 `address`.
}
type vmcs_segment_member = {
    'name' : vmcs_vm_name
    'object' : string
    'address' : vmcs_ipv4
};

@documentation{
A virtual network: its `name`, the host `bridge` (created on demand when `create_bridge`,
with the `gateway` address), the IPv4 `network` and `prefix`, the `gateway` and name
servers given to members, and the ordered list of `members`.
}
type vmcs_segment = {
    'name' : string with match(SELF, '^[A-Za-z0-9_.-]+$')
    'bridge' : string
    'create_bridge' : boolean = true
    'network' : vmcs_ipv4
    'prefix' : vmcs_ipv4_prefix = 24
    'gateway' ? vmcs_ipv4
    'dns' : vmcs_ipv4[] = list()
    'members' : vmcs_segment_member[] = list()
};

@documentation{
An empty segment: the value of `VMCS_SEGMENT` for VMs that belong to none.
}
variable VMCS_SEGMENT ?= dict();

@documentation{
`vmcs_segment_member_index(segment, name)`: the position of the VM `name` in the segment's
members, or -1.
}
function vmcs_segment_member_index = {
    if (!is_defined(ARGV[0]['members'])) return(-1);
    foreach (i; m; ARGV[0]['members']) {
        if (m['name'] == ARGV[1]) return(i);
    };
    -1;
};

@documentation{
`vmcs_segment_network(segment)`: the `/network` of the current VM (`/vm/name`) as a member
of `segment`: one interface `eth0` on the segment's bridge with the member's planned
address, the segment's gateway and name servers, `segment` set to its name, and `hosts`
listing every member (name and planned address), so that the members reach each other by
name through their `/etc/hosts`. When the segment creates its bridge, the spawn gives the
bridge the gateway address.
}
function vmcs_segment_network = {
    seg = ARGV[0];
    me = value('/vm/name');
    i = vmcs_segment_member_index(seg, me);
    if (i < 0) error(format("VM '%s' is not a member of the segment '%s'", me, seg['name']));
    ipv4 = dict('method', 'static', 'address', seg['members'][i]['address'], 'prefix', seg['prefix']);
    if (is_defined(seg['gateway'])) ipv4['gateway'] = seg['gateway'];
    create_bridge = true;
    if (is_defined(seg['create_bridge'])) create_bridge = seg['create_bridge'];
    nic = vmcs_nic(seg['bridge'], ipv4, 'eth0');
    nic['create_bridge'] = create_bridge;
    dns = list();
    if (is_defined(seg['dns'])) dns = seg['dns'];
    hosts = list();
    foreach (j; m; seg['members']) {
        hosts[length(hosts)] = dict('name', m['name'], 'address', m['address']);
    };
    dict('interfaces', list(nic), 'dns', dict('servers', dns, 'search', list()), 'segment', seg['name'],
        'hosts', hosts);
};
