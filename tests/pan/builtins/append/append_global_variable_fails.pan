object template append_global_variable_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=global variable 'GL' cannot be modified
variable GL = list();
'/v' = append(GL, 1);
