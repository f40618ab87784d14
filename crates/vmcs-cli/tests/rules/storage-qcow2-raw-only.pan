# @expect storage.qcow2-raw-only
object template storage-qcow2-raw-only;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/hypervisor' = 'xen-pv';
'/storage/images/root/format' = 'qcow2';
