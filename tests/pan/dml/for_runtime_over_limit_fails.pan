object template for_runtime_over_limit_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/lim' = 10500;
'/v' = { s = 0; for (i = 0; i < value('/lim'); i = i + 1) s = s + 1; s; };
