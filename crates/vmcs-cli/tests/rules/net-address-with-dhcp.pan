# @expect net.address-with-dhcp
object template net-address-with-dhcp;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/network/interfaces' = append(vmcs_nic('xenbr0', dict('method', 'dhcp', 'address', '10.0.0.5')));
