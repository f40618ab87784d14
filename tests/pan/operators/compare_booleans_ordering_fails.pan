object template compare_booleans_ordering_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
'/v' = false < true;
