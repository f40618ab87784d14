object template range_long_min_only;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=9.*outside.*range 10\.\.
bind '/p' = long(10..);
'/p' = 9;
