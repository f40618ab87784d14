object template key_negative_index_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = key(dict('a', 1), -2);
