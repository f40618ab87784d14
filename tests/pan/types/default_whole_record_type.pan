object template default_whole_record_type;
# @expect=/nlist[@name="profile"]/*[@name="svc"]/string[@name="name"]="dflt"
# @expect=/nlist[@name="profile"]/*[@name="svc"]/long[@name="port"]="8080"
type svc_t = { 'port' : long = 8080 'name' : string } = dict('name', 'dflt');
bind '/svc' = svc_t;
'/other' = 1;
