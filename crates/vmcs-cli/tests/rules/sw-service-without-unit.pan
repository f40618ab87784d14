# @expect sw.service-without-unit
object template sw-service-without-unit;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/system/services' = append('nginx');
