object template merge_dicts_duplicate_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=merge\(\).*\bx\b
'/v' = merge(dict('x', 1), dict('x', 2));
