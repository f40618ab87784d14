object template compare_undef_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { u = undef; u > 0; };
