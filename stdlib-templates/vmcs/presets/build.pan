@{
Preset `build`: the build host (4 vCPUs, 8 GiB), root and scratch images, Debian bookworm
with ssh (`openssh-server`) and the compilers (`build-essential`, `git`).
}
template vmcs/presets/build;

'/hardware' = create('vmcs/hardware/build');
'/storage' = create('vmcs/storage/build');
'/system' = create('vmcs/system/debian-bookworm');
'/software/packages' = vmcs_merge(SELF, vmcs_packages(list('openssh-server', 'build-essential', 'git')));
