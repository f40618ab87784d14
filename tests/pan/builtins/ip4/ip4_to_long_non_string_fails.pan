object template ip4_to_long_non_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=must be a string
'/v' = ip4_to_long(10);
