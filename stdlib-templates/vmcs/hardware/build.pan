@{
Hardware preset: a build host with 4 vCPUs, 8 GiB of memory, the root disk `xvda` and a
scratch disk `xvdb` (image `scratch`, see `vmcs/storage/build`).
}
structure template vmcs/hardware/build;

'arch' = 'amd64';
'vcpus' = 4;
'memory' = 8192;
'maxmem' = 8192;
'hypervisor' = 'xen-pvh';
'disks' = list(
    dict('device', 'xvda', 'image', 'root'),
    dict('device', 'xvdb', 'image', 'scratch')
);
'cdroms' = list();
