object template record_field_wrong_type_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
type host_t = { 'cpus' : long };
bind '/h' = host_t;
'/h/cpus' = 'four';
