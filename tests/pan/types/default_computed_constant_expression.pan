object template default_computed_constant_expression;
# @expect=/nlist[@name="profile"]/*[@name="svc"]/string[@name="label"]="port-81"
type svc_t = { 'label' : string = 'port-' + to_string(80 + 1) };
bind '/svc' = svc_t;
'/svc' = dict();
