# @expect sys.suite-unknown
object template sys-suite-unknown;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/system/os/suite' = 'sarge';
