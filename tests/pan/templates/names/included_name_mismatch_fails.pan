object template included_name_mismatch_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
include 'wrong_inner';
