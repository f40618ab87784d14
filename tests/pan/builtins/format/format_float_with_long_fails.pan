object template format_float_with_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=format
'/v' = format('%.2f', 3);
