# The lab network's one switch (CIVIC's virtual switch): a bridge the spawn creates (with the
# gateway's address), one /24, and its members in order with their planned addresses. The
# members include it through `net/lab-switch`; the network as a whole (`net/lab`) too.
template net/lab-segment;

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
