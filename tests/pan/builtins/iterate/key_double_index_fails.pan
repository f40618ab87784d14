object template key_double_index_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=second argument to key\(\) must be a long
'/v' = key(dict('a', 1), 1.0);
