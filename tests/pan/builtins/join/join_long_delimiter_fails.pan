object template join_long_delimiter_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=first argument in join\(\) must be a string
'/v' = join(0, list('a'));
