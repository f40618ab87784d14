object template foreach_over_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=resource
'/v' = foreach (k; v; 'text') 1;
