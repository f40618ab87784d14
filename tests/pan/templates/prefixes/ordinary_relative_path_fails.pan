object template ordinary_relative_path_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
include 'rel_ord';
