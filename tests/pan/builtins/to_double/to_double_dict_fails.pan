object template to_double_dict_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)(property|nlist|dict)
'/v' = to_double(dict('a', 1));
