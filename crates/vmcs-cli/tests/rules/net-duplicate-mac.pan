# @expect net.duplicate-mac
object template net-duplicate-mac;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/network/interfaces' = append(vmcs_nic('xenbr0'));
'/network/interfaces' = append(vmcs_nic('xenbr1'));
'/network/interfaces/1/mac' = value('/network/interfaces/0/mac');
