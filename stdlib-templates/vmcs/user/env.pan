@{
The user environment (V-MCS's `default_user_env`): records the owner of the VM and gives
them a login with sudo and their ssh keys. Set `VMCS_OWNER` (default: `vmcs`) and
`VMCS_OWNER_SSH_KEYS` before including it.
}
template vmcs/user/env;

@documentation{
The user who owns the VM (`/vm/owner`) and gets a login account.
}
variable VMCS_OWNER ?= 'vmcs';

@documentation{
The owner's authorised ssh public keys.
}
variable VMCS_OWNER_SSH_KEYS ?= list();

'/vm/owner' = VMCS_OWNER;
'/system/users' = append(dict(
    'name', VMCS_OWNER,
    'groups', list('sudo', 'adm'),
    'shell', '/bin/bash',
    'ssh_keys', VMCS_OWNER_SSH_KEYS,
    'sudo', true
));
