object template splice_string_replacement_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=splice\(\)
'/v' = splice('abc', 0, 1, list('z'));
