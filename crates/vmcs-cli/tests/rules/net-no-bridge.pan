# @expect net.no-bridge
object template net-no-bridge;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/network/interfaces/0' = dict('name', 'eth0', 'mac', '00:16:3e:00:00:01');
