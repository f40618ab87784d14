object template assign_double_then_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=existing element of type double cannot be replaced by one of type long
'/f' = 2.5;
'/f' = 2;
