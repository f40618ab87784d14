object template range_long_above_max;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=value \(70,000\) is outside.*range 1\.\.65535
bind '/p' = long(1..65535);
'/p' = 70000;
