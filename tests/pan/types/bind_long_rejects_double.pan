object template bind_long_rejects_double;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=type of 'long' but element is of type 'double'
bind '/n' = long;
'/n' = 12.0;
