object template default_violates_range_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=80.*outside.*range 1024\.\.
type svc_t = { 'port' : long(1024..) = 80 };
bind '/svc' = svc_t;
'/svc' = dict();
