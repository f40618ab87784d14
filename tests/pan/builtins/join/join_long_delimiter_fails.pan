object template join_long_delimiter_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)string
'/v' = join(0, list('a'));
