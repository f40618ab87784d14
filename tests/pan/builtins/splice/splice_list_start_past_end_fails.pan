object template splice_list_start_past_end_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=splice\(\)
'/v' = splice(list(1), 3, 0);
