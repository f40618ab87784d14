object template range_long_below_min;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=0.*outside.*range 1\.\.65535
bind '/p' = long(1..65535);
'/p' = 0;
