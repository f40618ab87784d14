object template record_given_long_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
type host_t = { 'name' ? string };
bind '/h' = host_t;
'/h' = 42;
