object template splice_string_length_past_end_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=splice\(\)
'/v' = splice('abc', 2, 5);
