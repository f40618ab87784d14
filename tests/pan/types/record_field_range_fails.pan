object template record_field_range_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=128.*outside.*range 1\.\.64
type host_t = { 'cpus' : long(1..64) };
bind '/h' = host_t;
'/h/cpus' = 128;
