object template range_long_max_only_means_zero_min;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=-2.*outside.*range 0\.\.3
bind '/p' = long(..3);
'/p' = -2;
