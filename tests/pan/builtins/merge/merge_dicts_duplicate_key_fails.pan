object template merge_dicts_duplicate_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=same name in merge\(\): x
'/v' = merge(dict('x', 1), dict('x', 2));
