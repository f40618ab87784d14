object template match_invalid_regex_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=invalid regular expression
'/v' = { re = '(open'; match('x', re); };
