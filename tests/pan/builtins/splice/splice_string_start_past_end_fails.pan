object template splice_string_start_past_end_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=splice\(\)
'/v' = splice('ab', 4, 0, 'c');
