# @expect hw.vcpus-host-limit
object template hw-vcpus-host-limit;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/vcpus' = 64;
