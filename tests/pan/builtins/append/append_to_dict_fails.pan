object template append_to_dict_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=first argument of append\(\) must be a variable reference or a list
'/v' = append(dict(), 'x');
