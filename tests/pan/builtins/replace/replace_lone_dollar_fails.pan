object template replace_lone_dollar_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)replace
'/v' = replace('b', 'x$', 'abc');
