object template length_of_boolean_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = length(false);
