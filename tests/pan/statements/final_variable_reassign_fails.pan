object template final_variable_reassign_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
final variable LOCKED = 'a';
variable LOCKED = 'b';
