# @expect sys.kernel-arch
object template sys-kernel-arch;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/system/kernel/package' = 'linux-image-arm64';
