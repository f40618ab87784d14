object template join_long_elements_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=only accepts strings as elements
'/v' = join('-', list(1, 2));
