object template substitute_list_second_argument_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=second argument to substitute\(\) must be an nlist
'/v' = substitute('${x}', list());
