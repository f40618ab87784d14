object template key_index_out_of_range_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=key\(\).*\b2\b
'/v' = key(dict('a', 1, 'b', 2), 2);
