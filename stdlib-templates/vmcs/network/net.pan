@{
A virtual network of several VMs as one unit (what `vmcs up NET.pan` brings up, `vmcs down`
stops and `vmcs graph` draws): its `name`, its `switches` (segments, as in
`vmcs/network/segment`, each listing its members and the object template that describes
each), and optionally where each member runs (`placement`, VM name to host name; members
not listed are placed automatically or on `vmcs up --host`). A network template is an object
template: `object template lab; include 'vmcs/network/net'; include 'my/segment';
'/name' = 'lab'; '/switches/lab' = VMCS_SEGMENT;`.
}
unique template vmcs/network/net;

include 'vmcs/network/segment';

@documentation{
A network of VMs: its `name`, its `switches` (by name) and the `placement` of members on
hosts.
}
type vmcs_net = {
    'name' : vmcs_vm_name
    'switches' : vmcs_segment{} with length(SELF) > 0
    'placement' : vmcs_vm_name{} = dict()
};

bind '/' = vmcs_net;
