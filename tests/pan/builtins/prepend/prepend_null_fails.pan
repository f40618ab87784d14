object template prepend_null_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=value cannot be null for prepend
'/v' = prepend(list(), null);
