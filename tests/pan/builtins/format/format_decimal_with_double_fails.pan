object template format_decimal_with_double_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=d != java.lang.Double
'/v' = format('%d', 2.5);
