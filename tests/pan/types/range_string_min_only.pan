object template range_string_min_only;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=string size \(0\) is outside range 1..
bind '/s' = string(1..);
'/s' = '';
