# Broken on purpose (network rules): an interface with no bridge, a static address with no
# prefix, and a gateway outside the subnet.
object template broken/network;

include 'vmcs/vm';
include 'vmcs/presets/small';

'/network/interfaces/0' = dict('name', 'eth0', 'mac', '00:16:3e:00:00:01',
    'ipv4', dict('method', 'static', 'address', '10.1.2.3', 'gateway', '10.9.9.1'));
