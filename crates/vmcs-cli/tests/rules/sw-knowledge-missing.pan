# @expect sw.knowledge-missing
# @nofix
object template sw-knowledge-missing;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/software/packages/mytool' = vmcs_package('mytool', '1.0', '=', 'dir');
