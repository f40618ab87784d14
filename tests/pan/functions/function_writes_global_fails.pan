object template function_writes_global_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=global variable 'COUNTER' cannot be modified
variable COUNTER = 0;
function bump = { COUNTER = COUNTER + 1; };
'/v' = bump();
