object template join_long_elements_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)string
'/v' = join('-', list(1, 2));
