object template subscript_long_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/v' = { n = 7; n[0]; };
