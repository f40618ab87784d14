object template assign_index_on_dict_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/d/key' = 'x';
'/d/1' = 'y';
