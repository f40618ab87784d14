object template bitwise_on_boolean_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=must be long values
'/v' = true | false;
