object template long_to_ip4_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=long
'/v' = long_to_ip4('10.0.0.1');
