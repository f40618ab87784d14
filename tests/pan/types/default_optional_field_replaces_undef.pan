object template default_optional_field_replaces_undef;
# @expect=/nlist[@name="profile"]/*[@name="svc"]/long[@name="port"]="8080"
type svc_t = { 'port' ? long = 8080 };
bind '/svc' = svc_t;
'/svc/port' = undef;
