object template default_optional_field_not_inserted;
# @expect=not(/nlist[@name="profile"]/*[@name="svc"]/*[@name="port"])
type svc_t = { 'port' ? long = 8080 'name' : string };
bind '/svc' = svc_t;
'/svc/name' = 'x';
