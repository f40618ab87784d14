# @expect hw.duplicate-device
object template hw-duplicate-device;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/cdroms/0/device' = 'xvda';
