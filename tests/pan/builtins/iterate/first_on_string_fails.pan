object template first_on_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=first.*resource
'/v' = first('str', k, x);
