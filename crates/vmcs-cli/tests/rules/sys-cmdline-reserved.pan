# @expect sys.cmdline-reserved
object template sys-cmdline-reserved;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/system/kernel/cmdline' = 'console=hvc0 ro quiet root=/dev/xvda1';
