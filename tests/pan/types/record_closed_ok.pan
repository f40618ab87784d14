object template record_closed_ok;
# @expect=/nlist[@name="profile"]/*[@name="h"]/string[@name="ip"]="10.0.0.1"
type host_t = { 'name' : string 'ip' : string };
bind '/h' = host_t;
'/h/name' = 'n';
'/h/ip' = '10.0.0.1';
