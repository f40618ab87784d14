# @expect sw.service-without-unit
# @nofix
object template sw-service-without-unit-unknown;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/software/packages' = vmcs_merge(SELF, vmcs_packages(list('gunicorn')));
'/system/services' = append('gunicorn');
