object template format_missing_argument_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=format
'/v' = format('%s and %s', 'one');
