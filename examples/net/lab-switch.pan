# The virtual network shared by web, app and db, as each member sees it: its interface on
# the segment of `net/lab-segment` with its planned address, the gateway and name servers,
# and every member's name in /etc/hosts. Each VM includes this template.
template net/lab-switch;

include 'net/lab-segment';

'/network' = vmcs_segment_network(VMCS_SEGMENT);

# every member can ping the others by name (their names are in each /etc/hosts)
'/software/packages' = vmcs_merge(SELF, vmcs_packages(list('iputils-ping')));
