# @expect hw.arch-family
object template hw-arch-family;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/arch' = 'arm64';
'/system/kernel/package' = 'linux-image-arm64';
