object template default_field_inserted;
# @expect=/nlist[@name="profile"]/*[@name="svc"]/long[@name="port"]="8080"
type svc_t = { 'name' : string 'port' : long = 8080 };
bind '/svc' = svc_t;
'/svc/name' = 'web';
