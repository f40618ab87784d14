object template format_unknown_conversion_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = format('%y', 1);
