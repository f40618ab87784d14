@{
The virtual hardware of a VM (`/hardware`).
}
declaration template vmcs/schema/hardware;

include 'vmcs/schema/basic';

@documentation{
A block device of the guest (`xvda`, `sda`, `vda`, `hda`...) backed by the image named
`image` in `/storage/images`.
}
type vmcs_disk = {
    'device' : string with match(SELF, '^(xvd|sd|vd|hd)[a-z]$')
    'image' : string
    'readonly' : boolean = false
};

@documentation{
A CD-ROM device of the guest mapped to an ISO file of the host (absolute path).
}
type vmcs_cdrom = {
    'device' : string = 'hdc' with match(SELF, '^(xvd|sd|vd|hd)[a-z]$')
    'iso' : vmcs_abspath
};

@documentation{
The virtual hardware: architecture, vCPUs (1 to 256), initial and maximum memory in MiB
(32 MiB to 1 TiB), the hypervisor mode and the disk and CD-ROM devices. Defaults: amd64,
1 vCPU, 256 MiB, Xen PVH, one disk `xvda` on the image `root`, no CD-ROM.
}
type vmcs_hardware = {
    'arch' : vmcs_arch = 'amd64'
    'vcpus' : long(1..256) = 1
    'memory' : long(32..1048576) = 256
    'maxmem' : long(32..1048576) = 256
    'hypervisor' : vmcs_hypervisor = 'xen-pvh'
    'disks' : vmcs_disk[] = list(dict('device', 'xvda', 'image', 'root'))
    'cdroms' : vmcs_cdrom[] = list()
};
