object template default_wrong_type_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
type svc_t = { 'port' : long = 'eighty' };
bind '/svc' = svc_t;
'/svc' = dict();
