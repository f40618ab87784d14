object template append_null_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=null
'/v' = append(list(), null);
