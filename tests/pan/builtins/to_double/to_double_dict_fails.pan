object template to_double_dict_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=to_double argument is not a property
'/v' = to_double(dict('a', 1));
