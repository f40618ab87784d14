object template to_long_radix_out_of_range_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=40
'/v' = to_long('1', 40);
