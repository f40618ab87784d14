object template assign_root_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=cannot be replaced by .*list
'/' = list('a');
