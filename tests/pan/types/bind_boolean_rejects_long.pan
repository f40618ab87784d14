object template bind_boolean_rejects_long;
# @expect=org.quattor.pan.exceptions.ValidationException
bind '/b' = boolean;
'/b' = 1;
