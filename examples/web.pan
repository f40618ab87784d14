# A web server: nginx on Debian bookworm, 2 vCPUs, a static address on the office bridge.
object template web;

include 'vmcs/vm';
include 'vmcs/presets/web';

'/vm/description' = 'public web server';
'/network/interfaces/0/bridge' = 'br-office';
'/network/interfaces/0/ipv4' = vmcs_static_ipv4('192.168.10.20', 24, '192.168.10.1');
'/network/dns/servers' = list('192.168.10.1');
'/network/dns/search' = list('example.org');
'/system/domain' = 'example.org';
'/software/packages' = vmcs_merge(SELF, vmcs_packages(list('openssh-server', 'certbot')));
'/system/root/ssh_keys' = list('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForDocs admin@example.org');
