object template root_set_to_null_fails;
# The root of a profile cannot be deleted.
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=cannot set root element to null
'/a' = 1;
'/' = null;
