object template record_extensible_declared_field_checked;
# @expect=org.quattor.pan.exceptions.ValidationException
type host_t = extensible { 'name' : string };
bind '/h' = host_t;
'/h/name' = 5;
