object template long_to_ip4_too_large_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = long_to_ip4(4294967296);
