object template function_loop_limit_applies;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=loop iteration count
function spin = { i = 0; while (i < ARGV[0]) i = i + 1; i; };
'/v' = spin(10001);
