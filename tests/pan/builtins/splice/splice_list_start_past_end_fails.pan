object template splice_list_start_past_end_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=start index in splice\(\) is after end of list
'/v' = splice(list(1), 3, 0);
