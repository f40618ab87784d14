object template next_without_first_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)(iterator|first)
'/v' = { l = list(1); next(l, k, x); };
