object template with_clause_regex;
# @expect=org.quattor.pan.exceptions.ValidationException
type host_t = string with match(SELF, '^[a-z]+[0-9]*$');
bind '/h' = host_t;
'/h' = 'Node-1';
