# The segment of the broken network pair: a and b, in that order.
template broken/segment/switch;

include 'vmcs/network/segment';

variable VMCS_SEGMENT = dict(
    'name', 'pair',
    'bridge', 'br-pair',
    'network', '10.30.0.0',
    'prefix', 24,
    'gateway', '10.30.0.1',
    'members', list(
        dict('name', 'a', 'object', 'broken/segment/a', 'address', '10.30.0.10'),
        dict('name', 'b', 'object', 'broken/segment/b', 'address', '10.30.0.11')
    )
);

'/network' = vmcs_segment_network(VMCS_SEGMENT);
