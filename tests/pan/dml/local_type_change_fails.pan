object template local_type_change_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=existing element of type string cannot be replaced by one of type long
'/v' = { x = 'str'; x = 5; x; };
