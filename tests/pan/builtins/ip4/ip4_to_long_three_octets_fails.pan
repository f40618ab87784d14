object template ip4_to_long_three_octets_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = ip4_to_long('10.0.1');
