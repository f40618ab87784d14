object template undefined_function_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=undefined function
'/v' = not_a_function_anywhere();
