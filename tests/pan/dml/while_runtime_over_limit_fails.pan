object template while_runtime_over_limit_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=loop iteration count
'/lim' = 20000;
'/v' = { n = 0; while (n < value('/lim')) n = n + 1; n; };
