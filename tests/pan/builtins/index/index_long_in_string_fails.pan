object template index_long_in_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=index\(\)
'/v' = index(5, 'a5b');
