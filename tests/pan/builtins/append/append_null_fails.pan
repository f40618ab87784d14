object template append_null_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=value cannot be null for append
'/v' = append(list(), null);
