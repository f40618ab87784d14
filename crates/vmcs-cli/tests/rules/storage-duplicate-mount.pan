# @expect storage.duplicate-mount
object template storage-duplicate-mount;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/storage/images/data' = dict('size', 100, 'mount', '/');
'/hardware/disks' = append(dict('device', 'xvdb', 'image', 'data'));
