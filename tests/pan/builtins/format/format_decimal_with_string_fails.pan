object template format_decimal_with_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=format
'/v' = format('%d', 'seven');
