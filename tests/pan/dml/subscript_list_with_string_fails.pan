object template subscript_list_with_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { l = list(1); l['k']; };
