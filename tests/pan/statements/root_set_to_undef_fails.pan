object template root_set_to_undef_fails;
# The root of a profile stays a dict: undef cannot replace it.
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=root element cannot be replaced by element of type undef
'/' = undef;
