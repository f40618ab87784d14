object template next_without_first_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=no valid iterator
'/v' = { l = list(1); next(l, k, x); };
