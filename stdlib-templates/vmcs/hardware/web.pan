@{
Hardware preset: a web server with 2 vCPUs, 1 GiB of memory (up to 2 GiB) and one disk.
}
structure template vmcs/hardware/web;

'arch' = 'amd64';
'vcpus' = 2;
'memory' = 1024;
'maxmem' = 2048;
'hypervisor' = 'xen-pvh';
'disks' = list(dict('device', 'xvda', 'image', 'root'));
'cdroms' = list();
