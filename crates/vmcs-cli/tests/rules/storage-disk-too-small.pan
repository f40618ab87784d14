# @expect storage.disk-too-small
object template storage-disk-too-small;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/storage/images/root/size' = 1000;
