object template foreach_over_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=third foreach argument does not evaluate to a resource
'/v' = foreach (k; v; 'text') 1;
