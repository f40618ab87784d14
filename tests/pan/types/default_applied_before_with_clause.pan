object template default_applied_before_with_clause;
# @expect=/nlist[@name="profile"]/*[@name="svc"]/long[@name="port"]="8080"
type svc_t = { 'port' : long = 8080 } with SELF['port'] == 8080;
bind '/svc' = svc_t;
'/svc' = dict();
