object template range_string_too_short;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=outside.*range 3\.\.5
bind '/s' = string(3..5);
'/s' = 'ab';
