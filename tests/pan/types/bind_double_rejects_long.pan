object template bind_double_rejects_long;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=type of 'double' but element is of type 'long'
bind '/x' = double;
'/x' = 3;
