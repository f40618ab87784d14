@{
The network of a VM (`/network`).
}
declaration template vmcs/schema/network;

include 'vmcs/schema/basic';

@documentation{
IPv4 configuration of an interface: `method` (`dhcp`, `static` or `none`) and, for
`static`, the `address`, `prefix` and optional `gateway` (checked by the rules
`net.static-incomplete` and `net.gateway-outside-subnet`).
}
type vmcs_ipv4_config = {
    'method' : string = 'dhcp' with vmcs_one_of(SELF, list('dhcp', 'static', 'none'))
    'address' ? vmcs_ipv4
    'prefix' ? vmcs_ipv4_prefix
    'gateway' ? vmcs_ipv4
};

@documentation{
IPv6 configuration of an interface (addresses are not checked beyond being strings).
}
type vmcs_ipv6_config = {
    'method' : string = 'none' with vmcs_one_of(SELF, list('dhcp', 'static', 'none'))
    'address' ? string
    'prefix' ? long(0..128)
    'gateway' ? string
};

@documentation{
A network interface of the guest: its `name` (`eth0`), the host `bridge` it attaches to
(required by the rule `net.no-bridge`), whether the spawn creates that bridge
(`create_bridge`; it then gives the bridge the interface's `ipv4/gateway` address with the
interface's `ipv4/prefix`, so the host is the guests' gateway), its `mac` (the function
`vmcs_nic` derives one from the VM name; the rule `net.mac-missing` offers one) and its
addresses.
}
type vmcs_interface = {
    'name' : string = 'eth0' with match(SELF, '^[a-z][a-z0-9]{0,14}$')
    'bridge' ? string with match(SELF, '^[A-Za-z0-9_.-]{1,15}$')
    'create_bridge' : boolean = false
    'mac' ? vmcs_mac
    'ipv4' : vmcs_ipv4_config = dict()
    'ipv6' ? vmcs_ipv6_config
};

@documentation{
Name servers and search domains given to the guest.
}
type vmcs_dns = {
    'servers' : vmcs_ipv4[] = list()
    'search' : string[] = list()
};

@documentation{
A line of the guest's `/etc/hosts`: a host `name` (an RFC 1123 label) and its IPv4
`address`.
}
type vmcs_host_entry = {
    'name' : vmcs_host_label
    'address' : vmcs_ipv4
};

@documentation{
The network: interfaces, DNS, the name of the virtual network (`segment`, CIVIC's virtual
switch) the VM belongs to, and the `hosts` the guest resolves by name (written into its
`/etc/hosts`; `vmcs_segment_network` lists every member of the segment). See
`vmcs/network/segment` for segments shared by several VMs.
}
type vmcs_network = {
    'interfaces' : vmcs_interface[] = list()
    'dns' : vmcs_dns = dict()
    'segment' ? string with match(SELF, '^[A-Za-z0-9_.-]+$')
    'hosts' : vmcs_host_entry[] = list()
};
