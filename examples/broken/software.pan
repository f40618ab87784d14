# Broken on purpose (software rules): Python 2 on bookworm, and a benchmark from a CD-ROM
# on a VM without a CD-ROM drive.
object template broken/software;

include 'vmcs/vm';
include 'vmcs/presets/small';

'/hardware/cdroms' = list();
'/software/packages/python2' = vmcs_package('python2');
'/software/packages/gcc' = vmcs_package('gcc');
'/software/packages/gfortran' = vmcs_package('gfortran');
'/software/packages/speccpu2000' = vmcs_package('speccpu2000', undef, undef, 'iso');
'/software/knowledge/speccpu2000' = create('vmcs/packages/speccpu2000');
