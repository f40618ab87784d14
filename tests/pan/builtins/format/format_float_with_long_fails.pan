object template format_float_with_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=f != java.lang.Long
'/v' = format('%.2f', 3);
