# @expect net.mac-missing
object template net-mac-missing;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/network/interfaces/0' = dict('name', 'eth0', 'bridge', 'xenbr0');
