object template substitute_missing_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=absent
'/v' = substitute('${absent}', dict('present', 1));
