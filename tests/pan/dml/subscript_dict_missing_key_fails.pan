object template subscript_dict_missing_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { d = dict('a', 1); d['b']; };
