object template loadpath_string_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
variable LOADPATH = 'first';
include 'conf';
