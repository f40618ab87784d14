object template format_decimal_with_double_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=format
'/v' = format('%d', 2.5);
