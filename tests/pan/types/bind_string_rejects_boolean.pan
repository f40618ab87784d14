object template bind_string_rejects_boolean;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=type of 'string' but element is of type 'boolean'
bind '/s' = string;
'/s' = false;
