object template ordinary_final_twice_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=/frozen cannot be modified
include 'set_final';
include 'set_final';
