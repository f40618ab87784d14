object template to_lowercase_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = to_lowercase(list('A'));
