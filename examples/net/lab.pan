# The three-VM network as one unit: `vmcs up examples/net/lab.pan` creates its switch,
# spawns web, app and db in parallel (on their hosts) and prints the address table;
# `vmcs down lab` stops them; `vmcs graph examples/net/lab.pan` draws it.
object template net/lab;

include 'vmcs/network/net';
include 'net/lab-segment';

'/name' = 'lab';
'/switches/lab' = VMCS_SEGMENT;
