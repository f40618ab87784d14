object template error_non_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=needs to be a string
'/v' = error(404);
