object template format_decimal_with_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=d != java.lang.String
'/v' = format('%d', 'seven');
