@{
The identity of a VM (`/vm`).
}
declaration template vmcs/schema/identity;

include 'vmcs/schema/basic';

@documentation{
Who a VM is (`/vm`): its domain `name` (checked by the rule `vm.name-invalid`), the `owner` (the user whose profile store holds
it) and a free-form `description`.
}
type vmcs_identity = {
    'name' : string
    'owner' ? string with match(SELF, '^[a-z_][a-z0-9_-]*$')
    'description' ? string
};
