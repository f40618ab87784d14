object template splice_string_start_past_end_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=start index in splice\(\) is after end of string
'/v' = splice('ab', 4, 0, 'c');
