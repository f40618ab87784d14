object template default_field_not_overriding;
# @expect=/nlist[@name="profile"]/*[@name="svc"]/long[@name="port"]="9090"
type svc_t = { 'port' : long = 8080 };
bind '/svc' = svc_t;
'/svc/port' = 9090;
