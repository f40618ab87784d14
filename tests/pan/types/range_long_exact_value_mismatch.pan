object template range_long_exact_value_mismatch;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=7.*outside.*range 8\.\.8
bind '/p' = long(8);
'/p' = 7;
