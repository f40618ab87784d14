# @expect sw.requires-version
object template sw-requires-version;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/software/packages/gcc' = vmcs_package('gcc', '2.95');
'/software/packages/gfortran' = vmcs_package('gfortran');
'/software/packages/speccpu2000' = vmcs_package('speccpu2000', undef, undef, 'iso');
'/software/knowledge/speccpu2000' = create('vmcs/packages/speccpu2000');
