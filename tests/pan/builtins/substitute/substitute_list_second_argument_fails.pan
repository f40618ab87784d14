object template substitute_list_second_argument_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=substitute\(\)
'/v' = substitute('${x}', list());
