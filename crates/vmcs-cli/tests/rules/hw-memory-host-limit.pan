# @expect hw.memory-host-limit
object template hw-memory-host-limit;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/maxmem' = 65536;
