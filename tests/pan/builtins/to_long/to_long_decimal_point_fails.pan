object template to_long_decimal_point_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=2\.5
'/v' = to_long('2.5');
