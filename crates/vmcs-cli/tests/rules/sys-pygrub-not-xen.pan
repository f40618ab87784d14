# @expect sys.pygrub-not-xen
object template sys-pygrub-not-xen;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/hypervisor' = 'qemu';
'/system/kernel/boot' = 'pygrub';
