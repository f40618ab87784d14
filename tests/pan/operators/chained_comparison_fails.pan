object template chained_comparison_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = 3 > 2 > 1;
