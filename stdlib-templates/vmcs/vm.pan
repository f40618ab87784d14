@{
The entry point of a VM description: `include 'vmcs/vm';` right after the object
template's header. It declares the types and functions, binds the profile root to
`vmcs_vm_profile`, names the VM after the object template (`VMCS_NAME`, set it before the
include to choose another name), sets the host name to that name, and loads the
knowledge center (tables, the optional site template `vmcs/site/knowledge`, and the rules).
Everything else has defaults; presets (`vmcs/presets/*`) and your assignments override
them.
}
unique template vmcs/vm;

include 'vmcs/schema';
include 'vmcs/functions';
include 'vmcs/network/segment';
include if_exists('vmcs/site/knowledge');

bind '/' = vmcs_vm_profile;

@documentation{
The VM (domain) name; by default the last component of the object template's name.
}
variable VMCS_NAME ?= vmcs_basename(OBJECT);

'/vm/name' = VMCS_NAME;
'/hardware' = dict();
'/system/hostname' = VMCS_NAME;
'/network' = dict();
'/storage' = dict();
'/software' = dict();

include 'vmcs/knowledge/rules';
