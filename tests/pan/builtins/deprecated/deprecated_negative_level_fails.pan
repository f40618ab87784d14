object template deprecated_negative_level_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=non-negative long
'/v' = deprecated(-3, 'x');
