object template to_uppercase_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=to_uppercase
'/v' = to_uppercase(12);
