object template while_infinite_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=loop iteration count
'/v' = { x = 0; while (true) x = x + 1; };
