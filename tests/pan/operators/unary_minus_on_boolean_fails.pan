object template unary_minus_on_boolean_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = -false;
