object template assign_string_then_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=existing element of type string cannot be replaced by one of type long
'/label' = 'x';
'/label' = 7;
