# @expect hw.disk-image-missing
object template hw-disk-image-missing;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/disks/0/image' = 'rootfs';
