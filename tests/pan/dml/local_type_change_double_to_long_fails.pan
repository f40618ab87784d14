object template local_type_change_double_to_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { x = 1.5; x = 2; x; };
