object template recursion_infinite_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=call depth limit
function again = again();
'/v' = again();
