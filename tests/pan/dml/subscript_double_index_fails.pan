object template subscript_double_index_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { l = list(1, 2); l[0.0]; };
