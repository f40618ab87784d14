object template bind_long_rejects_string;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=validation requires type of 'long' but element is of type 'string'
bind '/n' = long;
'/n' = '12';
