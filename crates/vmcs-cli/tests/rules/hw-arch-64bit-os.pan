# @expect hw.arch-64bit-os
object template hw-arch-64bit-os;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/arch' = 'i386';
