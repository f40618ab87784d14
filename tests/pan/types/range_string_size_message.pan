object template range_string_size_message;
# A string outside a length range is reported with its size, as panc words it.
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=string size \(2\) is outside range 4\.\.8
bind '/code' = string(4..8);
'/code' = 'ab';
