object template include_self_loop_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
include 'self_loop';
