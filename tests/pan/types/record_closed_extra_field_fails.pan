object template record_closed_extra_field_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=record definition contains unexpected field\(s\): alias
type host_t = { 'name' : string };
bind '/h' = host_t;
'/h/name' = 'n';
'/h/alias' = 'a';
