# @expect net.gateway-outside-subnet
object template net-gateway-outside-subnet;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/network/interfaces' = append(vmcs_nic('xenbr0', vmcs_static_ipv4('192.168.1.10', 24, '192.168.2.1')));
