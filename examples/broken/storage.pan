# Broken on purpose (storage rules): a root image too small for the packages, and a qcow2
# image on the Xen PV mode, whose disk backend only takes raw images.
object template broken/storage;

include 'vmcs/vm';
include 'vmcs/presets/small';

'/hardware/hypervisor' = 'xen-pv';
'/storage/images/root/size' = 1200;
'/storage/images/root/format' = 'qcow2';
'/software/packages' = vmcs_merge(SELF, vmcs_packages(list('gcc', 'gfortran', 'openjdk-17-jre-headless')));
