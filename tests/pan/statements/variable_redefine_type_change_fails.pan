object template variable_redefine_type_change_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=existing element of type string cannot be replaced by one of type long
variable N = 'one';
variable N = 1;
