object template append_to_dict_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=append\(\).*list
'/v' = append(dict(), 'x');
