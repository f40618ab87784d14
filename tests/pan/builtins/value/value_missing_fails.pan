object template value_missing_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=/missing/path
'/v' = value('/missing/path');
