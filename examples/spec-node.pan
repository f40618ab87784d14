# A SPEC CPU2000 benchmark node, as in the V-MCS paper (its dvm_cpu2000): one vCPU,
# 512 MiB growing to 1024 MiB, a 2000 MiB disk and a CD-ROM holding the benchmark, gcc and
# a Fortran compiler from the archive and the benchmark installed from the CD-ROM.
object template spec-node;

include 'vmcs/vm';

# start from the small node: a disk and a CD-ROM
'/hardware' = create('vmcs/hardware/small');
'/hardware/memory' = 512;
'/hardware/maxmem' = 1024;
# the CD-ROM is mapped to the benchmark's ISO
'/hardware/cdroms/0/iso' = '/srv/vmcs/iso/cpu2000.iso';

'/storage' = create('vmcs/storage/small');
'/system' = create('vmcs/system/debian-bookworm');
'/system/hostname' = 'dvm1';

# ssh (the system preset enables it), the compilers from the archive, the benchmark from
# the CD-ROM
'/software/packages/openssh-server' = vmcs_package('openssh-server');
'/software/packages/gcc' = vmcs_package('gcc', '3.3');
'/software/packages/gfortran' = vmcs_package('gfortran');
'/software/packages/speccpu2000' = vmcs_package('speccpu2000', undef, undef, 'iso');
'/software/knowledge/speccpu2000' = create('vmcs/packages/speccpu2000');

'/network/interfaces' = append(vmcs_nic('xenbr0'));

# the user environment
variable VMCS_OWNER = 'alice';
include 'vmcs/user/env';
