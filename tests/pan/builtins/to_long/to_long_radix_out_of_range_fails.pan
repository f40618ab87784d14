object template to_long_radix_out_of_range_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=radix value 40 is not within valid range
'/v' = to_long('1', 40);
