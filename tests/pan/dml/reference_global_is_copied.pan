object template reference_global_is_copied;
# A global variable read into a local is a copy: writes through the local do not reach
# the global, but are shared between the locals.
# @expect=/nlist[@name="profile"]/boolean[@name="local_sees"]="true" and /nlist[@name="profile"]/boolean[@name="global_kept"]="true"
variable DEFAULTS = dict('net', dict('mtu', 1500));
'/local_sees' = {
  d = DEFAULTS;
  n = d['net'];
  n['jumbo'] = true;
  is_defined(d['net']['jumbo']);
};
'/global_kept' = !exists(DEFAULTS['net']['jumbo']);
