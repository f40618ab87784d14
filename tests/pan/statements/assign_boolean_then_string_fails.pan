object template assign_boolean_then_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/flag' = false;
'/flag' = 'no';
