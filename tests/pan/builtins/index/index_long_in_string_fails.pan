object template index_long_in_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=invalid argument
'/v' = index(5, 'a5b');
