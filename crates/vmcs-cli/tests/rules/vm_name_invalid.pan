# @expect vm.name-invalid
object template vm_name_invalid;

include 'vmcs/vm';
include 'vmcs/presets/small';
