object template with_clause_user_function;
# @expect=org.quattor.pan.exceptions.ValidationException
function is_port = ARGV[0] > 0 && ARGV[0] < 65536;
type port_t = long with is_port(SELF);
bind '/p' = port_t;
'/p' = 0;
