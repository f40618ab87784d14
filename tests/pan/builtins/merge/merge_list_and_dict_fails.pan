object template merge_list_and_dict_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=must be all lists or dicts
'/v' = merge(list(), dict());
