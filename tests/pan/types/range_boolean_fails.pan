object template range_boolean_fails;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=range checking cannot be applied
bind '/b' = boolean(0..1);
'/b' = false;
