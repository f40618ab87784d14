object template include_cycle_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=include cycle: cycle_a → cycle_b → cycle_a
include 'cycle_a';
