# @expect hw.maxmem-below-memory
object template hw-maxmem-below-memory;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/memory' = 2048;
