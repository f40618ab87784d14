object template undefined_function_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=not_a_function_anywhere
'/v' = not_a_function_anywhere();
