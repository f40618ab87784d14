object template validation_function_returns_long_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=(long.*boolean|boolean.*long)
function check_it = 1;
type c_t = long with check_it(SELF);
bind '/c' = c_t;
'/c' = 1;
