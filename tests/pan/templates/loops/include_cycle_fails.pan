object template include_cycle_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=call depth limit
include 'cycle_a';
