object template long_to_ip4_negative_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(32|ip4)
'/v' = long_to_ip4(-5);
