object template assign_dict_key_on_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/l/0' = 'x';
'/l/key' = 'y';
