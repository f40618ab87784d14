object template key_on_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=dict
'/v' = key(list('x'), 0);
