object template bind_conflicting_types_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/n' = string;
bind '/n' = long;
'/n' = 'a';
