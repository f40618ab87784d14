object template splice_list_replacement_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = splice(list(1), 0, 1, 'x');
