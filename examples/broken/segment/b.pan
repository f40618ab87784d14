# Broken on purpose (rules across VMs): b takes the address and MAC that a already uses.
# The rules read a's profile (`value('broken/segment/a:/network/interfaces')`).
object template broken/segment/b;

include 'vmcs/vm';
include 'vmcs/presets/small';
include 'broken/segment/switch';

'/network/interfaces/0/ipv4/address' = '10.30.0.10';
'/network/interfaces/0/mac' = value('broken/segment/a:/network/interfaces/0/mac');
