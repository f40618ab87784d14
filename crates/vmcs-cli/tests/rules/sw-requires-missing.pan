# @expect sw.requires-missing
object template sw-requires-missing;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/software/packages/speccpu2000' = vmcs_package('speccpu2000', undef, undef, 'iso');
'/software/knowledge/speccpu2000' = create('vmcs/packages/speccpu2000');
