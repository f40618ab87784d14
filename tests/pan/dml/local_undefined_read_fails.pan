object template local_undefined_read_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=variable named 'nothing_here' is undefined
'/v' = { nothing_here + 1; };
