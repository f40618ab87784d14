@{
Preset `web`: a 2-vCPU web server with nginx and ssh (`openssh-server`) on Debian
bookworm, on the default bridge with DHCP.
}
template vmcs/presets/web;

'/hardware' = create('vmcs/hardware/web');
'/storage' = create('vmcs/storage/web');
'/system' = create('vmcs/system/debian-bookworm');
'/system/services' = append('nginx');
'/software/packages' = vmcs_merge(SELF, vmcs_packages(list('nginx', 'openssh-server')));
'/network/interfaces' = append(vmcs_nic(VMCS_DEFAULT_BRIDGE));
