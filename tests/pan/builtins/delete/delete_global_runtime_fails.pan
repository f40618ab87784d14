object template delete_global_runtime_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
variable GD = dict('a', 1);
'/k' = 'a';
'/v' = { delete(GD[value('/k')]); 1; };
