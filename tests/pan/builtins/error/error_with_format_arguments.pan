object template error_with_format_arguments;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=code 17: bad
'/v' = error('code %d: %s', 17, 'bad');
