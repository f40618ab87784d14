object template while_constant_folded_over_1000_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=loop iteration count
'/v' = { n = 0; while (n < 1500) n = n + 1; n; };
