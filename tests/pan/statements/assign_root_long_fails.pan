object template assign_root_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=cannot be replaced by .*long
'/' = 5;
