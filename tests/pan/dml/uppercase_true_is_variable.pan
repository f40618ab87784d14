object template uppercase_true_is_variable;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=variable named 'FALSE' is undefined
'/v' = FALSE;
