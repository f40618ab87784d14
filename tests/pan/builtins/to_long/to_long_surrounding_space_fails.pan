object template to_long_surrounding_space_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = to_long('5 ');
