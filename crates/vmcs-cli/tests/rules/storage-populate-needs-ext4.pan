# @expect storage.populate-needs-ext4
object template storage-populate-needs-ext4;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/storage/images/data' = dict('size', 2000, 'filesystem', 'xfs', 'mount', '/srv/data');
'/hardware/disks' = append(dict('device', 'xvdb', 'image', 'data'));
