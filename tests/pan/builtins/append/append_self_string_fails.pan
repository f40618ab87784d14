object template append_self_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(string.*list|list.*string)
'/v' = 'str';
'/v' = append('x');
