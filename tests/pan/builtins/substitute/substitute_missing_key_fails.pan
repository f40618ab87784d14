object template substitute_missing_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=variable \(absent\) undefined in substitute
'/v' = substitute('${absent}', dict('present', 1));
