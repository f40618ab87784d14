object template deprecated_negative_level_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=deprecated
'/v' = deprecated(-3, 'x');
