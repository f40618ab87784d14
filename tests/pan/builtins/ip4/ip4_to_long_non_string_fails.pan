object template ip4_to_long_non_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=ip4_to_long
'/v' = ip4_to_long(10);
