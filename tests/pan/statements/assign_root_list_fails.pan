object template assign_root_list_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=root element cannot be replaced
'/' = list('a');
