object template format_non_string_template_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=format\(\)
'/v' = format(3.5);
