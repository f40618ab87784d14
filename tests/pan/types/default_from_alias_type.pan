object template default_from_alias_type;
# @expect=/nlist[@name="profile"]/*[@name="svc"]/long[@name="port"]="22"
type port_t = long = 22;
type svc_t = { 'port' : port_t };
bind '/svc' = svc_t;
'/svc' = dict();
