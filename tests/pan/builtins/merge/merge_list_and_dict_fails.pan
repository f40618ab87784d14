object template merge_list_and_dict_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=lists.*dicts
'/v' = merge(list(), dict());
