# @expect storage.no-root-image
object template storage-no-root-image;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/storage/images' = dict('data', dict('size', 4000, 'mount', '/srv'));
'/hardware/disks/0/image' = 'data';
