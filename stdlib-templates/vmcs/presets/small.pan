@{
Preset `small`: the small hardware (1 vCPU, 256 MiB, a disk and a CD-ROM), a 2000 MiB
root image and Debian bookworm with ssh (`openssh-server`).
}
template vmcs/presets/small;

'/hardware' = create('vmcs/hardware/small');
'/storage' = create('vmcs/storage/small');
'/system' = create('vmcs/system/debian-bookworm');
'/software/packages' = vmcs_merge(SELF, vmcs_packages(list('openssh-server')));
