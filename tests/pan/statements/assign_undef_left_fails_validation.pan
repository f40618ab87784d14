object template assign_undef_left_fails_validation;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=element at /pending is undefined
'/pending' = undef;
