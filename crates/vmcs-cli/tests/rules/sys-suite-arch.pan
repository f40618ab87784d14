# @expect sys.suite-arch
object template sys-suite-arch;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/system/os/suite' = 'trixie';
'/system/os/arch' = 'i386';
'/hardware/arch' = 'amd64';
'/system/kernel/package' = 'linux-image-686-pae';
