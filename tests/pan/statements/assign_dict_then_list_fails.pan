object template assign_dict_then_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=existing element of type nlist cannot be replaced by one of type list
'/d' = dict('k', 1);
'/d' = list(1);
