object template variadic_sum_mixed_type_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=existing element of type long cannot be replaced by one of type double
function sum_all = { s = 0; foreach (i; x; ARGV) s = s + x; s; };
'/v' = sum_all(1, 0.5);
