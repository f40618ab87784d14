object template min_string_arguments_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)(long|double|number)
'/v' = min('a', 'b');
