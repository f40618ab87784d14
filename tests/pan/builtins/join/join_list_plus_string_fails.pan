object template join_list_plus_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = join('-', list('a'), 'b');
