object template record_given_list_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message='(dict|nlist)'.*'list'
type host_t = { 'name' ? string };
bind '/h' = host_t;
'/h' = list('x');
