object template append_self_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=is not a list
'/v' = 'str';
'/v' = append('x');
