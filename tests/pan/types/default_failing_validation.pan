object template default_failing_validation;
# A default value is validated like any other value.
# @expect=org.quattor.pan.exceptions.ValidationException
type port = long(1..65535);
type svc = { 'port' : port = 70000 };
bind '/svc' = svc;
'/svc/name' = 'x';
