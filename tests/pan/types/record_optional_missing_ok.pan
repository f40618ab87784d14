object template record_optional_missing_ok;
# @expect=count(/nlist[@name="profile"]/*[@name="h"]/*)=1
type host_t = { 'name' : string 'ip' ? string };
bind '/h' = host_t;
'/h/name' = 'n';
