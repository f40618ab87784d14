# Front end of the three-VM network: nginx.
object template net/web;

include 'vmcs/vm';
include 'vmcs/presets/web';
include 'net/lab-switch';
