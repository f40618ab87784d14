object template default_needs_parent;
# @expect=org.quattor.pan.exceptions.ValidationException
type svc_t = { 'port' : long = 8080 };
bind '/svc' = svc_t;
'/other' = 1;
