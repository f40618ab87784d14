object template replace_lone_dollar_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=invalid replacement string
'/v' = replace('b', 'x$', 'abc');
