# @expect net.static-incomplete
object template net-static-incomplete;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/network/interfaces' = append(vmcs_nic('xenbr0', dict('method', 'static')));
