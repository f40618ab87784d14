object template variable_undefined_reference_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=variable named 'NOT_DEFINED_ANYWHERE' is undefined
'/v' = NOT_DEFINED_ANYWHERE;
