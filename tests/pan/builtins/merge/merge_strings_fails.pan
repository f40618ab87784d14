object template merge_strings_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = merge('a', 'b');
