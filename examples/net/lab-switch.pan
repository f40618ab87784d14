# The virtual network shared by web, app and db (CIVIC's virtual switch): one bridge, one
# /24, the members in order with their planned addresses. Each VM includes this template.
template net/lab-switch;

include 'vmcs/network/segment';

variable VMCS_SEGMENT = dict(
    'name', 'lab',
    'bridge', 'br-lab',
    'create_bridge', true,
    'network', '10.20.0.0',
    'prefix', 24,
    'gateway', '10.20.0.1',
    'dns', list('10.20.0.1'),
    'members', list(
        dict('name', 'web', 'object', 'net/web', 'address', '10.20.0.10'),
        dict('name', 'app', 'object', 'net/app', 'address', '10.20.0.20'),
        dict('name', 'db', 'object', 'net/db', 'address', '10.20.0.30')
    )
);

'/network' = vmcs_segment_network(VMCS_SEGMENT);
