object template key_double_index_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=key\(\).*long
'/v' = key(dict('a', 1), 1.0);
