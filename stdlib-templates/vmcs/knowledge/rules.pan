@{
The rule repository: binds every knowledge-center rule to the profile. Included by
`vmcs/vm` after the types, so type errors are reported before rule failures. Each rule is a
function of `vmcs/knowledge/rules/*` that calls `vmcs_rule_fail` (the rule failure
protocol) or returns true.
}
template vmcs/knowledge/rules;

include 'vmcs/knowledge/rules/hardware';
include 'vmcs/knowledge/rules/system';
include 'vmcs/knowledge/rules/storage';
include 'vmcs/knowledge/rules/software';
include 'vmcs/knowledge/rules/network';

# identity
valid '/vm' = vmcs_rule_vm_name();
# hardware
valid '/hardware' = vmcs_rule_arch_64bit_os();
valid '/hardware' = vmcs_rule_arch_family();
valid '/hardware' = vmcs_rule_maxmem();
valid '/hardware' = vmcs_rule_vcpus_limit();
valid '/hardware' = vmcs_rule_memory_limit();
valid '/hardware' = vmcs_rule_duplicate_device();
# system
valid '/system' = vmcs_rule_hostname();
valid '/system' = vmcs_rule_root_password();
valid '/system' = vmcs_rule_suite_known();
valid '/system' = vmcs_rule_suite_arch();
valid '/system' = vmcs_rule_kernel_arch();
valid '/system' = vmcs_rule_pygrub();
valid '/system' = vmcs_rule_cmdline_reserved();
# storage
valid '/storage' = vmcs_rule_duplicate_mount();
valid '/storage' = vmcs_rule_root_image();
valid '/hardware' = vmcs_rule_disk_image();
valid '/storage' = vmcs_rule_disk_size();
valid '/storage' = vmcs_rule_qcow2();
valid '/storage' = vmcs_rule_populate_ext4();
# software
valid '/software' = vmcs_rule_suite_conflict();
valid '/software' = vmcs_rule_knowledge_missing();
valid '/software' = vmcs_rule_requires_missing();
valid '/software' = vmcs_rule_requires_version();
valid '/software' = vmcs_rule_iso_cdrom();
valid '/software' = vmcs_rule_service_unit();
# network
valid '/network' = vmcs_rule_bridge();
valid '/network' = vmcs_rule_mac();
valid '/network' = vmcs_rule_static();
valid '/network' = vmcs_rule_dhcp_address();
valid '/network' = vmcs_rule_gateway();
valid '/network' = vmcs_rule_duplicate_mac();
valid '/network' = vmcs_rule_duplicate_ip();
