object template subscript_dict_with_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { d = dict('k', 1); d[0]; };
