object template logical_and_long_lhs_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = 0 && false;
