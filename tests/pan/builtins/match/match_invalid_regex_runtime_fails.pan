object template match_invalid_regex_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=(?i)(regular expression|regex)
'/v' = { re = '(open'; match('x', re); };
