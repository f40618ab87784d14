object template assign_root_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=root element cannot be replaced
'/' = 5;
