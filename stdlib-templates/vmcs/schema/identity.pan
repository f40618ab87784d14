@{
The identity of a VM (`/vm`).
}
declaration template vmcs/schema/identity;

include 'vmcs/schema/basic';

@documentation{
Who a VM is (`/vm`): its domain `name`, the `owner` (the user whose profile store holds
it) and a free-form `description`.
}
type vmcs_identity = {
    'name' : vmcs_vm_name
    'owner' ? string with match(SELF, '^[a-z_][a-z0-9_-]*$')
    'description' ? string
};
