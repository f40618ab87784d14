object template foreach_over_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = foreach (k; v; 42) 1;
