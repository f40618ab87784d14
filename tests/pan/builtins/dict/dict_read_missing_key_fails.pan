object template dict_read_missing_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=variable named 'd\[b\]' is undefined
'/v' = { d = dict('a', 1); d['b']; };
