object template value_missing_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=referenced path \(/missing/path\) doesn't exist
'/v' = value('/missing/path');
