@{
All the types of the VM description, and the type of a whole VM profile.
}
declaration template vmcs/schema;

include 'vmcs/schema/identity';
include 'vmcs/schema/hardware';
include 'vmcs/schema/system';
include 'vmcs/schema/network';
include 'vmcs/schema/storage';
include 'vmcs/schema/software';

@documentation{
A whole VM profile: the six parts and nothing else (the profile root is closed, so a
misspelt top-level path is an error rather than an ignored key).
}
type vmcs_vm_profile = {
    'vm' : vmcs_identity
    'hardware' : vmcs_hardware = dict()
    'system' : vmcs_system
    'network' : vmcs_network = dict()
    'storage' : vmcs_storage = dict()
    'software' : vmcs_software = dict()
};
