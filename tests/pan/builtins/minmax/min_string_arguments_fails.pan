object template min_string_arguments_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=must be longs or doubles
'/v' = min('a', 'b');
