object template logical_or_long_rhs_runtime_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = { f = false; f || 3; };
