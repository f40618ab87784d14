object template subscript_list_out_of_range_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { l = list('x'); l[3]; };
