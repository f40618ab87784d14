object template record_optional_wrong_type_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
type host_t = { 'ip' ? string };
bind '/h' = host_t;
'/h/ip' = 10;
