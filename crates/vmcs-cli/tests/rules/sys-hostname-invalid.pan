# @expect sys.hostname-invalid
object template sys-hostname-invalid;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/system/hostname' = 'web.example.org';
