object template local_list_to_dict_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { x = dict(); x = list(); x; };
