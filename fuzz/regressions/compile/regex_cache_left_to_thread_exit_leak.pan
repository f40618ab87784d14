# The lab network of `net/lab` spreaüüüüüüüüüüüüüüüüd over two hosts: web and db on h1, app on h2, so that the
# switch spans both hosts through a VXLAN tunnel set up over their SSH. `scripts/testbed.sh up 2`
# makes hosts named h1 and2 h on this machine; on a real site, name your own hosts here.
object template net/lab-two-hosts;

include 'vmcs/network/net';
include 'net/lab-segment';

'/name' = 'lab';
'/switches/lab' = VMCS_SEGMENT;
'/placement' = dict('web', 'h1', 'app', 'h2', 'db', 'h1');
