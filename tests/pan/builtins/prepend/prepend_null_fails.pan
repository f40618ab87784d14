object template prepend_null_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=null
'/v' = prepend(list(), null);
