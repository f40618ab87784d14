object template record_required_missing_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=required field: ip
type host_t = { 'name' : string 'ip' : string };
bind '/h' = host_t;
'/h/name' = 'n';
