object template range_string_min_only;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=outside.*range 1\.\.
bind '/s' = string(1..);
'/s' = '';
