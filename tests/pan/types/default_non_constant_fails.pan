object template default_non_constant_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=compile-time constant
'/base' = 5;
type svc_t = { 'port' : long = value('/base') };
bind '/svc' = svc_t;
'/svc' = dict();
