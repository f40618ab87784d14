object template bind_undef_value_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/n' = long;
'/n' = undef;
