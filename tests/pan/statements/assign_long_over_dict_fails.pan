object template assign_long_over_dict_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/d/x' = 1;
'/d' = 5;
