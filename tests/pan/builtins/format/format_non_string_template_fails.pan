object template format_non_string_template_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=first argument to format\(\) must be a string
'/v' = format(3.5);
