@{
Hardware preset: a small node with 1 vCPU, 256 MiB (up to 512 MiB), one disk `xvda` on
the image `root` and a CD-ROM `hdc` (V-MCS's `hardware_hda_cdrom_256_1`). Map the CD-ROM to
your ISO with `'/hardware/cdroms/0/iso' = '/path/to.iso';`.
}
structure template vmcs/hardware/small;

'arch' = 'amd64';
'vcpus' = 1;
'memory' = 256;
'maxmem' = 512;
'hypervisor' = 'xen-pvh';
'disks' = list(dict('device', 'xvda', 'image', 'root', 'readonly', false));
'cdroms' = list(dict('device', 'hdc', 'iso', '/srv/vmcs/iso/tools.iso'));
