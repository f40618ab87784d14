object template assign_long_then_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=existing element of type long cannot be replaced by one of type string
'/port' = 22;
'/port' = 'ssh';
