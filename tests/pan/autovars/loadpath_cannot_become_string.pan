object template loadpath_cannot_become_string;
# LOADPATH is a list from the start: it cannot be replaced by a string.
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=existing element of type list cannot be replaced by one of type string
variable LOADPATH = 'site';
